import { refused, done, type Outcome } from "../outcome.js";

/**
 * A voucher (the redeem code of one training bought for one participant) and what may happen to
 * it, as a monotonic state machine: issued → redeemed → completed; issued → cancelled (voided by
 * the platform, or cancelled by the participant within the cooling-off window); issued or
 * redeemed → frozen (the participant reported "I did not buy this"), which only a review ends.
 * Sequences follow the program's published partner API: 1 = redeem and first session, 2–10 =
 * later sessions, 999 = post-test (developer.prakerja.go.id, "online-course-verification").
 */

export const VOUCHER_STATES = ["issued", "redeemed", "completed", "cancelled", "frozen"] as const;
export type VoucherState = (typeof VOUCHER_STATES)[number];

export const POST_TEST = 999;
export const FIRST_SESSION = 1;
export const LAST_SESSION = 10;
export const isSequence = (n: number): boolean => Number.isInteger(n) && ((n >= FIRST_SESSION && n <= LAST_SESSION) || n === POST_TEST);

/** What the voucher state machine needs to know of a voucher. */
export interface VoucherFacts {
  state: VoucherState;
  /** Sequences recorded (1–10, 999), ascending. */
  attended: number[];
  postTestScore?: number | undefined;
}

export type AttendRefusal = "voucher-cancelled" | "voucher-frozen" | "voucher-completed" | "not-redeemed" | "post-test-score-required";

/** What a commit of `sequence` does to the voucher: the new facts, and whether anything changed. */
export interface Attended {
  state: VoucherState;
  attended: number[];
  postTestScore?: number | undefined;
  /** False when the sequence was recorded before: a repeated commit changes nothing. */
  changed: boolean;
  /** This commit redeemed the code (sequence 1, first time). */
  redeemed: boolean;
  /** This commit completed the training (the post-test, first time). */
  completed: boolean;
}

/**
 * Records `sequence` as attended. Sequence 1 redeems the code; 2–10 need it redeemed; 999 (the
 * post-test, with its score 0–100) completes the training. The training's hours were checked
 * against the program year's minimum when it was listed and when it was bought, so completion
 * needs nothing else. Recording a sequence again changes nothing (and is not an error): partners
 * retry. A completed voucher still answers a repeated commit, but takes no new session.
 */
export function attend(voucher: VoucherFacts, sequence: number, score: number | undefined): Outcome<Attended, AttendRefusal> {
  if (voucher.state === "cancelled") return refused("voucher-cancelled");
  if (voucher.state === "frozen") return refused("voucher-frozen");
  const seen = voucher.attended.includes(sequence);
  if (seen) return done({ ...voucher, changed: false, redeemed: false, completed: false });
  if (voucher.state === "completed") return refused("voucher-completed");
  if (sequence !== FIRST_SESSION && voucher.state === "issued") return refused("not-redeemed");
  if (sequence === POST_TEST && score === undefined) return refused("post-test-score-required");
  const attended = [...voucher.attended, sequence].sort((a, b) => a - b);
  const completed = sequence === POST_TEST;
  return done({
    state: completed ? "completed" : "redeemed",
    attended,
    ...(completed ? { postTestScore: score } : voucher.postTestScore === undefined ? {} : { postTestScore: voucher.postTestScore }),
    changed: true,
    redeemed: sequence === FIRST_SESSION,
    completed,
  });
}

/** The published API's integer `status` of a code: 0 = bought, not yet redeemed; 1 = redeemed (or completed); 2 = void; 3 = frozen. */
export function publishedStatus(state: VoucherState): 0 | 1 | 2 | 3 {
  switch (state) {
    case "issued":
      return 0;
    case "redeemed":
    case "completed":
      return 1;
    case "cancelled":
      return 2;
    case "frozen":
      return 3;
  }
}
