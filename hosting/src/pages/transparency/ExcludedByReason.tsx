import { REASON_TEXT } from "@schemas/registrationMessages.js";
import { isReasonCode } from "../../data/reasons.js";
import { count } from "../../format.js";
import { useTransparencyLang } from "../../i18n/transparency.js";

// A code the web app has no words for (a newer reason) is shown as it is, never dropped.
const reasonText = (code: string) => (isReasonCode(code) ? REASON_TEXT[code] : null);

/** Who was left out at the close re-check, by reason: not recomputable from the pool, so published. */
export function ExcludedByReason({ excluded }: { excluded: Record<string, number> }) {
  const { lang, t } = useTransparencyLang();
  const rows = Object.entries(excluded).sort(([, a], [, b]) => b - a);
  return (
    <section aria-labelledby="excluded-title">
      <h2 id="excluded-title">{t("transparency.excluded")}</h2>
      <p>{t("transparency.excludedHint")}</p>
      {rows.length === 0 ? (
        <p class="muted">{t("transparency.excludedNone")}</p>
      ) : (
        <div class="table-scroll">
          <table data-testid="excluded-by-reason">
            <thead>
              <tr>
                <th scope="col">{t("transparency.reason")}</th>
                <th scope="col" class="number">
                  {t("transparency.people")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([code, people]) => (
                <tr key={code} data-reason={code}>
                  <td>
                    {reasonText(code)?.[lang] ?? code} <code class="muted">{code}</code>
                  </td>
                  <td class="number">{count(people)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
