import type { FieldError } from "@schemas";
import { isRefusalOf, type RefusalOf } from "@schemas/contract.js";
import { callableFailure } from "../../data/callableError.js";
import { refusalNotice, type Notice } from "../../data/refusals.js";
import type { MyTrainingMessageId } from "../../i18n/myTraining.js";

/** The callables "my training" calls on the participant's behalf. */
export type MyTrainingAction = "declinePurchase" | "cancelPurchase" | "reportPurchase" | "reviewTraining";

export type ActionNotice = Notice<RefusalOf<MyTrainingAction>, MyTrainingMessageId>;
export type ActionFailure = { kind: "fields"; errors: FieldError[] } | ActionNotice;

// Codes that came without a refusal reason. Contention and outages were already retried once.
const BY_CODE: Partial<Record<string, MyTrainingMessageId>> = {
  unauthenticated: "myTraining.unauthenticated",
  aborted: "myTraining.unavailable",
  unavailable: "myTraining.unavailable",
  "deadline-exceeded": "myTraining.unavailable",
};

/** What to show for an error thrown by one of the actions: the schema's field messages, the shared refusal text, or a message of this page. */
export function actionFailure(action: MyTrainingAction, error: unknown): ActionFailure {
  const { code, reason, fields } = callableFailure(error);
  if (code === "invalid-argument" && fields.length > 0) return { kind: "fields", errors: fields };
  if (isRefusalOf(action, reason)) return refusalNotice(reason);
  return { kind: "message", message: BY_CODE[code] ?? "myTraining.other" };
}

/** A refusal means the server's state moved on (used, expired, cancelled elsewhere): the page should read it again. */
export const isStale = (failure: ActionFailure): boolean => failure.kind === "refusal";
