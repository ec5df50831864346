import { done, refused, type Outcome } from "../domain/outcome.js";
import { canSeeRegion, mayDo, type Actor } from "../domain/roles.js";
import type { RevealPersonalDataRefusal } from "../schemas/contract.js";
import type { RevealPersonalDataInput, RevealPersonalDataResult } from "../schemas/personalAccess.js";
import { openPersonal } from "./personalData.js";
import type { AuditLog, Clock, Registrations, Vault } from "./ports.js";

export type { RevealPersonalDataRefusal };

export interface RevealPorts {
  registrations: Pick<Registrations, "applicant">;
  vault: Pick<Vault, "open">;
  audit: AuditLog;
  clock: Clock;
}

/**
 * An operator or admin reveals one sealed field (NIK, KK, full name, phone or birth date) of one
 * registered person, for a stated purpose. In order:
 * 1. the role (PRIVILEGES "reveal-personal-data": operators and admins; auditors and applicants are
 *    refused) before anything is read, so a refusal never depends on who exists;
 * 2. the person (`registrant-not-found`) and, for an operator, that the person's domicile
 *    (`districtCode`) lies in their region (`person-outside-region`);
 * 3. the seal is opened (a seal that does not open throws: a fault to see, never a value to guess);
 * 4. the act is appended to the audit log (`reveal-personal-data`, target the uid, region the
 *    district, details field and purpose — and the note, which the form says must hold no personal
 *    data); only once it is recorded is the value returned, so no value leaves unrecorded.
 *
 * The record's idempotency key is the request ID with the uid and field: a retry is recorded once,
 * and a request ID sent again for another person or field is a new act, recorded on its own.
 */
export async function revealPersonalData(
  ports: RevealPorts,
  actor: Actor,
  input: RevealPersonalDataInput,
): Promise<Outcome<RevealPersonalDataResult, RevealPersonalDataRefusal>> {
  if (!mayDo(actor, "reveal-personal-data")) return refused("not-operator-or-admin");
  const applicant = await ports.registrations.applicant(input.uid);
  if (applicant === null) return refused("registrant-not-found");
  if (!canSeeRegion(actor.claims, applicant.districtCode)) return refused("person-outside-region");

  const value = (await openPersonal(ports.vault, applicant))[input.field];
  await ports.audit.append({
    act: "reveal-personal-data",
    actor: actor.uid,
    role: actor.claims.role,
    target: input.uid,
    key: `${input.requestId}:${input.uid}:${input.field}`,
    at: ports.clock.now(),
    region: applicant.districtCode,
    details: { field: input.field, purpose: input.purpose, ...(input.note === undefined ? {} : { note: input.note }) },
  });
  return done({ value });
}
