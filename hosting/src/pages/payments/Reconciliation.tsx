import type { ClawbackSummary } from "@schemas/clawbacks.js";
import type { ReconciliationOverview } from "@schemas/reconciliation.js";
import { partnerName } from "../../data/paymentPartners.js";
import { count, jakartaDate, jakartaTime, rupiah } from "../../format.js";
import { usePaymentsLang } from "../../i18n/payments.js";

type Tally = { count: number; amount: number };

/**
 * The latest day's three-way reconciliation: the entitlements due, what we and each partner say
 * was paid that day, the differences by kind, and the first differences themselves.
 */
export function Reconciliation({ report }: { report: ReconciliationOverview | null }) {
  const { lang, t } = usePaymentsLang();
  const tally = (value: Tally) => t("payments.report.tally", { count: count(value.count), amount: rupiah(value.amount) });
  return (
    <section aria-labelledby="report-title" data-testid="reconciliation">
      <h2 id="report-title">{t("payments.report.title")}</h2>
      {report === null ? (
        <p class="card" data-testid="reconciliation-none">
          {t("payments.report.none")}
        </p>
      ) : (
        <>
          <p>{t("payments.report.day", { day: report.day, at: jakartaTime(new Date(report.generatedAt), lang), count: count(report.differences) })}</p>
          {report.overdueTruncated && <p class="notice">{t("payments.report.truncated")}</p>}
          <div class="table-scroll">
            <table>
              <caption>{t("payments.report.entitlementsCaption")}</caption>
              <tbody>
                <tr>
                  <th scope="row">{t("payments.report.dueToDate")}</th>
                  <td class="number">{tally(report.entitlements.dueToDate)}</td>
                </tr>
                <tr>
                  <th scope="row">{t("payments.report.dueOnDay")}</th>
                  <td class="number">{tally(report.entitlements.dueOnDay)}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <div class="table-scroll">
            <table>
              <caption>{t("payments.report.partnersCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("payments.report.partner")}</th>
                  <th scope="col">{t("payments.report.ours")}</th>
                  <th scope="col">{t("payments.report.statementPaid")}</th>
                  <th scope="col">{t("payments.report.statementReversed")}</th>
                </tr>
              </thead>
              <tbody>
                {report.partners.map((row) => (
                  <tr key={row.partner}>
                    <th scope="row">{partnerName(row.partner)}</th>
                    <td>{tally(row.ours)}</td>
                    <td>{row.statement === null ? t("payments.report.statementUnavailable") : tally(row.statement.paid)}</td>
                    <td>{row.statement === null ? t("payments.report.statementUnavailable") : tally(row.statement.reversed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.differences === 0 ? (
            <p class="notice notice-ok">{t("payments.report.noDifferences")}</p>
          ) : (
            <>
              <div class="table-scroll">
                <table>
                  <caption>{t("payments.report.byKindCaption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("payments.report.kind")}</th>
                      <th scope="col" class="number">
                        {t("payments.report.count")}
                      </th>
                      <th scope="col" class="number">
                        {t("payments.report.amount")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.byKind
                      .filter((row) => row.count > 0)
                      .map((row) => (
                        <tr key={row.kind}>
                          <th scope="row">{t(`payments.diff.${row.kind}`)}</th>
                          <td class="number">{count(row.count)}</td>
                          <td class="number">{rupiah(row.amount)}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
              <div class="table-scroll">
                <table data-testid="reconciliation-differences">
                  <caption>{t("payments.report.differencesCaption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("payments.clawbacks.installment")}</th>
                      <th scope="col">{t("payments.report.kind")}</th>
                      <th scope="col" class="number">
                        {t("payments.report.amount")}
                      </th>
                      <th scope="col">{t("payments.report.detail")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.first.map((difference, n) => (
                      <tr key={`${difference.installmentId ?? difference.reference ?? "-"}-${n}`}>
                        <th scope="row">
                          <code>{difference.installmentId ?? "—"}</code>
                        </th>
                        <td>{t(`payments.diff.${difference.kind}`)}</td>
                        <td class="number">{rupiah(difference.amount)}</td>
                        <td>
                          {[
                            difference.partner === null ? "" : partnerName(difference.partner),
                            difference.reference ?? "",
                            difference.ours === null ? "" : `${t("payments.report.ours")}: ${difference.ours.state} ${rupiah(difference.ours.amount)}`,
                            difference.statement === null
                              ? ""
                              : `${t("payments.report.partner")}: ${difference.statement.state} ${rupiah(difference.statement.amount)}`,
                          ]
                            .filter(Boolean)
                            .join(" · ")}
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

/** Repayment cases with something owed, soonest deadline first: amount, what is outstanding, the 60-day deadline, the state in words. */
export function Clawbacks({ clawbacks }: { clawbacks: ClawbackSummary[] }) {
  const { lang, t } = usePaymentsLang();
  return (
    <section aria-labelledby="clawbacks-title" data-testid="clawbacks">
      <h2 id="clawbacks-title">{t("payments.clawbacks.title")}</h2>
      {clawbacks.length === 0 ? (
        <p class="card" data-testid="clawbacks-none">
          {t("payments.clawbacks.none")}
        </p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t("payments.clawbacks.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("payments.clawbacks.installment")}</th>
                <th scope="col" class="number">
                  {t("payments.clawbacks.amount")}
                </th>
                <th scope="col" class="number">
                  {t("payments.clawbacks.outstanding")}
                </th>
                <th scope="col">{t("payments.clawbacks.due")}</th>
                <th scope="col">{t("payments.clawbacks.status")}</th>
              </tr>
            </thead>
            <tbody>
              {clawbacks.map((clawback) => (
                <tr key={clawback.installmentId} data-testid="clawback">
                  <th scope="row">
                    <code>{clawback.installmentId}</code>
                    <span class="hint">{t(`payments.clawbacks.reason.${clawback.reason}`)}</span>
                  </th>
                  <td class="number">{rupiah(clawback.amount)}</td>
                  <td class="number">{rupiah(clawback.outstanding)}</td>
                  <td>{jakartaDate(new Date(clawback.deadline), lang)}</td>
                  <td>{t(`payments.clawbacks.status.${clawback.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
