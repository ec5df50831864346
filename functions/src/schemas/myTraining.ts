import { z } from "zod";

/**
 * The participant's own training callables (usecases/training/participant.ts, cancel.ts): inputs,
 * one schema each, shared with the web app.
 */

const redeemCode = z
  .string({ message: "redeem-code-required" })
  .trim()
  .min(1, { message: "redeem-code-required" })
  .max(64, { message: "redeem-code-required" });

/** `getMyTraining`: nothing to send. */
export const getMyTrainingInput = z.object({}).nullish();

/** `declinePurchase`: "I did not ask for this" on a purchase waiting for its code (`pending[].id`). */
export const declinePurchaseInput = z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, { message: "pending-purchase-id" }) });

/** `cancelPurchase`: within the cooling-off window, before the training starts. */
export const cancelPurchaseInput = z.object({ redeemCode });

/** `reportPurchase`: "I did not buy this". */
export const reportPurchaseInput = z.object({ redeemCode });

/** `reviewTraining`: a completed training's rating (1–5 stars) and a review (up to 2,000 characters, may be empty). */
export const reviewTrainingInput = z.object({
  redeemCode,
  rating: z.number({ message: "review-rating" }).int({ message: "review-rating" }).min(1, { message: "review-rating" }).max(5, { message: "review-rating" }),
  text: z.string().trim().max(2000, { message: "review-text-long" }).default(""),
});

export const MY_TRAINING_MESSAGES = {
  "review-rating": { id: "Pilih nilai 1 sampai 5 bintang.", en: "Choose a rating from 1 to 5 stars." },
  "pending-purchase-id": { id: "Permintaan pembelian tidak dikenal. Muat ulang halaman.", en: "Unknown purchase request. Reload the page." },
  "review-text-long": { id: "Ulasan paling banyak 2.000 karakter.", en: "A review has at most 2,000 characters." },
} as const satisfies Record<string, { id: string; en: string }>;

/** One voucher as "my training" shows it. Times ISO 8601; amounts rupiah. */
export interface MyVoucher {
  redeemCode: string;
  courseCode: string;
  title: string;
  institution: string;
  platform: string;
  scheduleCode: string;
  startsAt: string;
  /** Rupiah. */
  amount: number;
  state: "issued" | "redeemed" | "completed" | "cancelled" | "frozen";
  /** Sessions attended (1–10) and whether the post-test (999) is done. */
  sessions: number[];
  postTest: boolean;
  /** Until when the participant may still cancel for a full refund; null when no longer possible. */
  cancellableUntil: string | null;
  reviewed: boolean;
}

/**
 * A purchase a platform asked for, waiting for the participant's code: what is being bought, by
 * whom, for how much, until when — and the code, shown only here, in the participant's own app,
 * where they confirm it by giving it to the platform, or decline it.
 */
export interface PendingPurchase {
  id: string;
  platform: string;
  title: string;
  /** Rupiah. */
  amount: number;
  code: string;
  expiresAt: string;
}

export interface MyTraining {
  /** The participant's Prakerja number (their pseudonymous ID): what a platform asks for as `prakerja_id`. */
  prakerjaId: string;
  /** Purchases waiting for the participant's code (valid, unused, not declined). */
  pending: PendingPurchase[];
  /** Rupiah left. */
  balance: number;
  /** The first-purchase deadline, while nothing is bought yet; null after the first purchase. */
  deadline: string | null;
  vouchers: MyVoucher[];
}
