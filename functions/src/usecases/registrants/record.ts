import { readAuditKey } from "../../domain/audit/acts.js";
import { regionNamesOf } from "../../domain/regions/index.js";
import { done, refused, type Outcome } from "../../domain/outcome.js";
import { mayDo, type Actor } from "../../domain/roles.js";
import type { GetRegistrantRefusal } from "../../schemas/contract.js";
import type { GetRegistrantInput, RegistrantRecord } from "../../schemas/registrants.js";
import type { Ports } from "../ports.js";
import { isVisibleTo, registrantRowOf, timelineEntryOf } from "./view.js";

export type { GetRegistrantRefusal };

export type GetRegistrantPorts = Pick<Ports, "registrations" | "audit" | "clock">;

/**
 * One registrant's record (masked) and timeline, oldest event first. The role is checked first
 * (PRIVILEGES "list-registrants"); a person who does not exist or lives outside the caller's region
 * is `registrant-not-in-region` alike. The view is appended to the audit log (`view-registrant`,
 * target the uid, region the district, key the caller's request ID: a retry is recorded once)
 * before the record is answered, so no record is read unrecorded.
 */
export async function getRegistrant(
  ports: GetRegistrantPorts,
  actor: Actor,
  input: GetRegistrantInput,
): Promise<Outcome<RegistrantRecord, GetRegistrantRefusal>> {
  if (!mayDo(actor, "list-registrants")) return refused("not-operator-admin-or-auditor");
  const applicant = await ports.registrations.applicant(input.uid);
  if (applicant === null || !isVisibleTo(actor.claims, applicant)) return refused("registrant-not-in-region");

  const timeline = await ports.registrations.timeline(input.uid);
  await ports.audit.append({
    act: "view-registrant",
    actor: actor.uid,
    role: actor.claims.role,
    target: input.uid,
    // One entry per person opened: a request ID reused for another person records that view too.
    key: readAuditKey(input.requestId, input.uid),
    at: ports.clock.now(),
    region: applicant.districtCode,
  });
  return done({
    row: registrantRowOf(input.uid, applicant),
    phoneMasked: applicant.phoneMasked,
    sex: applicant.sex,
    occupation: applicant.occupation,
    provinceCode: applicant.provinceCode,
    province: regionNamesOf(applicant).province,
    programYear: applicant.programYear,
    registeredBy: applicant.registeredBy,
    ...(applicant.trainingBalance === undefined ? {} : { trainingBalance: applicant.trainingBalance }),
    ...(applicant.purchaseDeadline === undefined ? {} : { purchaseDeadline: applicant.purchaseDeadline.toISOString() }),
    ...(applicant.revokedAt === undefined ? {} : { revokedAt: applicant.revokedAt.toISOString() }),
    timeline: timeline.map(timelineEntryOf),
  });
}
