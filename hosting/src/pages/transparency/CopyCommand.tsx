import { useState } from "preact/hooks";
import { useTransparencyLang } from "../../i18n/transparency.js";

type Copied = "idle" | "copied" | "failed";

/** A command shown in full (it can be selected by hand) with a button that copies it. */
export function CopyCommand({ command }: { command: string }) {
  const { t } = useTransparencyLang();
  const [copied, setCopied] = useState<Copied>("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setCopied("copied");
    } catch {
      // No clipboard access (an old browser, a page not served over HTTPS): say how to copy instead.
      setCopied("failed");
    }
  };
  return (
    <div class="copy-command">
      <pre class="command">
        <code data-testid="verify-command">{command}</code>
      </pre>
      <div class="actions">
        <button type="button" class="button-secondary" onClick={copy}>
          {t("transparency.copy")}
        </button>
      </div>
      <p role="status" class="muted">
        {copied === "copied" && t("transparency.copied")}
        {copied === "failed" && t("transparency.copyFailed")}
      </p>
    </div>
  );
}
