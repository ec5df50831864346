import type { LearningMethod } from "./catalogue.js";

/**
 * Whether a participant may buy a schedule of a training through a digital platform now: the
 * checks the program's published flow names for "send OTP" (the schedule exists and belongs to the
 * course, the training has not started, seats remain, the buyer fits), made again, on fresh facts,
 * inside the transaction that authorizes the purchase.
 */

/** Stable codes of a refused purchase, in the order they are checked. */
export const PURCHASE_REFUSALS = [
  "participant-unknown",
  "participant-revoked",
  "not-participant",
  "purchase-deadline-passed",
  "course-unknown",
  "training-not-sold-here",
  "training-not-open",
  "schedule-unknown",
  "schedule-course-mismatch",
  "schedule-started",
  "schedule-full",
  "amount-mismatch",
  "already-bought",
  "balance-too-low",
] as const;
export type PurchaseRefusal = (typeof PURCHASE_REFUSALS)[number];

export interface BuyerFacts {
  status: "registered" | "participant" | "revoked" | "blocked";
  /** Rupiah left of the training balance. */
  trainingBalance: number;
  /** The end of the first-purchase window; absent for people never selected. */
  purchaseDeadline?: Date | undefined;
  /** When the first training was bought: after that, the deadline no longer applies. */
  firstPurchaseAt?: Date | undefined;
  provinceCode: string;
  /** Course codes of the person's vouchers that are not cancelled. */
  activeCourses: readonly string[];
}

export interface TrainingFacts {
  courseCode: string;
  status: "listed" | "delisted";
  /** Rupiah. */
  price: number;
  hours: number;
  method: LearningMethod;
  /** Offline trainings: the province where they take place. */
  provinceCode?: string | undefined;
  /** Client codes of the digital platforms that sell it. */
  platformCodes: readonly string[];
  institutionCode: string;
}

export interface ScheduleFacts {
  courseCode: string;
  startsAt: Date;
  /** Seats; null: no limit (self-paced). */
  capacity: number | null;
  booked: number;
}

export interface PurchaseAsk {
  platformCode: string;
  courseCode: string;
  /** Rupiah, as the platform sends it: must be the training's price. */
  amount: number;
  /** The program year's minimum hours of a training (2023: 15); absent, no minimum. */
  minimumHours?: number | undefined;
}

/** The first reason the purchase cannot happen, or null when it can. */
export function purchaseRefusal(
  buyer: BuyerFacts | null,
  training: TrainingFacts | null,
  schedule: ScheduleFacts | null,
  ask: PurchaseAsk,
  now: Date,
  /** Whether the training's institution is an active partner: a de-listed one could never redeem the code. */
  institutionActive = true,
): PurchaseRefusal | null {
  if (buyer === null) return "participant-unknown";
  if (buyer.status === "revoked") return "participant-revoked";
  if (buyer.status !== "participant") return "not-participant";
  if (buyer.firstPurchaseAt === undefined && buyer.purchaseDeadline !== undefined && now >= buyer.purchaseDeadline) return "purchase-deadline-passed";
  if (training === null) return "course-unknown";
  if (!training.platformCodes.includes(ask.platformCode)) return "training-not-sold-here";
  if (training.status !== "listed" || !institutionActive) return "training-not-open";
  if (ask.minimumHours !== undefined && training.hours < ask.minimumHours) return "training-not-open";
  if (training.method === "offline" && training.provinceCode !== undefined && training.provinceCode !== buyer.provinceCode) return "training-not-open";
  if (schedule === null) return "schedule-unknown";
  if (schedule.courseCode !== training.courseCode) return "schedule-course-mismatch";
  if (now >= schedule.startsAt) return "schedule-started";
  if (schedule.capacity !== null && schedule.booked >= schedule.capacity) return "schedule-full";
  if (ask.amount !== training.price) return "amount-mismatch";
  if (buyer.activeCourses.includes(training.courseCode)) return "already-bought";
  if (buyer.trainingBalance < training.price) return "balance-too-low";
  return null;
}

/** Seats left on a schedule; null when unlimited. */
export const seatsLeft = (schedule: ScheduleFacts): number | null => (schedule.capacity === null ? null : Math.max(0, schedule.capacity - schedule.booked));

/** A one-time code stays valid this long after it is sent (seconds). */
export const OTP_TTL_SECONDS = 5 * 60;
/** Wrong codes allowed for one payment token before it is spent. */
export const OTP_MAX_ATTEMPTS = 5;

/**
 * The cooling-off window: a participant may cancel a purchase within this many hours of buying it,
 * as long as the training has not started and the code is not redeemed — a full refund of the
 * balance. The program's rules set none; 24 hours is this platform's choice, after consumer
 * protection practice for distance purchases, shortened because a schedule can start soon.
 */
export const COOLING_OFF_HOURS = 24;

export function mayCancel(issuedAt: Date, startsAt: Date, now: Date, hours = COOLING_OFF_HOURS): "ok" | "cooling-off-over" | "schedule-started" {
  if (now >= startsAt) return "schedule-started";
  if (now.getTime() - issuedAt.getTime() > hours * 3600_000) return "cooling-off-over";
  return "ok";
}
