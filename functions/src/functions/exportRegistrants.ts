import { stringify } from "csv-stringify/sync";
import { ports } from "../composition.js";
import { http, idToken } from "../edge/http.js";
import { EXPORT_REFUSAL_TEXT, EXPORT_TOTAL_HEADER, REGISTRANT_CSV_COLUMNS, csvRecordOf, exportRegistrantsQuery } from "../schemas/registrants.js";
import { exportRegistrants as exportUseCase } from "../usecases/registrants/export.js";

const columns = REGISTRANT_CSV_COLUMNS.map(({ key, header }) => ({ key, header }));

/**
 * `GET /api/v1/registrants.csv?scope=&status=&districtCode=&waveId=` (through Hosting),
 * `Authorization: Bearer <ID token>` of an operator (their region), admin or auditor. Answers
 * `text/csv` with `X-Total-Count` (the rows counted when it began) before the first row, then the
 * header row and the rows as they are read, 500 at a time (README, "Registrant lists and exports").
 * Masked NIKs and names only: `include=nik` or any other unknown parameter is refused (400).
 */
export const exportRegistrants = http({
  name: "exportRegistrants",
  method: "GET",
  auth: idToken(),
  input: { query: exportRegistrantsQuery },
  refusals: { "not-operator-admin-or-auditor": 403, "region-outside-scope": 403 },
  texts: EXPORT_REFUSAL_TEXT,
  answer: { kind: "stream", contentType: "text/csv; charset=utf-8" },
  options: { timeoutSeconds: 540, memory: "512MiB" },
  async handle({ query }, actor, { requestId, stream }) {
    const name = `pendaftar-${query.districtCode ?? query.scope ?? actor.claims.region ?? "nasional"}.csv`;
    return exportUseCase(ports(), actor, query, requestId, {
      begin: (total) => {
        stream.open({ [EXPORT_TOTAL_HEADER]: String(total), "content-disposition": `attachment; filename="${name}"` });
        return stream.write(stringify([], { header: true, columns }));
      },
      rows: (rows) => stream.write(stringify(rows.map(csvRecordOf), { header: false, columns })),
    });
  },
});
