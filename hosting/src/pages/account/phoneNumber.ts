import { mobileNumber } from "@schemas/phone.js";

/**
 * The number a person types to sign in ("0812-3456-7890", "+62 812 3456 7890", "62812…") as the
 * E.164 number Auth knows ("+6281234567890"), or null when it is not an Indonesian mobile number.
 * The very rule the registration form applies when an operator records the number, so the person
 * reaches the account that was made for them.
 */
export function signInNumber(typed: string): string | null {
  const parsed = mobileNumber.safeParse(typed.trim());
  return parsed.success ? parsed.data : null;
}
