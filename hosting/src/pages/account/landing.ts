import type { User } from "firebase/auth";
import { PATHS } from "../../router.js";
import { roleOf } from "../../session.js";

/**
 * Where a person goes right after signing in, or null to stay on the account page. An
 * applicant is taken to the registration form until they have registered, then to their
 * status. Staff stay: the menu shows their pages, and the account page confirms their role.
 */
export async function landingAfterSignIn(user: User): Promise<string | null> {
  const { claims } = await user.getIdTokenResult();
  if (roleOf(claims.role) !== "applicant") return null;
  try {
    // Loaded here, not with the page: the callable SDK is not needed to read the home page.
    const { statusForLanding } = await import("../../data/registration.js");
    return (await statusForLanding()) === null ? PATHS.register : PATHS.status;
  } catch {
    // The status page says what went wrong and offers a retry by reloading.
    return PATHS.status;
  }
}
