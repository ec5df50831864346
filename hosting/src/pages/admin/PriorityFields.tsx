import { Field } from "../../components/Field.js";
import { Loaded } from "../../components/Loaded.js";
import { loadPriorityLists } from "../../data/priorityLists.js";
import { useLoad } from "../../data/useLoad.js";
import { useConsoleLang } from "../../i18n/console.js";
import type { WaveErrors, WaveValues } from "./waveForm.js";

interface Props {
  values: WaveValues;
  errors: WaveErrors;
  onChange(next: WaveValues): void;
}

/**
 * The wave form's priority list: one of the imported lists (its current version is recorded when
 * the wave is saved) and its share of the quota, a percentage like the strata's shares. The share
 * is drawn first among the list's people (docs/draw.md §7), which the form says under the choice.
 */
export function PriorityFields({ values, errors, onChange }: Props) {
  const { lang, t } = useConsoleLang();
  const lists = useLoad(loadPriorityLists, []);
  const chosen = (values.priorityListId ?? "") !== "";
  return (
    <fieldset class="stack" data-testid="wave-priority">
      <legend>{t("console.wave.priority")}</legend>
      <Loaded load={lists}>
        {(found) => (
          <Field id="wave-priorityList" label={t("console.wave.priorityList")} hint={t("console.wave.priorityRule")}>
            {(control) => (
              <select {...control} value={values.priorityListId ?? ""} onChange={(e) => onChange({ ...values, priorityListId: e.currentTarget.value })}>
                <option value="">{t("console.wave.priorityNone")}</option>
                {found
                  .filter((list) => list.currentVersion > 0)
                  .map((list) => (
                    <option key={list.id} value={list.id}>
                      {t("console.wave.priorityOption", { name: list.name, version: list.currentVersion, entries: list.entries.toLocaleString("id-ID") })}
                    </option>
                  ))}
              </select>
            )}
          </Field>
        )}
      </Loaded>
      {chosen && (
        <Field id="wave-priorityShare" label={t("console.wave.priorityShare")} error={errors.priority?.message[lang]}>
          {(control) => (
            <input
              {...control}
              inputMode="decimal"
              value={values.priorityShare ?? ""}
              onInput={(e) => onChange({ ...values, priorityShare: e.currentTarget.value })}
            />
          )}
        </Field>
      )}
    </fieldset>
  );
}
