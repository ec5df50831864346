import type { MyTraining, MyVoucher, PendingPurchase } from "@schemas/myTraining.js";
import { callable } from "./callable.js";
import { callableFailure } from "./callableError.js";

/** The participant's own training callables; their answers' shapes are the shared schemas'. */

export type { MyTraining, MyVoucher, PendingPurchase };

const callGetMyTraining = callable("getMyTraining");
export const callDeclinePurchase = callable("declinePurchase");
export const callCancelPurchase = callable("cancelPurchase");
export const callReportPurchase = callable("reportPurchase");
export const callReviewTraining = callable("reviewTraining");

/** The signed-in participant's training, or null when the account is not (or no longer) a participant. */
export async function loadMyTraining(): Promise<MyTraining | null> {
  try {
    return await callGetMyTraining({});
  } catch (error) {
    if (callableFailure(error).reason === "not-participant") return null;
    throw error;
  }
}
