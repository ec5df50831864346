import { useRef, useState } from "preact/hooks";
import { partitionDocId } from "@schemas/closeRedrive.js";
import { isStalled } from "@schemas/waveClose.js";
import { callable } from "../../data/callable.js";
import type { ClosePartition } from "../../data/closeProgress.js";
import { count, jakartaTime } from "../../format.js";
import { useCloseProgressLang } from "../../i18n/closeProgress.js";
import { redriveDone, redriveRefused, type RedriveAnswer } from "./redriveAnswer.js";

const callRedrive = callable("redriveClosePartition");

interface Props {
  waveId: string;
  /** The close's `updatedAt`: a pending partition's wait counts from its close's last progress. */
  closeUpdatedAt: Date;
  partitions: ClosePartition[];
  now: Date;
  canRedrive: boolean;
  onAnswer(answer: RedriveAnswer): void;
}

/**
 * Every partition of a close: its state in words (a stalled one says "stalled" and why, not by
 * colour only), attempt, applicants processed and since when; a "Re-drive" button on each stalled
 * one for admins. The table scrolls in its own box, so a 360 px screen never scrolls sideways.
 */
export function ClosePartitions({ waveId, closeUpdatedAt, partitions, now, canRedrive, onAnswer }: Props) {
  const { lang, t } = useCloseProgressLang();
  const [busy, setBusy] = useState<number | null>(null);
  // One request ID per partition and attempt: pressing again after an outage retries the same request.
  const requests = useRef(new Map<string, string>());

  const redrive = async (partition: ClosePartition) => {
    if (busy !== null) return;
    const key = `${partition.index}-${partition.attempt}`;
    const requestId = requests.current.get(key) ?? crypto.randomUUID();
    requests.current.set(key, requestId);
    setBusy(partition.index);
    try {
      onAnswer(redriveDone(await callRedrive({ waveId, partition: partition.index, requestId }), t));
    } catch (error) {
      const answer = redriveRefused(error, lang, t);
      if (answer.reason === "request-id-reused") requests.current.delete(key);
      onAnswer(answer);
    } finally {
      setBusy(null);
    }
  };

  const caption = t("close.partitions.caption", { waveId });
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table data-testid="close-partitions">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("close.col.partition")}</th>
            <th scope="col">{t("close.col.state")}</th>
            <th scope="col" class="number">
              {t("close.col.attempt")}
            </th>
            <th scope="col" class="number">
              {t("close.col.processed")}
            </th>
            <th scope="col">{t("close.col.since")}</th>
            {canRedrive && <th scope="col">{t("close.col.action")}</th>}
          </tr>
        </thead>
        <tbody>
          {partitions.map((partition) => {
            const stalled = isStalled(partition, now, closeUpdatedAt);
            const since =
              partition.state === "done"
                ? partition.finishedAt
                : partition.state === "running"
                  ? (partition.startedAt ?? partition.enqueuedAt)
                  : partition.enqueuedAt;
            const label = partitionDocId(partition.index);
            return (
              <tr key={partition.id} data-testid={`close-partition-${label}`} data-state={partition.state} data-stalled={String(stalled)}>
                <th scope="row">{label}</th>
                <td>
                  {t(`close.state.${partition.state}`)}
                  {stalled && (
                    <>
                      {" "}
                      <strong class="badge badge-paused">{t("close.stalledMark")}</strong>{" "}
                      <span class="muted">
                        {partition.state === "running" && partition.leaseUntil !== null
                          ? t("close.stalled.running", { at: jakartaTime(partition.leaseUntil, lang) })
                          : t("close.stalled.pending")}
                      </span>
                    </>
                  )}
                </td>
                <td class="number" data-testid="close-partition-attempt">
                  {count(partition.attempt)}
                </td>
                <td class="number">{count(partition.processed)}</td>
                <td>{since === null ? "—" : <time dateTime={since.toISOString()}>{jakartaTime(since, lang)}</time>}</td>
                {canRedrive && (
                  <td>
                    {stalled && (
                      <button
                        type="button"
                        class="button-secondary"
                        disabled={busy !== null}
                        aria-label={t("close.redriveLabel", { partition: label })}
                        onClick={() => void redrive(partition)}
                      >
                        {busy === partition.index ? t("console.busy") : t("close.redrive")}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
