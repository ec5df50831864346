import { filtersKey, readAuditKey } from "../../domain/audit/acts.js";
import { done, refused, type Outcome } from "../../domain/outcome.js";
import { mayDo, type Actor } from "../../domain/roles.js";
import type { ExportRegistrantsQuery } from "../../schemas/registrants.js";
import type { ExportSink, Ports } from "../ports.js";
import { registrantQueryOf, registrantRowOf } from "./view.js";

export type ExportRegistrantsRefusal = "not-operator-admin-or-auditor" | "region-outside-scope";

export type { ExportSink };

export type ExportRegistrantsPorts = Pick<Ports, "registrants" | "audit" | "clock">;

/** Rows read per page: one query each, never the whole region in memory. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * The registrants a list with these filters finds, all of them, masked, page by page in account
 * order. Operators export their own region (or a part of it), admins and auditors any region (an
 * auditor's export is a read: they may). In order:
 * 1. the role (PRIVILEGES "export-registrants") and the filters against the caller's region;
 * 2. the count (an aggregation: 1 read per 1,000 registrants);
 * 3. the audit record (`export-registrants`, key the request ID, details the filters, the rows
 *    counted and `masked: true`), appended before the first row leaves: no export goes unrecorded,
 *    even one the client breaks off;
 * 4. the rows, `EXPORT_PAGE_SIZE` at a time. A registrant added while the export runs may or may
 *    not be in it (the order is by uid), so the rows sent may differ a little from the count.
 * There is no full-NIK export: a clear NIK leaves one person at a time, through the vault's reveal.
 */
export async function exportRegistrants(
  ports: ExportRegistrantsPorts,
  actor: Actor,
  filters: ExportRegistrantsQuery,
  requestId: string,
  sink: ExportSink,
  pageSize = EXPORT_PAGE_SIZE,
): Promise<Outcome<{ rows: number; total: number }, ExportRegistrantsRefusal>> {
  if (!mayDo(actor, "export-registrants")) return refused("not-operator-admin-or-auditor");
  const query = registrantQueryOf(actor.claims, filters);
  if (query === null) return refused("region-outside-scope");

  const total = await ports.registrants.count(query);
  await ports.audit.append({
    act: "export-registrants",
    actor: actor.uid,
    role: actor.claims.role,
    target: query.region ?? "national",
    // One entry per export asked for: a request ID reused with other filters records that export too.
    key: readAuditKey(requestId, filtersKey(filters)),
    at: ports.clock.now(),
    ...(query.region === null ? {} : { region: query.region }),
    details: { ...filters, rows: total, masked: true },
  });
  await sink.begin(total);

  let rows = 0;
  let after: string | null = null;
  for (;;) {
    const page = await ports.registrants.page(query, after, pageSize);
    if (page.length > 0) await sink.rows(page.map(({ uid, applicant }) => registrantRowOf(uid, applicant)));
    rows += page.length;
    after = page.at(-1)?.uid ?? null;
    if (page.length < pageSize) return done({ rows, total });
  }
}
