import { ports } from "../composition.js";
import { nikHashKey } from "../config.js";
import { readExclusionCsv } from "../domain/exclusionCsv.js";
import { IMPORT_TIMEOUT_SECONDS } from "../domain/exclusionVersions.js";
import { http, idToken } from "../edge/http.js";
import { logs } from "../logs.js";
import { IMPORT_REFUSAL_TEXT, importExclusionListQuery } from "../schemas/exclusion.js";
import { importExclusionList as importUseCase } from "../usecases/importExclusionList.js";

/**
 * `POST /importExclusionList?type=<type>`, `Authorization: Bearer <ID token>` of a program admin,
 * the list as CSV (≤ 32 MB; longer: see the use case). Answered in NDJSON as it goes:
 * `{"progress": n, "rejectedLines": r}` each 10,000 entries, then `{"done": {...}}`. One import per instance, for up
 * to an hour: parsing and hashing a big list is CPU-bound.
 */
export const importExclusionList = http({
  name: "importExclusionList",
  method: "POST",
  auth: idToken(),
  input: { query: importExclusionListQuery },
  refusals: {
    "not-admin": 403,
    "nik-column-missing": 400,
    "no-entries": 422,
    "file-not-utf8": 415,
    "file-not-text": 415,
    "nik-column-ambiguous": 422,
    "nik-damaged-by-excel": 422,
  },
  texts: IMPORT_REFUSAL_TEXT,
  answer: { kind: "ndjson" },
  // Any origin: the program office's web console posts here directly (a Hosting rewrite would cut the
  // request at 60 s). The caller is named by the ID token in its Authorization header, never by a
  // cookie, so another site's page can send nothing in an admin's name.
  options: { secrets: [nikHashKey], timeoutSeconds: IMPORT_TIMEOUT_SECONDS, memory: "1GiB", concurrency: 1, cors: true },
  async handle({ query }, actor, { rawBody, requestId, line }) {
    // Cloud Functions has read the whole body already (hence its 32 MB cap).
    const outcome = await importUseCase(ports(), actor, query.type, readExclusionCsv(rawBody), (entries, rejectedLines) =>
      line({ progress: entries, rejectedLines }),
    );
    if (outcome.ok) logs.exclusionListImported({ ...outcome.value, by: actor.uid, requestId });
    return outcome;
  },
});
