import { useState } from "preact/hooks";
import type { CreateWaveResult } from "@schemas/contract.js";
import type { CreateWaveInput } from "@schemas/waves.js";
import type { WavePlan } from "@schemas/wavePlan.js";
import { callable } from "../../data/callable.js";
import { useConsoleLang } from "../../i18n/console.js";
import { consoleFailure, type ConsoleFailure } from "./consoleFailure.js";
import { FailureNotice } from "./FailureNotice.js";
import { checkWave, repeatedStratum, waveErrorsOf, type WaveErrors, type WaveValues } from "./waveForm.js";
import { WaveFields } from "./WaveFields.js";
import { CommittedWave, WavePlanView } from "./WavePlanView.js";

const callPlan = callable("planWave");
const callCreate = callable("createWave");

type Step = { kind: "editing" } | { kind: "planned"; input: CreateWaveInput; plan: WavePlan } | { kind: "saved"; plan: WavePlan; saved: CreateWaveResult };

const EMPTY: WaveValues = { number: "", programYear: String(new Date().getFullYear()), opensAt: "", closesAt: "", quota: "", strataKind: "none", strata: [] };

/**
 * Creating a wave in three steps: the form (checked with createWave's own schema), the plan it
 * would commit to as the server computes it (planWave: seats per stratum, times in WIB, the beacon
 * round and when it comes out, the family limit) with a confirmation, then the commitments as
 * saved (createWave: the seed's commitment) and a link to the wave's public transparency page.
 */
export function WaveConsole() {
  const { t } = useConsoleLang();
  const [values, setValues] = useState<WaveValues>(EMPTY);
  const [errors, setErrors] = useState<WaveErrors>({});
  const [step, setStep] = useState<Step>({ kind: "editing" });
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ConsoleFailure | null>(null);

  const failed = (name: "planWave" | "createWave", error: unknown) => {
    const found = consoleFailure(name, error);
    if (found.kind === "fields") setErrors(waveErrorsOf(found.errors));
    setFailure(found.kind === "fields" ? null : found);
  };

  const plan = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const checked = checkWave(values);
    if (!checked.ok) return setErrors(checked.errors);
    const repeated = repeatedStratum(values.strata);
    if (repeated !== null)
      return setErrors({
        strata: {
          field: "strata",
          code: "repeated",
          message: { id: t("console.wave.repeated", { code: repeated }), en: t("console.wave.repeated", { code: repeated }) },
        },
      });
    setErrors({});
    setBusy(true);
    try {
      setStep({ kind: "planned", input: checked.input, plan: await callPlan(checked.input) });
      setConfirmed(false);
    } catch (error) {
      failed("planWave", error);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (step.kind !== "planned" || busy || !confirmed) return;
    setBusy(true);
    setFailure(null);
    try {
      setStep({ kind: "saved", plan: step.plan, saved: await callCreate(step.input) });
    } catch (error) {
      failed("createWave", error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="wave-title" class="stack">
      <h2 id="wave-title">{t("console.wave.title")}</h2>
      {step.kind === "editing" && (
        <form class="form card" noValidate onSubmit={plan} aria-busy={busy} data-testid="wave-form">
          <WaveFields values={values} errors={errors} onChange={setValues} />
          <div class="actions">
            <button type="submit" disabled={busy}>
              {busy ? t("console.busy") : t("console.wave.showPlan")}
            </button>
          </div>
          <FailureNotice failure={failure} testId="wave-failure" />
        </form>
      )}
      {step.kind === "planned" && (
        <div class="card stack" data-testid="wave-confirm">
          <p>{t("console.wave.checkPlan")}</p>
          <WavePlanView plan={step.plan} />
          <label class="check">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
            {t("console.wave.confirm")}
          </label>
          <div class="actions">
            <button type="button" disabled={busy || !confirmed} onClick={() => void save()}>
              {busy ? t("console.busy") : t("console.wave.save")}
            </button>
            <button type="button" class="button-secondary" disabled={busy} onClick={() => setStep({ kind: "editing" })}>
              {t("console.wave.edit")}
            </button>
          </div>
          <FailureNotice failure={failure} testId="wave-failure" />
        </div>
      )}
      {step.kind === "saved" && (
        <>
          <CommittedWave saved={step.saved} plan={step.plan} />
          <div class="actions">
            <button
              type="button"
              class="button-secondary"
              onClick={() => {
                setValues(EMPTY);
                setStep({ kind: "editing" });
              }}
            >
              {t("console.wave.another")}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
