import { done, refused, type Outcome } from "../domain/outcome.js";
import type { Notification } from "../schemas/notifications.js";
import type { TaskPayload } from "../schemas/tasks.js";
import type { DrawRecipient, Ports } from "./ports.js";

export type NotifyDrawPorts = Pick<Ports, "waves" | "published" | "drawRecipients" | "notifications" | "tasks">;

export type NotifyDrawRefusal = "not-drawn" | "page-not-found";

export interface NotifyDrawTally {
  /** Told now, already told before (a retried page), or without an account any more. */
  sent: number;
  alreadySent: number;
  unknown: number;
  /** The next page, enqueued before this one was sent; null on the last page. */
  nextPage: number | null;
}

/** People resolved per round trip, and notifications written at once. */
const RESOLVE_CHUNK = 100;
const CONCURRENT_SENDS = 10;

/** The idempotency key of one person's draw result: stable IDs only. */
export const drawResultKey = (waveId: string, pid: string) => `draw-result-${waveId}-${pid}`;
export const drawResultsTaskKey = (waveId: string, page: number) => `draw-results-${waveId}-p${page}`;

/**
 * Tells everyone on one page of a drawn wave's frozen pool (4,096 people at most) whether they
 * were selected: selected people with their training balance and first-purchase deadline, the
 * others that they stay in the next wave's pool. The next page's task is enqueued first, so the
 * pages of a large pool run side by side and a failed page is retried alone. Every step can run
 * again: the task key and each notification's key (`draw-result-<wave>-<pid>`) make a retry add
 * nothing. The draw's own step only enqueues page 0 (usecases/advanceWaves.ts).
 */
export async function notifyDrawResults(
  ports: NotifyDrawPorts,
  { waveId, page }: TaskPayload<"notifyDrawResults">,
): Promise<Outcome<NotifyDrawTally, NotifyDrawRefusal>> {
  const wave = await ports.waves.get(waveId);
  if (wave === null || wave.state !== "drawn") return refused("not-drawn");
  const pool = await ports.published.page(waveId, "pool", page);
  if (pool === null || !("entries" in pool)) return refused("page-not-found");
  let nextPage: number | null = null;
  if (pool.next !== undefined) {
    nextPage = page + 1;
    await ports.tasks.enqueue("notifyDrawResults", { waveId, page: nextPage }, { key: drawResultsTaskKey(waveId, nextPage), dispatchDeadlineSeconds: 1800 });
  }

  const tally: NotifyDrawTally = { sent: 0, alreadySent: 0, unknown: 0, nextPage };
  const pids = pool.entries.map((entry) => entry.pid);
  for (let from = 0; from < pids.length; from += RESOLVE_CHUNK) {
    const people = await ports.drawRecipients.resolve(waveId, pids.slice(from, from + RESOLVE_CHUNK));
    tally.unknown += Math.min(RESOLVE_CHUNK, pids.length - from) - people.length;
    for (let i = 0; i < people.length; i += CONCURRENT_SENDS) {
      const receipts = await Promise.all(
        people.slice(i, i + CONCURRENT_SENDS).map((person) => ports.notifications.send(drawResultKey(waveId, person.pid), resultOf(person, wave.number))),
      );
      for (const receipt of receipts) {
        if (receipt.state === "sent") tally.sent += 1;
        else if (receipt.state === "already-sent") tally.alreadySent += 1;
        else tally.unknown += 1;
      }
    }
  }
  return done(tally);
}

function resultOf({ uid, selected }: DrawRecipient, waveNumber: number): Notification {
  return {
    kind: "draw-result",
    uid,
    params: selected === null ? { waveNumber, selected: false } : { waveNumber, selected: true, ...selected },
  };
}
