import { useLang } from "../i18n/index.js";

/** Shows the other language in that language, so a reader of either can find it. */
export function LanguageToggle() {
  const { lang, t, setLang } = useLang();
  const other = lang === "id" ? "en" : "id";
  return (
    <button type="button" class="button-quiet" lang={other} data-testid="language-toggle" onClick={() => setLang(other)}>
      {t("lang.switch")}
    </button>
  );
}
