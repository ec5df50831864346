import { useState } from "preact/hooks";
import { partitionDocId } from "@schemas/closeRedrive.js";
import { isStalled } from "@schemas/waveClose.js";
import { useClosePartitions, useNow, useWaveCloses, type WaveClose } from "../../data/closeProgress.js";
import { count, jakartaTime } from "../../format.js";
import { useCloseProgressLang } from "../../i18n/closeProgress.js";
import { ClosePartitions } from "./ClosePartitions.js";
import type { RedriveAnswer } from "./redriveAnswer.js";

/** How often the page looks at the clock again: a lease lapses without a new snapshot. */
const CLOCK_SECONDS = 15;

/**
 * A wave's close as it runs, live: its stage in words, partitions done of all (a bar and the
 * figures), applicants processed (eligible, excluded), winners applied, and every partition with
 * the stalled ones marked in words. Admins re-drive a stalled partition; auditors watch.
 */
export function CloseProgress({ canRedrive }: { canRedrive: boolean }) {
  const { t } = useCloseProgressLang();
  const closes = useWaveCloses();
  return (
    <section aria-labelledby="close-title" class="stack close-progress" data-testid="close-progress">
      <h2 id="close-title">{t("close.title")}</h2>
      {closes.state === "failed" && (
        <p role="alert" class="notice notice-error">
          {t("close.loadFailed")}
        </p>
      )}
      {closes.state === "ready" && closes.value.length === 0 && <p class="muted">{t("close.none")}</p>}
      {closes.state === "ready" && closes.value.map((close) => <CloseCard key={close.id} close={close} canRedrive={canRedrive} />)}
    </section>
  );
}

function CloseCard({ close, canRedrive }: { close: WaveClose; canRedrive: boolean }) {
  const { lang, t } = useCloseProgressLang();
  const partitions = useClosePartitions(close.waveId);
  const now = useNow(CLOCK_SECONDS);
  const [answer, setAnswer] = useState<RedriveAnswer | null>(null);
  const stalled = partitions.state === "ready" ? partitions.value.filter((p) => isStalled(p, now, close.updatedAt)) : [];
  const titleId = `close-${close.waveId}-title`;
  const drawn = close.stage === "applying" || close.stage === "done";
  return (
    <article class="card stack" aria-labelledby={titleId} data-testid={`close-${close.waveId}`} data-stage={close.stage}>
      <h3 id={titleId}>{t("close.wave", { waveId: close.waveId })}</h3>
      <dl class="facts">
        <dt>{t("close.stage")}</dt>
        <dd data-testid="close-stage">{t(`close.stage.${close.stage}`)}</dd>
        <dt id={`${titleId}-done`}>{t("close.partitionsDone")}</dt>
        <dd>
          <progress max={close.partitions} value={close.partitionsDone} aria-labelledby={`${titleId}-done`} />
          <span data-testid="close-partitions-done">{t("close.partitionsDoneValue", { done: count(close.partitionsDone), all: count(close.partitions) })}</span>
        </dd>
        <dt>{t("close.processed")}</dt>
        <dd data-testid="close-processed">
          {t("close.processedValue", { processed: count(close.processed), eligible: count(close.eligible), excluded: count(close.excluded) })}
        </dd>
        <dt>{t("close.winners")}</dt>
        <dd data-testid="close-winners">
          {drawn ? t("close.winnersValue", { applied: count(close.winnersApplied), winners: count(close.winners) }) : t("close.winnersNotYet")}
        </dd>
        <dt>{t("close.stalled")}</dt>
        <dd data-testid="close-stalled">
          {stalled.length === 0
            ? t("close.stalledNone")
            : t("close.stalledValue", { count: count(stalled.length), list: stalled.map((p) => partitionDocId(p.index)).join(", ") })}
        </dd>
        <dt>{t("close.updated")}</dt>
        <dd>
          <time dateTime={close.updatedAt.toISOString()}>{jakartaTime(close.updatedAt, lang)}</time>
        </dd>
      </dl>
      <p
        role="status"
        aria-live="polite"
        class={answer === null ? "" : answer.ok ? "notice" : "notice notice-error"}
        data-testid="close-answer"
        data-reason={answer?.reason}
      >
        {answer?.text ?? ""}
      </p>
      {partitions.state === "failed" && (
        <p role="alert" class="notice notice-error">
          {t("close.loadFailed")}
        </p>
      )}
      {partitions.state === "loading" && <p class="muted">{t("close.partitions.loading")}</p>}
      {partitions.state === "ready" && (
        <ClosePartitions
          waveId={close.waveId}
          closeUpdatedAt={close.updatedAt}
          partitions={partitions.value}
          now={now}
          canRedrive={canRedrive}
          onAnswer={setAnswer}
        />
      )}
    </article>
  );
}
