import { useMemo, useState } from "preact/hooks";
import { Loading } from "../../components/Loading.js";
import { checkAuditDay, loadAuditDay, type AuditDayRow, type DayCheck } from "../../data/auditLog.js";
import { useLoad } from "../../data/useLoad.js";
import { count, jakartaTime } from "../../format.js";
import { useAuditLogLang, type AuditLogMessageId } from "../../i18n/auditLog.js";
import { idAuditLog } from "../../i18n/id.auditLog.js";

const isText = (key: string): key is keyof typeof idAuditLog => key in idAuditLog;

/** One day's entries by time, filterable by act, and "Verify chain": the day's hashes recomputed in this browser. */
export function AuditDayView({ row }: { row: AuditDayRow }) {
  const { t, lang } = useAuditLogLang();
  const log = useLoad(() => loadAuditDay(row.day, row.record), [row.day]);
  const [act, setAct] = useState("");
  const [check, setCheck] = useState<DayCheck | "checking" | null>(null);
  const textOr = (key: string, fallback: string) => (isText(key) ? t(key) : fallback);

  const entries = useMemo(() => {
    if (log.state !== "ready") return [];
    return [...log.value.entries.values()]
      .flat()
      .map(({ entry }) => entry)
      .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : a.seq - b.seq));
  }, [log]);
  const acts = useMemo(() => [...new Set(entries.map((entry) => entry.act))].sort(), [entries]);
  const shown = act === "" ? entries : entries.filter((entry) => entry.act === act);

  async function verify() {
    if (log.state !== "ready") return;
    setCheck("checking");
    setCheck(await checkAuditDay(log.value));
  }

  function outcome(result: DayCheck): string {
    if (result.ok)
      return t("auditLog.intact", {
        chains: count(result.chains),
        entries: count(result.entries),
        sealed: row.record?.state === "sealed" ? t("auditLog.intact.sealed") : "",
      });
    const { broken } = result;
    const where = t("auditLog.where", {
      problem: textOr(`auditLog.problem.${broken.problem}`, broken.problem),
      day: broken.day,
      chain: broken.chain === undefined ? "" : t("auditLog.where.chain", { chain: broken.chain }),
      seq: broken.seq === undefined ? "" : t("auditLog.where.seq", { seq: broken.seq }),
    });
    const worded = broken.problem === "unexpected-field" ? "auditLog.brokenFields" : "auditLog.broken";
    return t(worded, { where, expected: broken.expected, found: broken.found });
  }

  const title: AuditLogMessageId = "auditLog.day.title";
  return (
    <section aria-labelledby="audit-day-title" data-testid="audit-day">
      <h2 id="audit-day-title">{t(title, { day: row.day })}</h2>
      {log.state === "loading" && <Loading />}
      {log.state === "failed" && (
        <p role="alert" class="notice notice-error">
          {t("common.loadFailed")}
        </p>
      )}
      {log.state === "ready" && (
        <>
          <p>
            <button type="button" onClick={() => void verify()} disabled={check === "checking"} data-testid="audit-verify">
              {check === "checking" ? t("auditLog.verifying") : t("auditLog.verify")}
            </button>
          </p>
          <div role="status" aria-live="polite">
            {check !== null && check !== "checking" && (
              <p class={check.ok ? "notice" : "notice notice-error"} data-testid="audit-verdict" data-intact={String(check.ok)}>
                {outcome(check)}
              </p>
            )}
          </div>
          {entries.length === 0 ? (
            <p>{t("auditLog.day.empty")}</p>
          ) : (
            <>
              <label>
                {t("auditLog.filter")}{" "}
                <select value={act} onChange={(event) => setAct(event.currentTarget.value)} data-testid="audit-filter">
                  <option value="">{t("auditLog.filter.all")}</option>
                  {acts.map((code) => (
                    <option key={code} value={code}>
                      {textOr(`auditLog.act.${code}`, code)}
                    </option>
                  ))}
                </select>
              </label>
              <div class="table-scroll" tabIndex={0} role="region" aria-label={t("auditLog.entries.caption", { day: row.day })}>
                <table data-testid="audit-entries">
                  <caption>{t("auditLog.entries.caption", { day: row.day })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("auditLog.at")}</th>
                      <th scope="col">{t("auditLog.act")}</th>
                      <th scope="col">{t("auditLog.actor")}</th>
                      <th scope="col">{t("auditLog.role")}</th>
                      <th scope="col">{t("auditLog.target")}</th>
                      <th scope="col">{t("auditLog.region")}</th>
                      <th scope="col">{t("auditLog.details")}</th>
                      <th scope="col">{t("auditLog.chainSeq")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((entry) => (
                      <tr key={`${entry.chain}/${entry.seq}`} data-act={entry.act}>
                        <td>
                          <time dateTime={entry.at.toISOString()}>{jakartaTime(entry.at, lang)}</time>
                        </td>
                        <td>{textOr(`auditLog.act.${entry.act}`, entry.act)}</td>
                        <td>{entry.actor}</td>
                        <td>{entry.role}</td>
                        <td>{entry.target}</td>
                        <td>{entry.region ?? "—"}</td>
                        <td>
                          {Object.entries(entry.details ?? {})
                            .map(([key, value]) => `${key}: ${String(value)}`)
                            .join(", ") || "—"}
                        </td>
                        <td>
                          <code>
                            {entry.chain} #{entry.seq}
                          </code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
