import { logger } from "firebase-functions";
import { onRequest, type Request } from "firebase-functions/v2/https";
import type { Response } from "express";
import { systemClock } from "../adapters/clock.js";
import { firestoreExclusionImports } from "../adapters/exclusionLists.js";
import { auth } from "../adapters/firebase.js";
import { secretPseudonyms } from "../adapters/pseudonyms.js";
import { nikHashKey } from "../config.js";
import { readExclusionCsv } from "../domain/exclusionCsv.js";
import type { Actor } from "../domain/roles.js";
import { actorFrom } from "../edge/actor.js";
import { logs } from "../logs.js";
import { importExclusionListQuery } from "../schemas/exclusion.js";
import { fieldErrors } from "../schemas/messages.js";
import { importExclusionList as importUseCase, type ImportRefusal } from "../usecases/importExclusionList.js";

/**
 * `POST /importExclusionList?type=<type>`, `Authorization: Bearer <ID token>`, body: the list as
 * CSV. An HTTPS function, not a callable: the answer is NDJSON streamed as the import goes,
 * `{"progress": n}` each 10,000 entries, then `{"done": {...}}` (or `{"error": {...}}`).
 * Before the first line, failures have their own status and a JSON `{ error: { code, message } }`;
 * after it the status is already 200 and the error is the last line.
 *
 * Cloud Functions caps a request body at 32 MB (about 1.9 million NIK lines). A longer list (social
 * aid: over 10 million people) is not supported yet. The plan: the admin's tool splits the file
 * into parts of ≤ 30 MB; the first request allocates the version and leaves it running, each
 * later one names it (`&version=v&part=k`) and adds its entries under the same version (the
 * per-entry read already dedupes across parts; the running tally is kept on the import record
 * after each part), and the one marked last completes it. Until then: one list per province.
 */

const FN = "importExclusionList";

type Failure = ImportRefusal | "unauthenticated" | "method-not-allowed" | "invalid-argument" | "internal";

const FAILURES: Record<Failure, { status: number; message: string }> = {
  "method-not-allowed": { status: 405, message: "Gunakan POST. / Use POST." },
  "invalid-argument": { status: 400, message: "Parameter tidak sah. / Invalid parameter." },
  unauthenticated: { status: 401, message: "Silakan masuk terlebih dahulu. / Please sign in first." },
  "not-admin": { status: 403, message: "Hanya admin program yang dapat mengimpor daftar pengecualian. / Only program admins may import exclusion lists." },
  "nik-column-missing": {
    status: 400,
    message: "Baris pertama berisi judul kolom tanpa kolom nik. / The first line names the columns but none is nik.",
  },
  "no-entries": { status: 422, message: "Berkas tidak berisi NIK 16 digit; daftar tidak diubah. / The file holds no 16-digit NIK; the list is unchanged." },
  internal: { status: 500, message: "Terjadi kesalahan. Coba lagi nanti. / Something went wrong. Try again later." },
};

/** To move into logs.ts (see the hand-over notes). */
const importLogs = {
  exclusionListImported: (fields: { type: string; version: number; entries: number; rejectedLines: number; current: boolean; by: string; ms: number }) =>
    logger.info("exclusion-list-imported", fields),
};

/** Lines of NDJSON; the status and headers go out with the first line. */
function ndjson(res: Response) {
  const line = (value: unknown) => {
    if (!res.headersSent) res.status(200).set({ "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" });
    res.write(`${JSON.stringify(value)}\n`);
  };
  const fail = (failure: Failure, extra: object = {}) => {
    const body = { error: { code: failure, message: FAILURES[failure].message, ...extra } };
    if (res.headersSent) res.end(`${JSON.stringify(body)}\n`);
    else res.status(FAILURES[failure].status).json(body);
  };
  return { line, fail, end: () => res.end() };
}

/** The caller, or null when the token is missing, invalid, expired or revoked. */
async function bearer(header: string | undefined): Promise<Actor | null> {
  const token = /^Bearer (\S+)$/.exec(header ?? "")?.[1];
  if (token === undefined) return null;
  try {
    const decoded = await auth().verifyIdToken(token, true);
    return actorFrom({ uid: decoded.uid, token: decoded });
  } catch (error) {
    if (String((error as { code?: unknown }).code).startsWith("auth/")) return null;
    throw error;
  }
}

/**
 * Cloud Functions hands over the body already read (hence the 32 MB cap). It goes to the parser
 * in 64 KiB slices, so memory holds the body once plus a few rounds of keys, never every line.
 */
function* slices(body: Buffer, size = 64 * 1024): Generator<Buffer> {
  for (let at = 0; at < body.length; at += size) yield body.subarray(at, at + size);
}

async function handle(req: Request, res: Response): Promise<void> {
  const out = ndjson(res);
  if (req.method !== "POST") return out.fail("method-not-allowed");
  const query = importExclusionListQuery.safeParse(req.query);
  if (!query.success) {
    const fields = fieldErrors(query.error);
    logs.inputRejected(FN, fields.map((f) => f.field));
    return out.fail("invalid-argument", { fields });
  }
  const actor = await bearer(req.headers.authorization);
  if (actor === null) return out.fail("unauthenticated");

  const began = Date.now();
  const ports = { imports: firestoreExclusionImports, pseudonyms: secretPseudonyms(), clock: systemClock };
  const items = readExclusionCsv(req.rawBody === undefined ? req : slices(req.rawBody));
  const outcome = await importUseCase(ports, actor, query.data.type, items, (entries) => out.line({ progress: entries }));
  if (!outcome.ok) {
    logs.requestRefused(FN, outcome.reason, actor.uid);
    return out.fail(outcome.reason);
  }
  const { type, version, entries, rejectedLines, current } = outcome.value;
  importLogs.exclusionListImported({ type, version, entries, rejectedLines, current, by: actor.uid, ms: Date.now() - began });
  out.line({ done: outcome.value });
  out.end();
}

export const importExclusionList = onRequest(
  // One import per instance for up to an hour: a big list is CPU-bound parsing and hashing.
  { secrets: [nikHashKey], timeoutSeconds: 3600, memory: "1GiB", concurrency: 1 },
  async (req, res) => {
    try {
      await handle(req, res);
    } catch (error) {
      logs.requestFailed(FN, error);
      if (!res.writableEnded) ndjson(res).fail("internal");
    }
  },
);
