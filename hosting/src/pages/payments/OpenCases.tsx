import { useEffect, useRef, useState } from "preact/hooks";
import type { OpenCaseView } from "@schemas/payoutViews.js";
import { partnerName } from "../../data/paymentPartners.js";
import { jakartaTime, rupiah } from "../../format.js";
import { usePaymentsLang } from "../../i18n/payments.js";
import { CaseResolveForm } from "./CaseResolveForm.js";

interface Props {
  cases: OpenCaseView[];
  canAct: boolean;
  onChanged(): void;
}

/**
 * Participants' "not received" / "received less" reports still open, oldest first, for
 * reconciliation with the partners' statements, and (admins) closing one with what was found.
 */
export function OpenCases({ cases, canAct, onChanged }: Props) {
  const { lang, t } = usePaymentsLang();
  // A resolved report leaves the table when the figures are read again: what was done is said here, above it.
  const [done, setDone] = useState<string | null>(null);
  const shown = useRef<HTMLParagraphElement>(null);
  useEffect(() => shown.current?.focus(), [done]);
  const resolved = (text: string) => {
    setDone(text);
    onChanged();
  };
  return (
    <section aria-labelledby="cases-title" data-testid="open-cases">
      <h2 id="cases-title">{t("payments.cases.title")}</h2>
      {done && (
        <p ref={shown} tabIndex={-1} role="status" class="notice notice-ok" data-testid="cases-outcome">
          {done}
        </p>
      )}
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
      {canAct && cases.length > 0 && <CaseResolveForm cases={cases} onResolved={resolved} />}
    </section>
  );
}
