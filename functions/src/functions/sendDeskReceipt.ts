import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { sendDeskReceiptInput } from "../schemas/desk.js";
import { sendDeskReceipt as sendDeskReceiptUseCase } from "../usecases/desk/deskReceipt.js";

/** The person's receipt of the desk (after a registration or a dispute), in the app, by email and SMS; once per request. */
export const sendDeskReceipt = callable({
  name: "sendDeskReceipt",
  input: sendDeskReceiptInput,
  refusals: {
    "not-operator-or-admin": "permission-denied",
    "registration-not-found": "not-found",
    "registration-outside-region": "permission-denied",
    "request-id-reused": "already-exists",
  },
  handle: (input, actor) => sendDeskReceiptUseCase(ports(), actor, input),
});
