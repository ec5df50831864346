import { z } from "zod";
import { ports } from "../composition.js";
import { http, publicAccess } from "../edge/http.js";
import { catalogueQuery } from "../schemas/catalogue.js";
import { REFUSAL_TEXT } from "../schemas/refusalMessages.js";
import { browseCatalogue } from "../usecases/browseCatalogue.js";

/**
 * The public training catalogue, without sign-in: `/api/catalogue` through Hosting (`/` called
 * directly), with the query `q`, `category`, `method`, `province`, `pageSize`, `cursor`, or
 * `course` for one training. Listed trainings only, each with its next runs and free seats.
 */
export const catalogue = http({
  name: "catalogue",
  method: "GET",
  auth: publicAccess,
  input: { path: z.string().regex(/^(?:\/api\/catalogue)?\/?$/), query: catalogueQuery },
  refusals: { "training-not-found": 404 },
  texts: { "training-not-found": REFUSAL_TEXT["training-not-found"] },
  // A minute: seats left may lag that much behind, never a purchase (the purchase checks the seat itself).
  answer: { headers: { "cache-control": "public, max-age=60" } },
  options: { cors: true },
  handle: ({ query }) => browseCatalogue(ports(), query),
});
