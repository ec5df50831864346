import { useEffect, useRef, useState } from "preact/hooks";
import { COUNTED_STATES, type CountedState, type PartnerQueueView } from "@schemas/payoutViews.js";
import { callSetPayoutQueue } from "../../data/payouts.js";
import { noticeText } from "../../data/refusals.js";
import { count, jakartaTime } from "../../format.js";
import { usePaymentsLang, type PaymentsMessageId } from "../../i18n/payments.js";
import { paymentsFailure, type PaymentsFailure } from "./actionFailure.js";

interface Props {
  partners: PartnerQueueView[];
  canAct: boolean;
  onChanged(): void;
}

export const COUNT_TEXT: Record<CountedState, PaymentsMessageId> = {
  queued: "payments.state.queued",
  sending: "payments.state.sending",
  sent: "payments.state.sent",
  unknown: "payments.state.unknown",
  failed: "payments.state.failed",
  held: "payments.state.held",
};

/** Each payment partner's queue: running or paused (since when, by whom), its payouts per state, and the switch. */
export function PartnerQueues({ partners, canAct, onChanged }: Props) {
  const { t } = usePaymentsLang();
  return (
    <section aria-labelledby="queues-title" data-testid="partner-queues">
      <h2 id="queues-title">{t("payments.queues.title")}</h2>
      <ul class="cards">
        {partners.map((partner) => (
          <PartnerQueue key={partner.code} partner={partner} canAct={canAct} onChanged={onChanged} />
        ))}
      </ul>
    </section>
  );
}

type Said = { kind: "done"; paused: boolean; queued: number; cloudTasks: boolean } | { kind: "failed"; failure: PaymentsFailure<"setPayoutQueue"> };

function PartnerQueue({ partner, canAct, onChanged }: { partner: PartnerQueueView; canAct: boolean; onChanged(): void }) {
  const { lang, t } = usePaymentsLang();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Said | null>(null);
  const outcome = useRef<HTMLParagraphElement>(null);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => outcome.current?.focus(), [said]);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);
  const id = `queue-${partner.code}`;
  const paused = partner.state?.paused === true;

  const toggle = async () => {
    setBusy(true);
    setSaid(null);
    try {
      const answer = await callSetPayoutQueue({ partner: partner.code, paused: !paused, requestId: crypto.randomUUID() });
      setSaid({ kind: "done", paused: answer.paused, queued: answer.queued, cloudTasks: answer.cloudTasks });
      onChanged();
    } catch (error) {
      setSaid({ kind: "failed", failure: paymentsFailure("setPayoutQueue", error) });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const name = { partner: partner.name };
  // The state in a word (never a colour alone), then since when and by whom.
  const word =
    partner.state === null
      ? "payments.queue.notOnboarded"
      : paused
        ? "payments.queue.pausedWord"
        : partner.state.active
          ? "payments.queue.running"
          : "payments.queue.inactive";
  const since =
    partner.state === null || !paused
      ? ""
      : [
          t("payments.queue.paused", { at: partner.state.pausedAt === null ? "—" : jakartaTime(new Date(partner.state.pausedAt), lang) }),
          partner.state.pausedBy === null ? "" : t("payments.queue.pausedBy", { by: partner.state.pausedBy }),
        ]
          .filter(Boolean)
          .join(" ");

  return (
    <li class="card partner-queue" data-testid="partner-queue" data-partner={partner.code} data-paused={String(paused)}>
      <h3 id={`${id}-title`}>{partner.name}</h3>
      <p data-testid="queue-state">
        <span class={paused ? "badge badge-paused" : "badge badge-open"}>{t(word)}</span> {since}
      </p>
      <div class="table-scroll">
        <table data-testid="queue-counts">
          <caption>{t("payments.queue.caption", name)}</caption>
          <thead>
            <tr>
              <th scope="col">{t("payments.queue.state")}</th>
              <th scope="col" class="number">
                {t("payments.queue.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {COUNTED_STATES.map((state) => (
              <tr key={state} data-state={state}>
                <th scope="row">{t(COUNT_TEXT[state])}</th>
                <td class="number">{count(partner.counts[state])}</td>
              </tr>
            ))}
            <tr data-state="queue-depth">
              <th scope="row">{t("payments.queue.depth")}</th>
              <td class="number">{partner.queueDepth === null ? "—" : count(partner.queueDepth)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {said && (
        <p
          ref={outcome}
          tabIndex={-1}
          role={said.kind === "failed" ? "alert" : "status"}
          class={said.kind === "failed" ? "notice notice-error" : "notice notice-ok"}
          data-testid="queue-outcome"
        >
          {said.kind === "failed"
            ? said.failure.kind === "fields"
              ? said.failure.errors[0]?.message[lang]
              : noticeText(said.failure, lang, t)
            : [
                said.paused ? t("payments.queue.pausedNow", name) : t("payments.queue.resumedNow", { ...name, count: said.queued }),
                said.cloudTasks ? "" : t("payments.queue.cloudTasksNote"),
              ]
                .filter(Boolean)
                .join(" ")}
        </p>
      )}
      {canAct && partner.state !== null && !confirming && (
        <div class="actions">
          <button type="button" class="button-secondary" onClick={() => setConfirming(true)}>
            {t(paused ? "payments.queue.resume" : "payments.queue.pause", name)}
          </button>
        </div>
      )}
      {canAct && confirming && (
        <div class="notice confirm" role="group" aria-labelledby={`${id}-question`}>
          <p id={`${id}-question`} ref={question} tabIndex={-1}>
            {t(paused ? "payments.queue.resumeConfirm" : "payments.queue.pauseConfirm", name)}
          </p>
          <div class="actions">
            <button type="button" onClick={() => void toggle()} disabled={busy}>
              {busy ? t("payments.queue.busy") : t("payments.queue.yes")}
            </button>
            <button type="button" class="button-secondary" onClick={() => setConfirming(false)} disabled={busy}>
              {t("payments.queue.no")}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
