import { z } from "zod";

/**
 * What SNAP partners answer and send us (Bank Indonesia SNAP; field names as SNAP spells them).
 * Fields we do not read are let through: partners add their own (`additionalInfo` above all).
 */

export const snapAmountShape = z.object({ value: z.string(), currency: z.string() });

/** Every SNAP answer, refusals included. */
export const snapAnswer = z.looseObject({
  responseCode: z.string().regex(/^\d{7}$/),
  responseMessage: z.string().max(150).default(""),
});

/** POST /v1.0/access-token/b2b → `expiresIn` in seconds, a string or a number depending on the partner. */
export const snapAccessToken = snapAnswer.extend({
  accessToken: z.string().min(1),
  tokenType: z.string().optional(),
  expiresIn: z.coerce.number().int().positive(),
});

/** POST /v1.0/transfer-interbank and /v1.0/emoney/topup: the partner's reference once it has the transaction. */
export const snapPayoutAnswer = snapAnswer.extend({
  referenceNo: z.string().optional(),
  partnerReferenceNo: z.string().optional(),
  amount: snapAmountShape.optional(),
});

/** POST /v1.0/transfer/status and /v1.0/emoney/topup-status. */
export const snapStatusAnswer = snapAnswer.extend({
  originalPartnerReferenceNo: z.string().optional(),
  originalReferenceNo: z.string().optional(),
  latestTransactionStatus: z.string().regex(/^\d{2}$/),
  transactionStatusDesc: z.string().optional(),
  amount: snapAmountShape.optional(),
});

/** POST /v1.0/account-inquiry-external. */
export const snapBankAccount = snapAnswer.extend({ beneficiaryAccountName: z.string().min(1), beneficiaryAccountNo: z.string().optional() });

/** POST /v1.0/emoney/account-inquiry. */
export const snapEmoneyAccount = snapAnswer.extend({ customerName: z.string().min(1), customerNumber: z.string().optional() });

/**
 * A partner's notification of a payout's outcome (POST to /api/v1/payments/{code}/notify), shaped
 * as SNAP's status answer: whose transaction, its status now (`latestTransactionStatus`, see
 * domain/payouts/snapValues.ts), and the amount.
 */
export const snapNotification = z.looseObject({
  originalPartnerReferenceNo: z.string().min(1).max(64),
  originalReferenceNo: z.string().max(64).optional(),
  originalExternalId: z.string().max(36).optional(),
  serviceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  latestTransactionStatus: z.string().regex(/^\d{2}$/),
  transactionStatusDesc: z.string().max(150).optional(),
  amount: snapAmountShape,
});
export type SnapNotificationBody = z.infer<typeof snapNotification>;
