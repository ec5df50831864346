import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import { onIdTokenChanged, type User } from "firebase/auth";
import type { Role } from "@schemas";
import { auth } from "./firebase.js";

/** Who is using the page, as the server sees it: the role and region come from custom claims. */
export type Session = { state: "loading" } | { state: "signed-out" } | { state: "signed-in"; user: User; email: string; role: Role; region?: string };

const CLAIMED_ROLES: readonly Role[] = ["operator", "admin", "auditor", "partner"];

export function roleOf(claim: unknown): Role {
  // No role claim (or one this page does not know) means a plain applicant, as on the server.
  return CLAIMED_ROLES.find((role) => role === claim) ?? "applicant";
}

async function sessionOf(user: User | null): Promise<Session> {
  if (!user) return { state: "signed-out" };
  const { claims } = await user.getIdTokenResult();
  const role = roleOf(claims.role);
  const region = role === "operator" && typeof claims.region === "string" ? claims.region : undefined;
  return { state: "signed-in", user, email: user.email ?? "", role, region };
}

/** Follows sign-in, sign-out and token refreshes (a refreshed token may carry a new role). */
export function useSessionSource(): Session {
  const [session, setSession] = useState<Session>({ state: "loading" });
  useEffect(
    () =>
      onIdTokenChanged(auth, (user) => {
        sessionOf(user).then(setSession, () => setSession({ state: "signed-out" }));
      }),
    [],
  );
  return session;
}

export const SessionContext = createContext<Session>({ state: "loading" });

export function useSession(): Session {
  return useContext(SessionContext);
}
