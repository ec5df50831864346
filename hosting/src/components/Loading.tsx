import { useLang } from "../i18n/index.js";

/** "Loading…", announced politely to screen readers: what a page shows while its data comes. */
export function Loading() {
  const { t } = useLang();
  return (
    <p role="status" class="muted">
      {t("common.loading")}
    </p>
  );
}
