import type { OpenCaseView } from "@schemas/payoutViews.js";
import { partnerName } from "../../data/paymentPartners.js";
import { jakartaTime, rupiah } from "../../format.js";
import { usePaymentsLang } from "../../i18n/payments.js";

/** Participants' "not received" / "received less" reports still open, oldest first, for reconciliation with the partners' statements. */
export function OpenCases({ cases }: { cases: OpenCaseView[] }) {
  const { lang, t } = usePaymentsLang();
  return (
    <section aria-labelledby="cases-title" data-testid="open-cases">
      <h2 id="cases-title">{t("payments.cases.title")}</h2>
      {cases.length === 0 ? (
        <p class="card" data-testid="cases-none">
          {t("payments.cases.none")}
        </p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t("payments.cases.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("payments.cases.installment")}</th>
                <th scope="col">{t("payments.cases.kind")}</th>
                <th scope="col" class="number">
                  {t("payments.cases.received")}
                </th>
                <th scope="col">{t("payments.cases.partner")}</th>
                <th scope="col">{t("payments.cases.opened")}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((entry) => (
                <tr key={entry.id} data-testid="open-case">
                  <th scope="row">
                    <code>{entry.installmentId}</code>
                  </th>
                  <td>{t(`payments.cases.kind.${entry.kind}`)}</td>
                  <td class="number">{entry.amountReceived === null ? "—" : rupiah(entry.amountReceived)}</td>
                  <td>
                    {partnerName(entry.partner)}
                    {entry.partnerReference && (
                      <>
                        {" "}
                        <code>{entry.partnerReference}</code>
                      </>
                    )}
                  </td>
                  <td>{jakartaTime(new Date(entry.openedAt), lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
