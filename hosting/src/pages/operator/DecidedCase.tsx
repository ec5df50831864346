import { useEffect, useRef } from "preact/hooks";
import { DOCUMENT_TEXT, REJECTION_TEXT } from "@schemas/verificationMessages.js";
import { ReasonList } from "../../components/ReasonList.js";
import type { DecideVerificationResult, VerificationCase } from "../../data/verification.js";
import { useDeskLang } from "../../i18n/desk.js";
import { JoinOnBehalf } from "./JoinOnBehalf.js";

interface Props {
  entry: VerificationCase;
  result: DecideVerificationResult;
}

/**
 * A case the operator has just decided, out of the queue: the decision as recorded, the person's
 * eligibility now, and, for someone verified and eligible who is still at the desk, joining the open wave.
 */
export function DecidedCase({ entry, result }: Props) {
  const { lang, t } = useDeskLang();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form that had the focus is gone with the case: the outcome takes it, to be read out.
  useEffect(() => heading.current?.focus(), []);
  const { verification, eligibility } = result;
  const decision = verification.decision;
  const verified = verification.state === "verified";
  const documents = (decision?.documentsSeen ?? []).map((document) => DOCUMENT_TEXT[document][lang]).join(", ");
  const rejection = decision?.rejection;
  return (
    <li class="card stack" data-testid="decided-case" data-uid={result.uid} data-decision={verification.state}>
      <h3 ref={heading} tabIndex={-1}>
        {entry.nameMasked} <code class="muted">{entry.nikMasked}</code>
      </h3>
      <p class={verified ? "notice notice-ok" : "notice notice-error"} data-testid="decided-outcome">
        {verified
          ? t("desk.decision.doneVerified", { documents })
          : t("desk.decision.doneRejected", { reason: rejection === undefined ? "" : REJECTION_TEXT[rejection][lang] })}
      </p>
      {!result.decided && <p class="muted">{t("desk.decision.repeated")}</p>}
      {verified &&
        (eligibility.eligible ? (
          <>
            <p>{t("desk.decision.eligible")}</p>
            <JoinOnBehalf uid={result.uid} />
          </>
        ) : (
          <>
            <p>{t("desk.decision.notEligible")}</p>
            <ReasonList reasons={eligibility.reasons} reader="operator" />
          </>
        ))}
    </li>
  );
}
