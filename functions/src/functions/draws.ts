import { z } from "zod";
import { ports } from "../composition.js";
import { http, publicAccess } from "../edge/http.js";
import { waveId } from "../schemas/ids.js";
import { publishedDraw } from "../usecases/publishedDraw.js";

/** `/draws/<wave>/manifest.json` or `…/plan.json` through Hosting (`/<wave>/…` called directly), or a page the manifest links to. */
const PATH = /^(?:\/draws)?\/([^/]+)\/(manifest|plan|(?:pool|winners)\/\d{6})\.json$/;
const drawPath = z
  .string()
  .regex(PATH)
  .transform((path) =>
    PATH.exec(path)!
      .slice(1)
      .flatMap((part) => part.split("/")),
  )
  .pipe(
    z.union([
      z.tuple([waveId, z.literal("manifest")]).transform(([wave]) => ({ waveId: wave, file: { kind: "manifest" as const } })),
      z.tuple([waveId, z.literal("plan")]).transform(([wave]) => ({ waveId: wave, file: { kind: "plan" as const } })),
      z
        .tuple([waveId, z.enum(["pool", "winners"]), z.string()])
        .transform(([wave, folder, page]) => ({ waveId: wave, file: { kind: "page" as const, folder, page: Number(page) } })),
    ]),
  );

/**
 * The public draw of each wave, without sign-in: the plan it committed to (from its opening), the
 * manifest and the pages it links to. Everything here is pseudonymous and final once the wave is
 * open (plan), frozen (pool pages) or drawn (the rest). A wave ID Firestore would refuse is 404 at
 * once, without a read.
 */
export const draws = http({
  name: "draws",
  method: "GET",
  auth: publicAccess,
  input: { path: drawPath },
  refusals: { "not-published": 404 },
  texts: {
    "not-published": {
      id: "Belum diumumkan: rencana gelombang (plan.json) terbit saat gelombang dibuka, halaman daftar undian saat dikunci, dan hasil undian setelah diundi. Halaman Transparansi menunjukkan tahap gelombang ini.",
      en: "Not published yet: a wave's plan (plan.json) is published when it opens, its pool pages when it is frozen, and its draw once drawn. The Transparency page shows which stage this wave is at.",
    },
  },
  // Short: a pool page written during a freeze that crashed may be rewritten before the commitment.
  answer: { headers: { "cache-control": "public, max-age=300" } },
  options: { cors: true },
  handle: ({ path }) => publishedDraw(ports(), path.waveId, path.file),
});
