import type { DeskDay, NikDisputeView, RegistrationLookup } from "@schemas/desk.js";
import { callable } from "./callable.js";

/** The desk's callables (functions/src/usecases/desk/): lookup, NIK disputes, the operator's day, the receipt. */

export type { DeskDay, NikDisputeView, RegistrationLookup };

export const callLookupRegistration = callable("lookupRegistration");
export const callOpenNikDispute = callable("openNikDispute");
export const callResolveNikDispute = callable("resolveNikDispute");
export const callMyDeskDay = callable("myDeskDay");
export const callSendDeskReceipt = callable("sendDeskReceipt");

export { deskFailureText } from "./deskFailure.js";
