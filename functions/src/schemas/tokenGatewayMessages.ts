import { z } from "zod";

/**
 * A disbursement gateway with a static callback token (Xendit-disbursement-like; docs/payment-partners.md):
 * what it answers and what its callbacks carry. Amounts are whole rupiah as JSON numbers.
 */

export const DISBURSEMENT_STATUSES = ["PENDING", "COMPLETED", "FAILED", "REVERSED"] as const;

const wholeRupiah = z.number().int().nonnegative();

/** A disbursement as POST /disbursements and GET /disbursements?reference_id=… answer it. */
export const disbursement = z.looseObject({
  id: z.string().min(1),
  external_id: z.string().min(1),
  amount: wholeRupiah,
  status: z.enum(DISBURSEMENT_STATUSES),
  failure_code: z.string().optional(),
  updated: z.string().optional(),
});
export type Disbursement = z.infer<typeof disbursement>;

export const disbursementList = z.array(disbursement);

/** Its refusals: `{error_code, message}` with a 4xx. */
export const gatewayError = z.looseObject({ error_code: z.string().min(1), message: z.string().default("") });

/** POST /bank_account_data_requests: the account's holder, or why there is none. */
export const accountData = z.looseObject({
  status: z.enum(["SUCCESS", "FAILURE"]),
  bank_account_holder_name: z.string().optional(),
  failure_reason: z.string().optional(),
});

/**
 * A callback (POST to /api/v1/payments/{code}/notify with header `x-callback-token`): the
 * disbursement as it is now. `updated` (ISO-8601) is the only time it carries. `PENDING` is sent
 * only by the simulator's out-of-order fault; the gateway itself reports final states.
 */
export const disbursementCallback = disbursement.extend({ updated: z.string().min(1) });
export type DisbursementCallback = z.infer<typeof disbursementCallback>;
