import type { Candidate } from "../domain/draw/index.js";
import type { WaveDoc } from "../schemas/documents.js";
import type { DrawManifestDoc } from "../schemas/draw.js";
import type { ApplicantDoc } from "../schemas/applicant.js";
import type { LatestDraw, ParticipantTerms } from "../usecases/ports.js";

/**
 * What the Firestore draw store (drawStore.ts) and its in-memory twin (memory/draw.ts) write and
 * read alike: page IDs, the published pool entry, the winners' transaction size and a drawn wave
 * as a person's status reads it. Pure: no Firestore here, so the memory adapter shares it.
 */

/** A page's document ID: its 0-based number, six digits (`000000`), so IDs sort as pages do. */
export const pageId = (page: number): string => String(page).padStart(6, "0");

/** A pool entry as published: the priority flag only when set (the commitment reads absent as false). */
export const publicEntry = ({ priority, ...entry }: Candidate) => (priority === true ? { ...entry, priority: true as const } : entry);

/**
 * Winners applied per transaction: each winner writes the applicant, a timeline event, the family
 * card and the family's other members (about 4 writes a winner), so 100 stay well under
 * Firestore's 500 writes per transaction.
 */
export const WINNERS_CHUNK = 100;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** A drawn wave's manifest essentials for a person's status, or null before the manifest has a draw key. */
export function latestDrawOf(waveId: string, wave: WaveDoc, manifest: DrawManifestDoc | undefined): LatestDraw | null {
  if (manifest?.drawKey === undefined) return null;
  const list = wave.draw?.priority;
  const priorityList = list === undefined ? {} : { priorityList: { listId: list.listId, version: list.version } };
  return { waveId, closesAt: wave.closesAt, drawKey: manifest.drawKey, result: manifest.result, poolSize: manifest.poolSize, ...priorityList };
}

/** Firestore's most writes in one transaction or batch (firebase.google.com/docs/firestore/quotas). */
export const TRANSACTION_WRITES = 500;

/**
 * How many of `winners`, in order, one transaction applies within TRANSACTION_WRITES: each winner
 * writes its applicant and its `selected` event (2); the first winner of a family in the
 * transaction also writes the family card (1) and, per member the card lists, the member's count
 * and, at the limit, its `left-pool-family-limit` event (2, counted whether or not it leaves).
 * `listed(kkKey)` is how many members the card lists: a card lists at most 200
 * (FAMILY_MEMBERS_LISTED), so one winner costs at most 403 writes and the answer is at least 1
 * (0 only for no winners). A card that lists no one (unlisted) costs 1 here: its members are
 * brought to its count apart, 200 a transaction.
 */
export function winnersFitting(winners: ReadonlyArray<{ kkKey: string }>, listed: (kkKey: string) => number, budget = TRANSACTION_WRITES): number {
  const families = new Set<string>();
  let writes = 0;
  for (let i = 0; i < winners.length; i += 1) {
    const { kkKey } = winners[i];
    const cost = 2 + (families.has(kkKey) ? 0 : 1 + 2 * listed(kkKey));
    if (i > 0 && writes + cost > budget) return i;
    writes += cost;
    families.add(kkKey);
  }
  return winners.length;
}

/** What a winner's applicant document becomes: a participant of `waveId`, out of the pool, with the training balance, first-purchase deadline and first reminder of `terms`. */
export const participantFields = (waveId: string, terms: ParticipantTerms) => ({
  status: "participant" as const,
  inPool: false,
  selectedWave: waveId,
  trainingBalance: terms.trainingBalance,
  purchaseDeadline: terms.purchaseDeadline,
  lapseAt: terms.purchaseDeadline,
  remindAt: terms.remindAt,
});

/** Whether a member of a family with `recipients` leaves the pool now: the family is at its limit and the member is still waiting in the pool. */
export const leavesAtLimit = (member: Pick<ApplicantDoc, "inPool" | "status">, recipients: number, familyLimit: number | undefined): boolean =>
  familyLimit !== undefined && recipients >= familyLimit && member.inPool === true && member.status === "registered";
