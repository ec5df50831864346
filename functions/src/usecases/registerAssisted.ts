import { refused, type Outcome } from "../domain/outcome.js";
import { coversRegion, mayDo, type Actor } from "../domain/roles.js";
import type { RegisterAssistedInput } from "../schemas/registration.js";
import type { Ports } from "./ports.js";
import { register, type RegisterPorts, type RegisterResult } from "./register.js";
import type { AssistedRefusal } from "../schemas/contract.js";

export type { AssistedRefusal };

export type AssistedPorts = RegisterPorts & Pick<Ports, "accounts" | "audit">;

/**
 * A regional operator registers someone who cannot do it alone. The person gets an account
 * tied to their phone number (an existing one is linked), the registration records which
 * operator made it and the person's consent, and it counts against the operator's daily
 * limit in the same transaction, so a "joki" cannot run hundreds of registrations. Each
 * registration made is on the audit log (act `register-assisted`, once per request).
 */
export async function registerAssisted(
  ports: AssistedPorts,
  actor: Actor,
  input: RegisterAssistedInput,
  limits: { daily: number; attempts: number },
): Promise<Outcome<RegisterResult, AssistedRefusal>> {
  const { claims } = actor;
  if (!mayDo(actor, "register-on-behalf") || claims.region === undefined) return refused("not-operator");
  if (!coversRegion(claims.region, input.person.districtCode)) return refused("outside-region");

  // The account is the phone's if there is one; otherwise one named after the NIK's keyed hash,
  // so a retry of the same request lands on the same account.
  const uid = (await ports.accounts.uidByPhone(input.person.phone)) ?? `nik-${ports.pseudonyms.nik(input.person.nik).slice(0, 32)}`;
  const outcome = await register(
    ports,
    { uid, by: actor.uid, requestId: input.requestId, assisted: { limit: limits.daily }, attemptLimit: limits.attempts },
    input.person,
  );
  if (!outcome.ok) return outcome;
  await ports.accounts.ensurePhoneAccount(uid, input.person.phone);
  await ports.audit.append({
    act: "register-assisted",
    actor: actor.uid,
    role: claims.role,
    target: uid,
    key: input.requestId,
    at: ports.clock.now(),
    region: input.person.districtCode,
    details: { eligible: outcome.value.eligibility.eligible },
  });
  return outcome;
}
