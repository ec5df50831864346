import { onRequest } from "firebase-functions/v2/https";
import { db } from "../adapters/firebase.js";
import { COLLECTIONS } from "../schemas/collections.js";
import { logs } from "../logs.js";

const PATH = /^(?:\/draws)?\/([A-Za-z0-9_-]{1,64})\/(?:(manifest)|(pool|winners)\/(\d{6}))\.json$/;

/**
 * The public draw of each wave, without sign-in: `/draws/<wave>/manifest.json` and the pages it
 * links to (`pool/000000.json`, `winners/000000.json`). Everything here is pseudonymous and
 * final once the wave is frozen (pool pages) or drawn (the rest).
 */
export const draws = onRequest({ cors: true }, async (request, response) => {
  const match = PATH.exec(request.path);
  if (request.method !== "GET" || match === null) {
    response.status(404).json({ error: { code: "not-found", message: "Tidak ditemukan / Not found" } });
    return;
  }
  const [, waveId, manifest, folder, page] = match;
  try {
    const drawRef = db().collection(COLLECTIONS.waveDraws).doc(waveId!);
    // Pool pages are public from the freeze (the commitment must be checkable before the draw);
    // the manifest only once the draw is published.
    const body = manifest ? (await drawRef.get()).get("manifest") : (await drawRef.collection(folder!).doc(page!).get()).data();
    if (body === undefined) {
      response.status(404).json({ error: { code: "not-published", message: "Undian belum diumumkan / The draw is not published yet" } });
      return;
    }
    // Short: a pool page written during a freeze that crashed may be rewritten before the commitment.
    response.set("cache-control", "public, max-age=300").json(body);
  } catch (error) {
    logs.requestFailed("draws", error);
    response.status(500).json({ error: { code: "internal", message: "Terjadi kesalahan / Something went wrong" } });
  }
});
