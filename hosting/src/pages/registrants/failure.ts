import { isRefusalOf, type GetRegistrantRefusal, type ListRegistrantsRefusal } from "@schemas/contract.js";
import { callableFailure } from "../../data/callableError.js";
import { refusalNotice, type Notice } from "../../data/refusals.js";
import type { RegistrantsMessageId } from "../../i18n/registrants.js";

export type RegistrantsNotice = Notice<ListRegistrantsRefusal | GetRegistrantRefusal, RegistrantsMessageId>;

/** What to show for an error thrown by listRegistrants or getRegistrant: the refusal's own words, or ours. */
export function registrantsFailure(error: unknown): RegistrantsNotice {
  const { code, reason } = callableFailure(error);
  if (isRefusalOf("listRegistrants", reason) || isRefusalOf("getRegistrant", reason)) return refusalNotice(reason);
  if (code === "permission-denied") return refusalNotice("not-operator-admin-or-auditor");
  return { kind: "message", message: code === "unauthenticated" ? "registrants.failure.unauthenticated" : "registrants.failure.other" };
}
