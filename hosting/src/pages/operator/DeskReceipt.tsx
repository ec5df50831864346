import { useRef, useState } from "preact/hooks";
import { callSendDeskReceipt } from "../../data/desk.js";
import { jakartaTime } from "../../format.js";
import { useDeskDisputeLang } from "../../i18n/deskDispute.js";
import { officeName } from "./office.js";

/** The help site the receipt names (functions/src/schemas/notificationTexts.ts HELP_SITE). */
const HELP_SITE = "bantuan.prakerja.go.id";

interface Props {
  /** The registration's account (the person's). */
  uid: string;
  nikMasked: string;
  /** The operator's region claim, which names their office. */
  region: string;
  after: "registration" | "dispute";
}

/**
 * The person's receipt: the masked NIK, the date, the operator's office and what to do next. Printed
 * on one clean page (styles.css `@media print` keeps only `.desk-receipt`), or sent to the person
 * through `sendDeskReceipt` (in the app, by SMS and email where they have them), once per receipt.
 */
export function DeskReceipt({ uid, nikMasked, region, after }: Props) {
  const { lang, t } = useDeskDisputeLang();
  const at = useRef(new Date());
  const requestId = useRef(crypto.randomUUID());
  const [sending, setSending] = useState<"idle" | "busy" | "sent" | "again" | "failed">("idle");
  const [channels, setChannels] = useState("");
  const office = officeName(region);

  const send = async () => {
    setSending("busy");
    try {
      const result = await callSendDeskReceipt({ requestId: requestId.current, uid, after });
      setChannels(`${result.sms ? t("receipt.sentSms") : ""}${result.email ? t("receipt.sentEmail") : ""}`);
      setSending(result.sent ? "sent" : "again");
    } catch {
      setSending("failed");
    }
  };

  return (
    <section class="card desk-receipt" aria-labelledby={`receipt-${uid}`} data-testid="desk-receipt">
      <h3 id={`receipt-${uid}`}>{t(after === "registration" ? "receipt.heading.registration" : "receipt.heading.dispute")}</h3>
      <dl class="facts">
        <dt>{t("receipt.nik")}</dt>
        <dd data-testid="receipt-nik">
          <code>{nikMasked}</code>
        </dd>
        <dt>{t("receipt.date")}</dt>
        <dd>{jakartaTime(at.current, lang)}</dd>
        <dt>{t("receipt.office")}</dt>
        <dd data-testid="receipt-office">{office}</dd>
      </dl>
      <h4>{t("receipt.next")}</h4>
      <ol>
        <li>{t("receipt.next.signIn")}</li>
        <li>{t("receipt.next.join")}</li>
        <li>{t("receipt.next.status")}</li>
        <li>{t("receipt.next.help", { site: HELP_SITE, office })}</li>
      </ol>
      <div class="actions no-print">
        <button type="button" class="button-secondary" onClick={() => window.print()} data-testid="receipt-print">
          {t("receipt.print")}
        </button>
        <button type="button" class="button-secondary" disabled={sending === "busy"} onClick={() => void send()} data-testid="receipt-send">
          {sending === "busy" ? t("receipt.sending") : t("receipt.send")}
        </button>
      </div>
      <p role="status" aria-live="polite" class="no-print" data-testid="receipt-sent">
        {sending === "sent"
          ? t("receipt.sent", { channels })
          : sending === "again"
            ? t("receipt.alreadySent")
            : sending === "failed"
              ? t("receipt.failed")
              : ""}
      </p>
    </section>
  );
}
