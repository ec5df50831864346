import type { FieldError } from "@schemas";
import { fieldErrors } from "@schemas/messages.js";
import { reviewTrainingInput } from "@schemas/myTraining.js";
import type { z } from "zod";

/** The review form, checked with the very schema the reviewTraining callable parses. */

export const RATINGS = ["1", "2", "3", "4", "5"] as const;
export type Rating = (typeof RATINGS)[number];

export interface ReviewValues {
  /** "" while no rating is chosen. */
  rating: Rating | "";
  text: string;
}

export type ReviewField = "rating" | "text";
/** Problems that belong to no visible field (the redeem code) are shown for the whole form. */
export type ReviewErrors = Partial<Record<ReviewField | "form", FieldError>>;

export type ReviewInput = z.output<typeof reviewTrainingInput>;

/** One message per field (the first), as the server would report them. */
export function errorsByField(list: readonly FieldError[]): ReviewErrors {
  const errors: ReviewErrors = {};
  for (const error of list) {
    const key = error.field === "rating" || error.field === "text" ? error.field : "form";
    errors[key] ??= error;
  }
  return errors;
}

export function checkReview(redeemCode: string, values: ReviewValues): { ok: true; input: ReviewInput } | { ok: false; errors: ReviewErrors } {
  const rating = values.rating === "" ? undefined : Number(values.rating);
  const parsed = reviewTrainingInput.safeParse({ redeemCode, rating, text: values.text });
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, errors: errorsByField(fieldErrors(parsed.error)) };
}
