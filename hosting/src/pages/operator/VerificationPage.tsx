import { useEffect, useRef, useState } from "preact/hooks";
import { RadioGroup } from "../../components/RadioGroup.js";
import { noticeText } from "../../data/refusals.js";
import { callListVerificationCases, type DecideVerificationResult, type VerificationCase } from "../../data/verification.js";
import { useDeskLang } from "../../i18n/desk.js";
import { CaseCard } from "./CaseCard.js";
import { DecidedCase } from "./DecidedCase.js";
import { OperatorRegion } from "./OperatorRegion.js";
import { queueFailure, withPage, without, type Queue, type QueueNotice, type QueueState } from "./queue.js";

const STATES: readonly QueueState[] = ["needs-verification", "rejected"];

interface Decided {
  entry: VerificationCase;
  result: DecideVerificationResult;
}

/**
 * /operator/verifikasi: the people of the operator's region whose NIK differs from their KTP,
 * oldest first, a page at a time (masked NIK, name, what differs). Each case is decided at the
 * desk with the documents in hand; a decided case leaves the queue and its result stays on top,
 * with joining the open wave for a person now verified.
 */
export function VerificationPage({ region }: { region: string }) {
  const { lang, t } = useDeskLang();
  const [state, setState] = useState<QueueState>("needs-verification");
  const [queue, setQueue] = useState<Queue | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<QueueNotice | null>(null);
  const [decided, setDecided] = useState<Decided[]>([]);
  // The list asked for last: a late page of the other list is dropped.
  const asked = useRef(state);

  const read = async (current: Queue | null, shown: QueueState) => {
    asked.current = shown;
    setBusy(true);
    setFailure(null);
    try {
      const page = await callListVerificationCases({ state: shown, ...(current?.next ? { after: current.next } : {}) });
      if (asked.current === shown) setQueue((latest) => withPage(current === null ? { cases: [], next: null } : (latest ?? current), page));
    } catch (error) {
      if (asked.current === shown) setFailure(queueFailure(error));
    } finally {
      if (asked.current === shown) setBusy(false);
    }
  };

  useEffect(() => {
    setQueue(null);
    void read(null, state);
  }, [state]);

  const onDecided = (entry: VerificationCase, result: DecideVerificationResult) => {
    setQueue((shown) => shown && without(shown, entry.uid));
    setDecided((list) => [{ entry, result }, ...list.filter((item) => item.entry.uid !== entry.uid)]);
  };

  return (
    <section aria-labelledby="verification-title">
      <h1 id="verification-title">{t("verification.title")}</h1>
      <OperatorRegion region={region} />
      <p>{t("desk.queue.intro")}</p>
      {decided.length > 0 && (
        <section aria-labelledby="decided-title">
          <h2 id="decided-title">{t("desk.queue.decided")}</h2>
          <ol class="cards" data-testid="decided-cases">
            {decided.map(({ entry, result }) => (
              <DecidedCase key={entry.uid} entry={entry} result={result} />
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="queue-title" class="stack" aria-busy={busy} data-testid="queue">
        <h2 id="queue-title">{t(`desk.queue.state.${state}`)}</h2>
        <RadioGroup<QueueState>
          name="queue-state"
          legend={t("desk.queue.show")}
          options={STATES.map((value) => ({ value, label: t(`desk.queue.state.${value}`) }))}
          value={state}
          onChange={setState}
          onBlur={() => undefined}
        />
        {queue && queue.cases.length === 0 && !busy && !failure && <p data-testid="queue-empty">{t(`desk.queue.empty.${state}`)}</p>}
        {queue && queue.cases.length > 0 && (
          <ol class="cards" data-testid="verification-queue" data-state={state}>
            {queue.cases.map((entry) => (
              <CaseCard key={entry.uid} entry={entry} onDecided={(result) => onDecided(entry, result)} />
            ))}
          </ol>
        )}
        <div role="status" aria-live="polite">
          {busy && <p class="muted">{t("desk.queue.loadingMore")}</p>}
          {failure && (
            <p class="notice notice-error" data-testid="queue-error">
              {noticeText(failure, lang, t)}
            </p>
          )}
        </div>
        {queue?.next && !busy && (
          <div class="actions">
            <button type="button" class="button-secondary" onClick={() => void read(queue, state)}>
              {t("desk.queue.more")}
            </button>
          </div>
        )}
      </section>
    </section>
  );
}
