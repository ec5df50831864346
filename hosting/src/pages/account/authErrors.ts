import type { MessageId } from "../../i18n/index.js";

const KNOWN: Record<string, MessageId> = {
  "auth/invalid-credential": "auth.invalid-credential",
  // Older backends (and the Auth emulator) still tell these apart; the person need not know which.
  "auth/wrong-password": "auth.invalid-credential",
  "auth/user-not-found": "auth.invalid-credential",
  "auth/invalid-login-credentials": "auth.invalid-credential",
  "auth/email-already-in-use": "auth.email-already-in-use",
  "auth/weak-password": "auth.weak-password",
  "auth/invalid-email": "auth.invalid-email",
  "auth/missing-password": "auth.missing-password",
  "auth/too-many-requests": "auth.too-many-requests",
  "auth/network-request-failed": "auth.network-request-failed",
  // Phone sign-in.
  "auth/invalid-phone-number": "auth.invalid-phone-number",
  "auth/missing-phone-number": "auth.invalid-phone-number",
  "auth/invalid-verification-code": "auth.invalid-verification-code",
  "auth/missing-verification-code": "auth.invalid-verification-code",
  "auth/code-expired": "auth.code-expired",
  "auth/quota-exceeded": "auth.quota-exceeded",
  "auth/captcha-check-failed": "auth.captcha-check-failed",
};

/** The message for a failed sign-in, sign-up or code request, by the Auth SDK's error code. */
export function authErrorMessage(error: unknown): MessageId {
  const code = error !== null && typeof error === "object" && "code" in error ? String(error.code) : "";
  return KNOWN[code] ?? "auth.other";
}
