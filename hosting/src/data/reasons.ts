import type { ReasonCode } from "@domain/eligibility.js";
import { REASON_TEXT } from "@schemas/registrationMessages.js";

/**
 * Whether a code from the server (a refusal, a published count) is an eligibility reason this
 * app has words for. Not Object.hasOwn: the build targets ES2020 browsers, which older phones run.
 */
export const isReasonCode = (code: string): code is ReasonCode => Object.prototype.hasOwnProperty.call(REASON_TEXT, code);
