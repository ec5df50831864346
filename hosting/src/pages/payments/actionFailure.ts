import type { FieldError } from "@schemas";
import { isRefusalOf, type RefusalOf } from "@schemas/contract.js";
import { callableFailure } from "../../data/callableError.js";
import { refusalNotice, type Notice } from "../../data/refusals.js";
import type { PaymentsMessageId } from "../../i18n/payments.js";

/** The callables the payments page calls for the program office. */
export type PaymentsAction = "setPayoutQueue" | "reviewPayout" | "resolveQuarantine" | "reviewPayoutAccount" | "resolvePayoutCase";

export type PaymentsFailure<A extends PaymentsAction = PaymentsAction> = { kind: "fields"; errors: FieldError[] } | Notice<RefusalOf<A>, PaymentsMessageId>;

// Codes that came without a refusal reason. Contention and outages were already retried once.
const BY_CODE: Partial<Record<string, PaymentsMessageId>> = {
  unauthenticated: "payments.unauthenticated",
  aborted: "payments.unavailable",
  unavailable: "payments.unavailable",
  "deadline-exceeded": "payments.unavailable",
};

/** What to show for an error thrown by one of the actions: the schema's field messages, the shared refusal text, or a message of this page. */
export function paymentsFailure<A extends PaymentsAction>(action: A, error: unknown): PaymentsFailure<A> {
  const { code, reason, fields } = callableFailure(error);
  if (isRefusalOf(action, reason)) return refusalNotice(reason);
  if (code === "invalid-argument" && fields.length > 0) return { kind: "fields", errors: fields };
  return { kind: "message", message: BY_CODE[code] ?? "payments.other" };
}
