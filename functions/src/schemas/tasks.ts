import { z } from "zod";
import { exclusionListType } from "./exclusion.js";
import { waveId } from "./ids.js";

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

export const TASK_PAYLOADS = {
  notifyDrawResults: notifyDrawResultsPayload,
  expireExclusionImport: expireExclusionImportPayload,
} as const;

export type TaskName = keyof typeof TASK_PAYLOADS;
export type TaskPayload<N extends TaskName> = z.infer<(typeof TASK_PAYLOADS)[N]>;
