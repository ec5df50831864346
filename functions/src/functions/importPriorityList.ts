import { ports } from "../composition.js";
import { nikHashKey, vaultKeysSecret } from "../config.js";
import { readExclusionCsv } from "../domain/exclusionCsv.js";
import { IMPORT_TIMEOUT_SECONDS } from "../domain/exclusionVersions.js";
import { http, idToken } from "../edge/http.js";
import { logs } from "../logs.js";
import { IMPORT_REFUSAL_TEXT } from "../schemas/exclusion.js";
import { importPriorityListQuery, PRIORITY_IMPORT_REFUSAL_TEXT } from "../schemas/priority.js";
import { importPriorityList as importUseCase } from "../usecases/importPriorityList.js";

/**
 * `POST /importPriorityList?listId=<id>&name=…&description=…&source=…`, `Authorization: Bearer <ID
 * token>` of a program admin, the list as CSV (a NIK column, optionally a mobile-number column;
 * ≤ 32 MB). Answered in NDJSON as the exclusion import is: `{"progress": n, "rejectedLines": r}`
 * each 10,000 entries, then `{"done": {...}}`.
 */
export const importPriorityList = http({
  name: "importPriorityList",
  method: "POST",
  auth: idToken(),
  input: { query: importPriorityListQuery },
  refusals: {
    "not-admin": 403,
    "nik-column-missing": 400,
    "no-entries": 422,
    "file-not-utf8": 415,
    "file-not-text": 415,
    "nik-column-ambiguous": 422,
    "nik-damaged-by-excel": 422,
  },
  texts: { ...IMPORT_REFUSAL_TEXT, ...PRIORITY_IMPORT_REFUSAL_TEXT },
  answer: { kind: "ndjson" },
  // Any origin, as the exclusion import: the caller is named by the ID token in its header, never by a cookie.
  options: { secrets: [nikHashKey, vaultKeysSecret], timeoutSeconds: IMPORT_TIMEOUT_SECONDS, memory: "1GiB", concurrency: 1, cors: true },
  async handle({ query }, actor, { rawBody, requestId, line }) {
    const outcome = await importUseCase(ports(), actor, query, readExclusionCsv(rawBody), (entries, rejectedLines) =>
      line({ progress: entries, rejectedLines }),
    );
    if (outcome.ok) {
      const { listId, version, entries, withPhone, registered, current } = outcome.value;
      logs.priorityListImported({ listId, version, entries, withPhone, registered, current, by: actor.uid, requestId });
    }
    return outcome;
  },
});
