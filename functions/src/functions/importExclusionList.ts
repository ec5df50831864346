import { onRequest, type Request } from "firebase-functions/v2/https";
import type { Response } from "express";
import { systemClock } from "../adapters/clock.js";
import { firestoreExclusionImports } from "../adapters/exclusionLists.js";
import { auth } from "../adapters/firebase.js";
import { secretPseudonyms } from "../adapters/pseudonyms.js";
import { nikHashKey } from "../config.js";
import { readExclusionCsv } from "../domain/exclusionCsv.js";
import { actorFrom } from "../edge/actor.js";
import { logs } from "../logs.js";
import { IMPORT_FAILURE_MESSAGES, importExclusionListQuery, type ImportFailure } from "../schemas/exclusion.js";
import { importExclusionList as importUseCase } from "../usecases/importExclusionList.js";

/**
 * `POST /importExclusionList?type=<type>`, `Authorization: Bearer <ID token>`, the list as CSV (≤ 32 MB;
 * longer: see the use case). Not a callable: it answers in NDJSON as it goes, `{"progress": n}` each 10,000
 * entries, then `{"done": {...}}`; a failure has its own status and `{ error }` unless lines went out already.
 */
const FN = "importExclusionList";
const STATUS: Record<ImportFailure, number> = { "method-not-allowed": 405, "invalid-argument": 400, unauthenticated: 401, "not-admin": 403, "nik-column-missing": 400, "no-entries": 422, internal: 500 };
/** To move into logs.ts: IDs, codes and counts only. */

function ndjson(res: Response) {
  return {
    line(value: unknown) {
      if (!res.headersSent) res.status(200).set({ "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" });
      res.write(`${JSON.stringify(value)}\n`);
    },
    fail(code: ImportFailure) {
      const body = { error: { code, message: `${IMPORT_FAILURE_MESSAGES[code].id} / ${IMPORT_FAILURE_MESSAGES[code].en}` } };
      if (res.headersSent) res.end(`${JSON.stringify(body)}\n`);
      else res.status(STATUS[code]).json(body);
    },
  };
}

/** The caller, or null for a missing, invalid, expired or revoked token; an Auth outage is thrown. */
async function bearer(header = "") {
  const token = /^Bearer (\S+)$/.exec(header)?.[1];
  const decoded = token === undefined ? null : await auth().verifyIdToken(token, true).catch((error: { code?: unknown }) => {
    if (String(error.code).startsWith("auth/")) return null;
    throw error;
  });
  return decoded && actorFrom({ uid: decoded.uid, token: decoded });
}

async function handle(req: Request, res: Response): Promise<void> {
  const out = ndjson(res);
  if (req.method !== "POST") return out.fail("method-not-allowed");
  const query = importExclusionListQuery.safeParse(req.query);
  if (!query.success) {
    logs.inputRejected(FN, ["type"]);
    return out.fail("invalid-argument");
  }
  const actor = await bearer(req.headers.authorization);
  if (actor === null) return out.fail("unauthenticated");
  const ports = { imports: firestoreExclusionImports, pseudonyms: secretPseudonyms(), clock: systemClock };
  // Cloud Functions has read the body already (hence its 32 MB cap); elsewhere, stream the request.
  const items = readExclusionCsv(req.rawBody ?? req);
  const outcome = await importUseCase(ports, actor, query.data.type, items, (entries) => out.line({ progress: entries }));
  if (!outcome.ok) {
    logs.requestRefused(FN, outcome.reason, actor.uid);
    return out.fail(outcome.reason);
  }
  logs.exclusionListImported({ ...outcome.value, by: actor.uid });
  out.line({ done: outcome.value });
  res.end();
}

/** One import per instance, for up to an hour: parsing and hashing a big list is CPU-bound. */
export const importExclusionList = onRequest({ secrets: [nikHashKey], timeoutSeconds: 3600, memory: "1GiB", concurrency: 1 }, async (req, res) => {
  await handle(req, res).catch((error: unknown) => {
    logs.requestFailed(FN, error);
    if (!res.writableEnded) ndjson(res).fail("internal");
  });
});
