import { useState } from "preact/hooks";
import { Loading } from "../../components/Loading.js";
import { loadAuditDays, type AuditDayRow } from "../../data/auditLog.js";
import { useLoad } from "../../data/useLoad.js";
import { count } from "../../format.js";
import { useAuditLogLang } from "../../i18n/auditLog.js";
import { AuditDayView } from "./AuditDayView.js";

/** The audit log: the latest days with their roots; one day's entries, filterable, and its check in the browser. */
export function AuditLogPage() {
  const { t } = useAuditLogLang();
  const days = useLoad(() => loadAuditDays(new Date()), []);
  const [selected, setSelected] = useState<AuditDayRow | null>(null);
  return (
    <section data-testid="audit-log">
      <h1>{t("auditLog.title")}</h1>
      <p>{t("auditLog.intro")}</p>
      <h2>{t("auditLog.days.title")}</h2>
      {days.state === "loading" && <Loading />}
      {days.state === "failed" && (
        <p role="alert" class="notice notice-error">
          {t("common.loadFailed")}
        </p>
      )}
      {days.state === "ready" && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t("auditLog.days.caption")}>
          <table data-testid="audit-days">
            <caption>{t("auditLog.days.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("auditLog.day")}</th>
                <th scope="col">{t("auditLog.state")}</th>
                <th scope="col">{t("auditLog.chains")}</th>
                <th scope="col">{t("auditLog.entries")}</th>
                <th scope="col">{t("auditLog.root")}</th>
                <th scope="col">
                  <span class="audit-hidden">{t("auditLog.openColumn")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {days.value.map((row) => (
                <tr key={row.day} data-testid={`audit-day-${row.day}`}>
                  <th scope="row">{row.day}</th>
                  <td>{t(row.record === null ? "auditLog.state.open" : row.record.state === "sealed" ? "auditLog.state.sealed" : "auditLog.state.sealing")}</td>
                  <td>{row.record?.state === "sealed" ? count(row.record.chains) : "—"}</td>
                  <td>{row.record?.state === "sealed" ? count(row.record.entries) : "—"}</td>
                  <td>{row.record?.state === "sealed" ? <code class="audit-hash">{row.record.root}</code> : "—"}</td>
                  <td>
                    <button type="button" class="button-quiet" aria-pressed={selected?.day === row.day} onClick={() => setSelected(row)}>
                      {t("auditLog.open", { day: row.day })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected && <AuditDayView key={selected.day} row={selected} />}
      <p>
        {t("auditLog.wholeLog")} <code>npm run verify-audit</code>
      </p>
    </section>
  );
}
