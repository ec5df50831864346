import { useRef, useState } from "preact/hooks";
import { callable } from "../../data/callable.js";
import { useConsoleLang } from "../../i18n/console.js";
import { consoleFailure, type ConsoleFailure } from "./consoleFailure.js";
import { FailureNotice } from "./FailureNotice.js";

const callRevoke = callable("revokeRole");

interface Props {
  uid: string;
  /** The account's email (or uid), as the confirmation names it. */
  who: string;
  /** The role being taken away, in words. */
  role: string;
  onRevoked(): void;
}

/** Revoke in two steps: the button asks, the confirmation names the account and role; a retry reuses the request ID. */
export function RevokeButton({ uid, who, role, onRevoked }: Props) {
  const { t } = useConsoleLang();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ConsoleFailure | null>(null);
  const requestId = useRef(crypto.randomUUID());

  const revoke = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await callRevoke({ requestId: requestId.current, uid });
      setAsking(false);
      onRevoked();
    } catch (error) {
      const found = consoleFailure("revokeRole", error);
      if (found.kind === "refusal" && found.reason === "request-id-reused") requestId.current = crypto.randomUUID();
      setFailure(found);
    } finally {
      setBusy(false);
    }
  };

  if (!asking)
    return (
      <div class="actions">
        <button type="button" class="button-secondary" onClick={() => setAsking(true)}>
          {t("console.revoke.ask")}
        </button>
      </div>
    );
  return (
    <div class="stack" role="group" aria-label={t("console.revoke.ask")} data-testid="revoke-confirm">
      <p>{t("console.revoke.confirmText", { who, role })}</p>
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void revoke()}>
          {busy ? t("console.busy") : t("console.revoke.confirm")}
        </button>
        <button type="button" class="button-secondary" disabled={busy} onClick={() => setAsking(false)}>
          {t("console.cancel")}
        </button>
      </div>
      <FailureNotice failure={failure} />
    </div>
  );
}
