import { useMemo } from "preact/hooks";
import { PriorityFields } from "./PriorityFields.js";
import { RegionOptions } from "./RegionOptions.js";
import { allProvinces } from "@domain/regions/index.js";
import { Field } from "../../components/Field.js";
import { useConsoleLang } from "../../i18n/console.js";
import type { StrataKind, WaveErrors, WaveField, WaveValues } from "./waveForm.js";

interface Props {
  values: WaveValues;
  errors: WaveErrors;
  onChange(next: WaveValues): void;
}

const KINDS: readonly StrataKind[] = ["none", "shares", "counts"];

/** The wave's number, program year, times (WIB), quota and strata (province shares or seat counts). */
export function WaveFields({ values, errors, onChange }: Props) {
  const { lang, t } = useConsoleLang();
  const provinces = useMemo(() => allProvinces(), []);
  const set = (field: Exclude<keyof WaveValues, "strata" | "strataKind">, value: string) => onChange({ ...values, [field]: value });
  const error = (field: WaveField) => errors[field]?.message[lang];
  const text = (field: "number" | "programYear" | "quota", label: string) => (
    <Field id={`wave-${field}`} label={label} error={error(field)}>
      {(control) => (
        <input {...control} type="text" inputMode="numeric" autoComplete="off" value={values[field]} onInput={(e) => set(field, e.currentTarget.value)} />
      )}
    </Field>
  );
  const time = (field: "opensAt" | "closesAt", label: string) => (
    <Field id={`wave-${field}`} label={label} hint={t("console.wave.timeHint")} error={error(field)}>
      {(control) => <input {...control} type="datetime-local" value={values[field]} onInput={(e) => set(field, e.currentTarget.value)} />}
    </Field>
  );
  const setRow = (index: number, row: Partial<WaveValues["strata"][number]>) =>
    onChange({ ...values, strata: values.strata.map((r, i) => (i === index ? { ...r, ...row } : r)) });

  return (
    <>
      {text("number", t("console.wave.number"))}
      {text("programYear", t("console.wave.programYear"))}
      {time("opensAt", t("console.wave.opensAt"))}
      {time("closesAt", t("console.wave.closesAt"))}
      {text("quota", t("console.wave.quota"))}
      <fieldset class="stack" aria-describedby={errors.strata ? "wave-strata-error" : undefined}>
        <legend>{t("console.wave.strata")}</legend>
        <Field id="wave-strataKind" label={t("console.wave.strataKind")}>
          {(control) => (
            <select {...control} value={values.strataKind} onChange={(e) => onChange({ ...values, strataKind: e.currentTarget.value as StrataKind })}>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`console.wave.strata.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {values.strataKind !== "none" &&
          values.strata.map((row, index) => (
            <div class="filters" key={index} data-testid="stratum-row">
              <Field id={`wave-stratum-${index}`} label={t("console.wave.stratumProvince", { n: index + 1 })}>
                {(control) => (
                  <select {...control} value={row.code} onChange={(e) => setRow(index, { code: e.currentTarget.value })}>
                    <option value="">{t("console.region.choose")}</option>
                    <RegionOptions regions={provinces} />
                  </select>
                )}
              </Field>
              <Field
                id={`wave-stratum-${index}-value`}
                label={t(values.strataKind === "shares" ? "console.wave.sharePercent" : "console.wave.seatCount", { n: index + 1 })}
              >
                {(control) => (
                  <input {...control} type="text" inputMode="decimal" value={row.value} onInput={(e) => setRow(index, { value: e.currentTarget.value })} />
                )}
              </Field>
              <button type="button" class="button-secondary" onClick={() => onChange({ ...values, strata: values.strata.filter((_, i) => i !== index) })}>
                {t("console.wave.removeStratum", { n: index + 1 })}
              </button>
            </div>
          ))}
        {values.strataKind !== "none" && (
          <div class="actions">
            <button type="button" class="button-secondary" onClick={() => onChange({ ...values, strata: [...values.strata, { code: "", value: "" }] })}>
              {t("console.wave.addStratum")}
            </button>
          </div>
        )}
        {errors.strata && (
          <p id="wave-strata-error" class="field-error" role="alert" data-testid="wave-strata-error">
            {errors.strata.message[lang]}
          </p>
        )}
      </fieldset>
      <PriorityFields values={values} errors={errors} onChange={onChange} />
    </>
  );
}
