import { z } from "zod";

export const REFUSAL_NAMES = ["closed-account", "invalid-account", "insufficient-funds", "do-not-honor"] as const;
export type RefusalName = (typeof REFUSAL_NAMES)[number];

/** Why a simulated partner refuses a payout when told to (`failWith`), as each protocol words it. */
export const REFUSALS = {
  "closed-account": { status: 403, caseCode: "18", message: "Inactive Account", gateway: "RECIPIENT_ACCOUNT_CLOSED" },
  "invalid-account": { status: 404, caseCode: "11", message: "Invalid Account", gateway: "RECIPIENT_ACCOUNT_NUMBER_ERROR" },
  "insufficient-funds": { status: 403, caseCode: "14", message: "Insufficient Funds", gateway: "INSUFFICIENT_BALANCE" },
  "do-not-honor": { status: 403, caseCode: "05", message: "Do Not Honor", gateway: "REJECTED_BY_BANK" },
} as const satisfies Record<RefusalName, { status: number; caseCode: string; message: string; gateway: string }>;

/**
 * A fault rule (`POST /_control/faults`): for one partner (or all), one `reference` (or any), for the next `count` payouts
 * (or until cleared). Each payout request takes the first rule that applies and counts it down.
 * - `delayMs`: the outcome (and its notification) comes this long after the answer (default the simulator's `callbackDelayMs`).
 * - `duplicateCallbacks`: each notification is delivered this many times (same event ID).
 * - `outOfOrder`: "paid" is sent first, then a late "pending" event.
 * - `loseCallback`: the outcome happens, but no notification is sent.
 * - `status5xx`: `{status: 500|503, after: false}` answers without doing anything; `after: true` does the payout, then answers the 5xx.
 * - `timeoutMs`: the payout is done, but the answer comes only after this long (the caller times out).
 * - `reverseAfterMs`: paid, then reversed this long later (a reversal notification follows).
 * - `failWith`: refuses the payout at once, with that reason (REFUSALS); `failAsync: true` accepts it and reports the failure later instead.
 * - `callbackBeforeAnswer`: the payout is done and its notification delivered before the payout request is answered.
 * - `retryCallbacks`: `{attempts, spacingMs}` a non-2xx delivery is retried (default the simulator's: 5 more times, 2 minutes apart); `false` never.
 */
export const faultRule = z.object({
  partner: z.string().optional(),
  /** Only the payout with this reference (partnerReferenceNo / external_id). */
  reference: z.string().optional(),
  count: z.number().int().positive().optional(),
  delayMs: z.number().int().nonnegative().optional(),
  duplicateCallbacks: z.number().int().min(1).max(20).optional(),
  outOfOrder: z.boolean().optional(),
  loseCallback: z.boolean().optional(),
  status5xx: z
    .object({ status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).default(503), after: z.boolean().default(false) })
    .optional(),
  timeoutMs: z.number().int().positive().optional(),
  reverseAfterMs: z.number().int().nonnegative().optional(),
  failWith: z.enum(REFUSAL_NAMES).optional(),
  failAsync: z.boolean().optional(),
  callbackBeforeAnswer: z.boolean().optional(),
  retryCallbacks: z
    .union([z.literal(false), z.object({ attempts: z.number().int().min(0).max(10).default(5), spacingMs: z.number().int().nonnegative().default(120_000) })])
    .optional(),
});
export type FaultRule = z.infer<typeof faultRule>;

export function faultRules() {
  let rules: Array<FaultRule & { left: number }> = [];
  return {
    add(rule: FaultRule) {
      rules.push({ ...rule, left: rule.count ?? Number.POSITIVE_INFINITY });
    },
    /** The fault for this payout request (counted down), or none. */
    take(partner: string, reference: string): FaultRule {
      const rule = rules.find(
        (r) => r.left > 0 && (r.partner === undefined || r.partner === partner) && (r.reference === undefined || r.reference === reference),
      );
      if (rule === undefined) return {};
      rule.left -= 1;
      rules = rules.filter((r) => r.left > 0);
      return rule;
    },
    list: () => rules.map((r) => ({ ...r, left: Number.isFinite(r.left) ? r.left : "until cleared" })),
    clear() {
      rules = [];
    },
  };
}
export type FaultRules = ReturnType<typeof faultRules>;
