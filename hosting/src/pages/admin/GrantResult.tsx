import type { GrantRoleResult } from "@schemas";
import { noticeText } from "../../data/refusals.js";
import { useLang } from "../../i18n/index.js";
import type { GrantNotice } from "./grantFailure.js";
import { regionLabel } from "./regionLabel.js";

export type Outcome = { kind: "done"; result: GrantRoleResult; email: string } | { kind: "failed"; notice: GrantNotice };

/** Kept in a live region that is always present, so screen readers announce each new outcome. */
export function GrantResult({ outcome }: { outcome: Outcome | null }) {
  const { lang, t } = useLang();
  let text = "";
  if (outcome?.kind === "failed") text = noticeText(outcome.notice, lang, t);
  if (outcome?.kind === "done") {
    const { result, email } = outcome;
    const role = t(`role.${result.role}`);
    text = result.applied
      ? result.region
        ? t("grant.doneRegion", { role, region: regionLabel(result.region), email })
        : t("grant.done", { role, email })
      : t("grant.repeated");
  }
  const tone = outcome?.kind === "failed" ? "notice notice-error" : outcome ? "notice notice-ok" : "";
  return (
    <div role="status" aria-live="polite" class={tone} data-testid="grant-result" data-outcome={outcome?.kind}>
      {text}
    </div>
  );
}
