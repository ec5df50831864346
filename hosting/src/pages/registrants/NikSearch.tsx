import { useState } from "preact/hooks";
import { REGISTRANT_MESSAGES } from "@schemas/registrants.js";
import { cardNumberDigits } from "@schemas/registration.js";
import { Field } from "../../components/Field.js";
import { useRegistrantsLang } from "../../i18n/registrants.js";

interface Props {
  /** True while the list shows a search's answer. */
  searching: boolean;
  /** A NIK of 16 digits to find, or null to show the filtered list again. */
  onSearch: (nik: string | null) => void;
}

/** Finding one person by NIK (as printed: spaces and dots are dropped). The server looks it up through its keyed hash. */
export function NikSearch({ searching, onSearch }: Props) {
  const { lang, t } = useRegistrantsLang();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);

  const search = (event: Event) => {
    event.preventDefault();
    const nik = cardNumberDigits(typed);
    if (!/^\d{16}$/.test(nik)) return setError(REGISTRANT_MESSAGES["registrant-nik-format"][lang]);
    setError(undefined);
    onSearch(nik);
  };

  return (
    <form class="form card" noValidate onSubmit={search} aria-labelledby="nik-search" data-testid="nik-search">
      <h2 id="nik-search">{t("registrants.search")}</h2>
      <Field id="search-nik" label={t("registrants.nik")} hint={t("registrants.nikHint")} error={error}>
        {(control) => <input {...control} type="text" inputMode="numeric" autoComplete="off" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />}
      </Field>
      <div class="actions">
        <button type="submit">{t("registrants.find")}</button>
        {searching && (
          <button
            type="button"
            class="button-secondary"
            onClick={() => {
              setTyped("");
              onSearch(null);
            }}
          >
            {t("registrants.clearSearch")}
          </button>
        )}
      </div>
    </form>
  );
}
