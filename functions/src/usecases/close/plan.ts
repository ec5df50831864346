import type { Tasks } from "../ports.js";

/**
 * The close's sizes, leases and task keys (docs/draw.md §10). Every task is enqueued under a key,
 * so enqueuing it again (the schedule's backstop, a duplicate) adds nothing while the first waits.
 */

/** Published pool pages: 4,096 entries, about 580 KB as a Firestore document (limit 1 MiB; docs/draw.md §10). */
export const POOL_PAGE_SIZE = 4096;
/** Pool lines per chunk document a partition writes: one pool page's worth (about 390 KB). */
export const CHUNK_LINES = 4096;
/** Applicants per query page of a partition (one read each), and per progress write. */
export const MEMBERS_PAGE = 500;
/** Winners per applying task, and per winners page when they do not fit in the manifest. */
export const WINNERS_PAGE = 1000;
/** A partition's lease, extended after every page: a partition silent for this long is stalled. */
export const PARTITION_LEASE_SECONDS = 300;
/** The assembly's and the draw's leases: their tasks' own timeout (Cloud Tasks' longest). */
export const STEP_LEASE_SECONDS = 1800;
/** How long the schedule's backstop leaves a step's task alone before it enqueues another one. */
export const BACKSTOP_WINDOW_SECONDS = 600;

export const partitionTaskKey = (waveId: string, partition: number, attempt: number) => `close-${waveId}-p${partition}-a${attempt}`;
/**
 * The assembly's, draw's and a winners page's key within a window of BACKSTOP_WINDOW_SECONDS: a
 * duplicate within the window adds no task; a step whose task was lost gets one more in the
 * next window (the step's lease and its checks make a second task harmless).
 */
export const stepTaskKey = (waveId: string, step: string, now: Date) =>
  `close-${waveId}-${step}-w${Math.floor(now.getTime() / (BACKSTOP_WINDOW_SECONDS * 1000))}`;
export const stepLease = (waveId: string, step: string) => `wave-close-${waveId}-${step}`;

/** The close's one-task steps, by their task function. */
const STEP_OF = { closeWaveAssemble: "assemble", closeWaveDraw: "draw" } as const;

/** Enqueues the assembly or the draw of a wave's close under its windowed key (stepTaskKey), with the tasks' longest deadline. */
export async function enqueueStep(tasks: Tasks, name: keyof typeof STEP_OF, waveId: string, now: Date): Promise<void> {
  await tasks.enqueue(name, { waveId }, { key: stepTaskKey(waveId, STEP_OF[name], now), dispatchDeadlineSeconds: STEP_LEASE_SECONDS });
}
