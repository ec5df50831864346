import { isRefusalOf } from "@schemas/contract.js";
import type { RegionTargetDoc } from "@schemas/dashboard.js";
import { REFUSAL_TEXT } from "@schemas/refusalMessages.js";
import { useState } from "preact/hooks";
import { callable } from "../../data/callable.js";
import { callableFailure } from "../../data/callableError.js";
import { count, jakartaTime } from "../../format.js";
import { useDashboardLang } from "../../i18n/dashboard.js";

const setRegionTarget = callable("setRegionTarget");

/**
 * The region's registration target and the progress towards it (Bekasi's office aimed at 22,000
 * registrants in 2020). The program office sets it here (audited); others only read it.
 */
export function TargetSection({
  scope,
  registrants,
  target,
  canSet,
  onSaved,
}: {
  scope: string;
  registrants: number;
  target: RegionTargetDoc | null;
  canSet: boolean;
  onSaved: () => void;
}) {
  const { t, lang } = useDashboardLang();
  const [value, setValue] = useState(String(target?.registrants ?? ""));
  const [state, setState] = useState<{ kind: "idle" | "saving" } | { kind: "saved"; target: number } | { kind: "failed"; message: string }>({ kind: "idle" });
  const percent = target === null || target.registrants === 0 ? 0 : registrants / target.registrants;

  const save = (event: Event) => {
    event.preventDefault();
    const wanted = Number(value);
    setState({ kind: "saving" });
    setRegionTarget({ requestId: crypto.randomUUID(), scope, registrants: wanted }).then(
      () => {
        setState({ kind: "saved", target: wanted });
        onSaved();
      },
      (error: unknown) => {
        const { reason, code, fields } = callableFailure(error);
        // The edge's text has its places filled (the region code); the table's is the fallback.
        const sent = fields.find((field) => field.code === reason)?.message[lang];
        setState({ kind: "failed", message: sent ?? (isRefusalOf("setRegionTarget", reason) ? REFUSAL_TEXT[reason][lang] : code) });
      },
    );
  };

  return (
    <section data-testid="dashboard-target">
      <h2>{t("dashboard.target.title")}</h2>
      {target === null ? (
        <p>{t("dashboard.target.none")}</p>
      ) : (
        <>
          <p>
            {t("dashboard.target.progress", {
              count: count(registrants),
              target: count(target.registrants),
              percent: new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-GB", { style: "percent", maximumFractionDigits: 1 }).format(percent),
            })}
          </p>
          <progress max={target.registrants} value={Math.min(registrants, target.registrants)} aria-label={t("dashboard.target.title")} />
          <p class="hint">{t("dashboard.target.setBy", { at: jakartaTime(target.setAt, lang) })}</p>
        </>
      )}
      {canSet && (
        <form onSubmit={save} class="inline-form">
          <label for="region-target">{t("dashboard.target.label")}</label>
          <input
            id="region-target"
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            required
            value={value}
            onInput={(e) => setValue(e.currentTarget.value)}
          />
          <button type="submit" disabled={state.kind === "saving"}>
            {state.kind === "saving" ? t("dashboard.target.saving") : t("dashboard.target.save")}
          </button>
          <p role="status">
            {state.kind === "saved" ? t("dashboard.target.saved", { target: count(state.target) }) : ""}
            {state.kind === "failed" ? t("dashboard.target.failed", { message: state.message }) : ""}
          </p>
        </form>
      )}
    </section>
  );
}
