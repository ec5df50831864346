import { randomUUID } from "node:crypto";
import { URLS } from "../../scripts/stack/config.js";

/** Talking to the running local stack the way real clients do: over HTTP. */

export const AUTH_URL = `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}`;

export interface SignedIn {
  uid: string;
  email: string;
  idToken: string;
}

async function identityToolkit<T>(method: string, body: unknown): Promise<T> {
  const response = await fetch(`${AUTH_URL}/identitytoolkit.googleapis.com/v1/accounts:${method}?key=fake-api-key`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok) throw new Error(`accounts:${method}: ${json.error?.message ?? response.status}`);
  return json;
}

/** Signs up a fresh account through the Auth emulator's REST API. */
export async function signUp(prefix = "user"): Promise<SignedIn> {
  const email = `${prefix}-${randomUUID()}@test.prakerja.test`;
  const result = await identityToolkit<{ localId: string; idToken: string }>("signUp", { email, password: "rahasia-123", returnSecureToken: true });
  return { uid: result.localId, email, idToken: result.idToken };
}

/** Signs in again, so the ID token carries the account's current custom claims. */
export async function signIn(email: string): Promise<SignedIn> {
  const result = await identityToolkit<{ localId: string; idToken: string }>("signInWithPassword", { email, password: "rahasia-123", returnSecureToken: true });
  return { uid: result.localId, email, idToken: result.idToken };
}

/** Sets custom claims directly in the Auth emulator (test set-up only; the product uses grantRole). */
export async function setClaims(uid: string, claims: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${AUTH_URL}/identitytoolkit.googleapis.com/v1/projects/${process.env.GCLOUD_PROJECT}/accounts:update`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer owner" },
    body: JSON.stringify({ localId: uid, customAttributes: JSON.stringify(claims) }),
  });
  if (!response.ok) throw new Error(`setting claims: ${response.status} ${await response.text()}`);
}

/** A signed-in account holding `claims`, with a fresh token that carries them. */
export async function accountWith(claims: Record<string, unknown> | null, prefix = "user"): Promise<SignedIn> {
  const account = await signUp(prefix);
  if (claims === null) return account;
  await setClaims(account.uid, claims);
  return signIn(account.email);
}

export interface CallResult {
  status: number;
  result?: unknown;
  error?: { status: string; message: string; details?: unknown };
}

/** Calls a callable function over HTTP, exactly as the web SDK does. */
export async function call(name: string, data: unknown, idToken?: string): Promise<CallResult> {
  const response = await fetch(`${URLS.functions}/${name}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(idToken ? { authorization: `Bearer ${idToken}` } : {}) },
    body: JSON.stringify({ data }),
  });
  const body = (await response.json()) as { result?: unknown; error?: CallResult["error"] };
  return { status: response.status, ...body };
}
