import { useState } from "preact/hooks";
import { useMyTrainingLang } from "../../i18n/myTraining.js";

interface Props {
  /** The code's ID, for the label above it and the copy button's description. */
  id: string;
  label: string;
  code: string;
  testId: string;
}

/**
 * A code the participant gives to someone else: large, selectable as a whole, with a button that
 * copies it (for pasting into a platform's app on the same phone). Whether the copy worked is
 * said in a live region that is there before anything is said in it.
 */
export function CopyCode({ id, label, code, testId }: Props) {
  const { t } = useMyTrainingLang();
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const copy = async () => {
    setCopied(null);
    try {
      await navigator.clipboard.writeText(code);
      setCopied("copied");
    } catch {
      // No clipboard (an old browser, or permission refused): the code can still be selected by hand.
      setCopied("failed");
    }
  };
  return (
    <div class="copy-code">
      <p id={`${id}-label`} class="copy-code-label">
        {label}
      </p>
      <p class="big-code">
        <code id={id} data-testid={testId}>
          {code}
        </code>
      </p>
      <div class="actions">
        <button type="button" class="button-quiet" aria-describedby={`${id}-label ${id}`} onClick={copy}>
          {t("myTraining.copy")}
        </button>
      </div>
      <p role="status" class="hint live-slot">
        {copied === "copied" ? t("myTraining.copied") : copied === "failed" ? t("myTraining.copyFailed") : ""}
      </p>
    </div>
  );
}
