import type { RegistrantRecord } from "@schemas/registrants.js";
import { ReasonList } from "../../components/ReasonList.js";
import { jakartaDate, jakartaTime, rupiah } from "../../format.js";
import { useRegistrantsLang } from "../../i18n/registrants.js";
import { RevealField } from "../../components/RevealField.js";

interface Props {
  record: RegistrantRecord;
  /** Operators and admins may reveal a full value (for a purpose, audited); auditors may not. */
  canReveal: boolean;
  onClose: () => void;
}

/** One registrant's record (masked values, each with the vault's reveal where allowed) and timeline, oldest first. */
export function RecordPanel({ record, canReveal, onClose }: Props) {
  const { lang, t } = useRegistrantsLang();
  const { row } = record;
  const masked = (field: "nik" | "fullName" | "phone", value: string) =>
    canReveal ? <RevealField uid={row.uid} field={field} masked={value} /> : <span class="number">{value}</span>;
  return (
    <section class="card stack" aria-labelledby="record-title" data-testid="registrant-record" data-uid={row.uid}>
      <h2 id="record-title">{t("registrants.record.title")}</h2>
      <p class="muted">{t("registrants.record.audited")}</p>
      <dl class="facts">
        <dt>{t("registrants.record.nik")}</dt>
        <dd data-testid="record-nik">{masked("nik", row.nikMasked)}</dd>
        <dt>{t("registrants.record.name")}</dt>
        <dd data-testid="record-name">{masked("fullName", row.nameMasked)}</dd>
        <dt>{t("registrants.record.phone")}</dt>
        <dd data-testid="record-phone">{masked("phone", record.phoneMasked)}</dd>
        <dt>{t("registrants.record.region")}</dt>
        <dd>{[row.district, row.regency, record.province].join(", ")}</dd>
        <dt>{t("registrants.col.status")}</dt>
        <dd>{t(`registrants.status.${row.status}`)}</dd>
        <dt>{t("registrants.col.channel")}</dt>
        <dd>{record.registeredBy === "self" ? t("registrants.record.self") : t("registrants.record.operator", { uid: record.registeredBy })}</dd>
        <dt>{t("registrants.col.registeredAt")}</dt>
        <dd>{jakartaTime(new Date(row.registeredAt), lang)}</dd>
        {record.trainingBalance !== undefined && (
          <>
            <dt>{t("registrants.record.balance")}</dt>
            <dd>{rupiah(record.trainingBalance)}</dd>
          </>
        )}
        {record.purchaseDeadline !== undefined && (
          <>
            <dt>{t("registrants.record.deadline")}</dt>
            <dd>{jakartaDate(new Date(record.purchaseDeadline), lang)}</dd>
          </>
        )}
      </dl>
      {!row.eligible && row.reasons.length > 0 && (
        <>
          <h3>{t("registrants.record.reasons")}</h3>
          <ReasonList reasons={row.reasons} reader="operator" />
        </>
      )}
      <h3>{t("registrants.record.timeline")}</h3>
      <ol class="plain-list" data-testid="record-timeline">
        {record.timeline.map((event, n) => (
          <li key={n} data-kind={event.kind}>
            <time dateTime={event.at}>{jakartaTime(new Date(event.at), lang)}</time> — {t(`registrants.timeline.${event.kind}`)}
            {event.waveId !== undefined && ` (${event.waveId})`}
            {event.by !== undefined && event.by !== "self" && ` ${t("registrants.timeline.by", { by: event.by })}`}
          </li>
        ))}
      </ol>
      <div class="actions">
        <button type="button" class="button-secondary" onClick={onClose}>
          {t("registrants.record.close")}
        </button>
      </div>
    </section>
  );
}
