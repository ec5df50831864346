import { z } from "zod";
import { exclusionListType } from "./exclusion.js";
import { waveId } from "./ids.js";
import { priorityListId } from "./priority.js";
import { closePartitionTask, closeStepTask, closeWinnersTask } from "./waveClose.js";

/**
 * The payload of every task function, by its deployed name: what producers enqueue (the `Tasks`
 * port, typed by this map) and what the task edge parses (edge/task.ts) agree by construction.
 */

/** `expireExclusionImport`: the import `exclusionImports/{type}-v{version}` to fail if it is still running past its timeout. */
export const expireExclusionImportPayload = z.object({ type: exclusionListType, version: z.number().int().positive() });

/**
 * `notifyDrawResults`: tells everyone on page `page` of wave `waveId`'s frozen pool the draw's
 * result, after enqueuing the next page (one task per page, so a large pool fans out and a
 * failed page is retried alone).
 */
export const notifyDrawResultsPayload = z.object({ waveId, page: z.number().int().nonnegative() });

/**
 * `payBankNusantara`, `payDompetKita`, `payKirimDana` (one queue per payment partner,
 * domain/payouts/partners.ts): sends attempt `attempt` of installment `installmentId`. A task of
 * a payout no longer queued as it was ends without doing anything.
 */
export const sendPayoutPayload = z.object({
  installmentId: z.string().min(1).max(80),
  attempt: z.number().int().nonnegative(),
  /** The payout's version when it was queued: a payout queued again (after a pause) gets a new task. */
  version: z.number().int().nonnegative(),
});

/** `applyPaymentEvent`: applies the stored partner notification `paymentEvents/{key}` to its payout. */
export const applyPaymentEventPayload = z.object({ key: z.string().min(1).max(200) });

/**
 * `invitePriorityList`: page `page` of the invitation pass over version `version` of a priority
 * list, starting after the keyed NIK `after` (null: the first page); each page enqueues the next.
 */
export const invitePriorityListPayload = z.object({
  listId: priorityListId,
  version: z.number().int().positive(),
  page: z.number().int().nonnegative(),
  after: z.string().min(1).max(200).nullable(),
});

export const TASK_PAYLOADS = {
  notifyDrawResults: notifyDrawResultsPayload,
  expireExclusionImport: expireExclusionImportPayload,
  payBankNusantara: sendPayoutPayload,
  payDompetKita: sendPayoutPayload,
  payKirimDana: sendPayoutPayload,
  applyPaymentEvent: applyPaymentEventPayload,
  invitePriorityList: invitePriorityListPayload,
  closeWavePartition: closePartitionTask,
  closeWaveAssemble: closeStepTask,
  closeWaveDraw: closeStepTask,
  closeWaveWinners: closeWinnersTask,
} as const;

export type TaskName = keyof typeof TASK_PAYLOADS;
export type TaskPayload<N extends TaskName> = z.infer<(typeof TASK_PAYLOADS)[N]>;
