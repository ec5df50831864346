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

/** Why an account has no training to show: not (yet) a participant, or a participant no longer. */
export type NotParticipantReason = "not-participant" | "participant-revoked";

/** The signed-in participant's training, or why there is none. */
export async function loadMyTraining(): Promise<MyTraining | NotParticipantReason> {
  try {
    return await callGetMyTraining({});
  } catch (error) {
    const { reason } = callableFailure(error);
    if (reason === "not-participant" || reason === "participant-revoked") return reason;
    throw error;
  }
}
