import { z } from "zod";

/** A province (2 digits) or regency/city (4 digits) code, the unit operators are scoped to. */
export const regionScope = z.string().regex(/^\d{2}(\d{2})?$/, { message: "region-format" });
