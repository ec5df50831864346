import type { FieldError } from "@schemas";
import { isRefusalOf, type RefusalOf } from "@schemas/contract.js";
import { callableFailure } from "../../data/callableError.js";
import { refusalNotice, type Notice } from "../../data/refusals.js";
import type { MyPayoutsMessageId } from "../../i18n/myPayouts.js";

/** The callables "my incentives" calls on the participant's behalf. */
export type MyPayoutsAction = "linkPayoutAccount" | "reportPayout";

export type ActionNotice<A extends MyPayoutsAction = MyPayoutsAction> = Notice<RefusalOf<A>, MyPayoutsMessageId>;
export type ActionFailure<A extends MyPayoutsAction = MyPayoutsAction> = { kind: "fields"; errors: FieldError[] } | ActionNotice<A>;

// Codes that came without a refusal reason. Contention and outages were already retried once.
const BY_CODE: Partial<Record<string, MyPayoutsMessageId>> = {
  unauthenticated: "myPayouts.unauthenticated",
  aborted: "myPayouts.unavailable",
  unavailable: "myPayouts.unavailable",
  "deadline-exceeded": "myPayouts.unavailable",
};

/** What to show for an error thrown by one of the actions: the schema's field messages, the shared refusal text, or a message of this page. */
export function actionFailure<A extends MyPayoutsAction>(action: A, error: unknown): ActionFailure<A> {
  const { code, reason, fields } = callableFailure(error);
  if (code === "invalid-argument" && fields.length > 0 && !isRefusalOf(action, reason)) return { kind: "fields", errors: fields };
  if (isRefusalOf(action, reason)) return refusalNotice(reason);
  return { kind: "message", message: BY_CODE[code] ?? "myPayouts.other" };
}
