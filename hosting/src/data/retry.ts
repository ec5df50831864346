import { callableFailure } from "./callableError.js";

/**
 * Failures after which nothing was decided, or the answer was lost: Firestore contention
 * (`aborted`), an outage (`unavailable`) and a timeout. Each callable answers the same input
 * the same way (register is keyed by the account, registerAssisted and grantRole by their
 * `requestId`, joinWave by the account and wave), so one more try with the very same input
 * never records anything twice.
 */
const RETRIED: readonly string[] = ["aborted", "unavailable", "deadline-exceeded"];

export const isRetried = (error: unknown): boolean => RETRIED.includes(callableFailure(error).code);

/** Long enough for a contended transaction to finish, short enough not to be noticed. */
export const RETRY_PAUSE_MS = 500;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt`, and once more after a short pause if it failed in a way worth retrying. */
export async function retryOnce<T>(attempt: () => Promise<T>, pause: () => Promise<void> = () => sleep(RETRY_PAUSE_MS)): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!isRetried(error)) throw error;
    await pause();
    return attempt();
  }
}
