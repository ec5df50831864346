import { onRequest } from "firebase-functions/v2/https";
import { db } from "../adapters/firebase.js";
import { COLLECTIONS } from "../schemas/collections.js";
import { logs } from "../logs.js";

const PATH = /^(?:\/draws)?\/([A-Za-z0-9_-]{1,64})\/(?:(manifest)|(pool|winners)\/(\d{6}))\.json$/;

/**
 * The public draw of each wave, without sign-in: `/draws/<wave>/manifest.json` and the pages it
 * links to (`pool/000000.json`, `winners/000000.json`). Everything here is pseudonymous and
 * final once published, so it is served with a long cache life.
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
    const body = manifest ? (await drawRef.get()).get("manifest") : (await drawRef.collection(folder!).doc(page!).get()).data();
    const published = manifest ? body !== undefined : (await drawRef.get()).get("manifest") !== undefined;
    if (body === undefined || !published) {
      response.status(404).json({ error: { code: "not-published", message: "Undian belum diumumkan / The draw is not published yet" } });
      return;
    }
    response.set("cache-control", "public, max-age=3600").json(body);
  } catch (error) {
    logs.requestFailed("draws", error);
    response.status(500).json({ error: { code: "internal", message: "Terjadi kesalahan / Something went wrong" } });
  }
});
