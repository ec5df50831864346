import { count } from "../../format.js";
import { useConsoleLang } from "../../i18n/console.js";
import type { ImportState } from "./ExclusionImport.js";
import { linesSent } from "./importStream.js";

/** An import's progress while it runs (lines sent, accepted, rejected), then its outcome and the difference from the version before. */
export function ImportReport({ state }: { state: ImportState }) {
  const { t } = useConsoleLang();
  if (state.kind === "running") {
    const { lines, bytes, progress } = state;
    const sent = linesSent(progress.bytesSent, bytes, lines);
    return (
      <div class="card stack" role="status" aria-live="polite" data-testid="import-progress">
        <progress max={lines} value={sent} aria-label={t("console.import.sentLabel")} />
        <p data-testid="import-counts">
          {t("console.import.progress", { sent: count(sent), lines: count(lines), entries: count(progress.entries), rejected: count(progress.rejectedLines) })}
        </p>
      </div>
    );
  }
  if (state.kind !== "done") return null;
  const { result, diff, previous } = state;
  return (
    <div class="notice notice-ok stack" role="status" data-testid="import-done" data-version={result.version}>
      <p data-testid="import-counts">
        {t("console.import.done", {
          version: result.version,
          lines: count(state.lines),
          entries: count(result.entries),
          rejected: count(result.rejectedLines),
        })}
      </p>
      {result.rejectedLineNumbers.length > 0 && <p>{t("console.import.rejectedAt", { lines: result.rejectedLineNumbers.join(", ") })}</p>}
      {!result.current && <p>{t("console.import.notCurrent")}</p>}
      {previous === 0 && <p data-testid="import-diff">{t("console.import.firstVersion", { entries: count(result.entries) })}</p>}
      {diff !== null && (
        <table data-testid="import-diff">
          <caption>{t("console.import.diffCaption", { from: diff.from, to: diff.to })}</caption>
          <tbody>
            <tr>
              <th scope="row">{t("console.import.added")}</th>
              <td data-testid="diff-added">{count(diff.added)}</td>
            </tr>
            <tr>
              <th scope="row">{t("console.import.removed")}</th>
              <td data-testid="diff-removed">{count(diff.removed)}</td>
            </tr>
            <tr>
              <th scope="row">{t("console.import.kept")}</th>
              <td data-testid="diff-kept">{count(diff.unchanged)}</td>
            </tr>
          </tbody>
        </table>
      )}
    </div>
  );
}
