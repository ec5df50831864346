import { useState } from "preact/hooks";
import { REJECTION_TEXT } from "@schemas/verificationMessages.js";
import type { DecideVerificationResult, VerificationCase } from "../../data/verification.js";
import { jakartaTime, regionName } from "../../format.js";
import { useDeskLang } from "../../i18n/desk.js";
import { DecisionForm } from "./DecisionForm.js";

interface Props {
  entry: VerificationCase;
  onDecided(result: DecideVerificationResult): void;
}

/** One person in the queue: enough to recognise them at the desk (masked NIK, name and phone), what differs, and the decision. */
export function CaseCard({ entry, onDecided }: Props) {
  const { lang, t } = useDeskLang();
  const [open, setOpen] = useState(false);
  const { uid, declared, region, decision } = entry;
  const formId = `decide-${uid}`;
  return (
    <li class="card stack" data-testid="verification-case" data-uid={uid}>
      <h3 id={`case-${uid}-name`}>{entry.nameMasked}</h3>
      <dl class="facts case-facts">
        <dt>{t("desk.case.nik")}</dt>
        <dd data-testid="case-nik">
          <code>{entry.nikMasked}</code>
        </dd>
        <dt>{t("desk.case.sex")}</dt>
        <dd>{t(`sex.${declared.sex}`)}</dd>
        <dt>{t("desk.case.phone")}</dt>
        <dd>{entry.phoneMasked}</dd>
        <dt>{t("desk.case.region")}</dt>
        <dd>{[region.district, region.regency].map(regionName).join(", ")}</dd>
        <dt>{t("desk.case.registeredBy")}</dt>
        <dd>{t(`desk.case.registeredBy.${entry.registeredBy}`)}</dd>
        <dt>{t("desk.case.requestedAt")}</dt>
        <dd>{jakartaTime(new Date(entry.requestedAt), lang)}</dd>
      </dl>
      <h4>{t("desk.case.differs")}</h4>
      <ul class="plain-list" data-testid="case-differs">
        {entry.reasons.map((reason) => (
          <li key={reason} data-reason={reason}>
            {t(`desk.case.differs.${reason}`, { sex: t(`sex.${declared.sex}`) })}
          </li>
        ))}
      </ul>
      {decision?.decision === "rejected" && decision.rejection !== undefined && (
        <p class="muted">
          {t("desk.case.lastRejection", { time: jakartaTime(new Date(decision.at), lang), reason: REJECTION_TEXT[decision.rejection][lang] })}
        </p>
      )}
      <div class="actions">
        <button type="button" class="button-secondary" aria-expanded={open} aria-controls={open ? formId : undefined} onClick={() => setOpen(!open)}>
          {t("desk.case.decide")}
        </button>
      </div>
      {open && <DecisionForm id={formId} uid={uid} onDecided={onDecided} />}
    </li>
  );
}
