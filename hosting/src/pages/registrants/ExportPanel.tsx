import { useState } from "preact/hooks";
import type { RegistrantFilters } from "@schemas/registrants.js";
import { count } from "../../format.js";
import { auth } from "../../firebase.js";
import { useRegistrantsLang } from "../../i18n/registrants.js";
import { downloadRegistrants, saveFile, type ExportProgress } from "./exportCsv.js";

type ExportState =
  | { kind: "idle" }
  | { kind: "running"; progress: ExportProgress }
  | { kind: "done"; rows: number }
  | { kind: "failed"; message: { id: string; en: string } | null };

/**
 * The CSV export of what the filters find: the file streams in while a progress bar shows "n of N"
 * (N: the rows the server counted first), and is saved only once it has arrived whole.
 */
export function ExportPanel({ filters }: { filters: RegistrantFilters }) {
  const { lang, t } = useRegistrantsLang();
  const [state, setState] = useState<ExportState>({ kind: "idle" });

  const start = async () => {
    if (state.kind === "running") return;
    setState({ kind: "running", progress: { done: 0, total: null } });
    try {
      const idToken = await auth.currentUser?.getIdToken();
      if (idToken === undefined) return setState({ kind: "failed", message: null });
      const answer = await downloadRegistrants(idToken, filters, (progress) => setState({ kind: "running", progress }));
      if (answer.kind === "done") {
        saveFile(answer.file, answer.name);
        return setState({ kind: "done", rows: answer.rows });
      }
      setState({ kind: "failed", message: answer.kind === "error" ? (answer.error?.message ?? null) : null });
    } catch (error) {
      console.error(error);
      setState({ kind: "failed", message: null });
    }
  };

  return (
    <section class="card stack" aria-labelledby="export-title" data-testid="registrant-export">
      <h2 id="export-title">{t("registrants.export.title")}</h2>
      <p class="muted">{t("registrants.export.hint")}</p>
      <div class="actions">
        <button type="button" onClick={() => void start()} disabled={state.kind === "running"} data-testid="export-start">
          {t("registrants.export.start")}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="export-status">
        {state.kind === "running" && (
          <>
            <progress
              max={state.progress.total ?? undefined}
              value={state.progress.total === null ? undefined : state.progress.done}
              aria-label={t("registrants.export.progress")}
            />
            <p>
              {t("registrants.export.running", { done: count(state.progress.done), total: state.progress.total === null ? "?" : count(state.progress.total) })}
            </p>
          </>
        )}
        {state.kind === "done" && <p data-testid="export-done">{t("registrants.export.done", { done: count(state.rows) })}</p>}
        {state.kind === "failed" && (
          <p class="notice notice-error" data-testid="export-failed">
            {state.message?.[lang] ?? t("registrants.export.failed")}
          </p>
        )}
      </div>
    </section>
  );
}
