import { readAuditKey } from "../../domain/audit/acts.js";
import { maskEmail } from "../../domain/desk/dispute.js";
import { done, refused, type Outcome } from "../../domain/outcome.js";
import { maskPhone } from "../../domain/privacy.js";
import { mayDo, type Actor } from "../../domain/roles.js";
import type { RefusalOf } from "../../schemas/contract.js";
import type { DeskAccount, LookupRegistrationInput, RegistrationLookup } from "../../schemas/desk.js";
import type { AccountSignIn, Ports } from "../ports.js";
import { outsideRegion } from "./region.js";

export type LookupPorts = Pick<Ports, "pseudonyms" | "desk" | "registrations" | "accounts" | "audit" | "clock">;

/**
 * At the desk, a walk-in person's NIK is already registered: who registered it, through which
 * account, and what happened since. The NIK is hashed (never stored or logged) and found through
 * `nikIndex`; only an operator of the region the registration lives in (or an admin) sees it, and
 * only masked — full values go through `revealPersonalData`, each with its own purpose. Every
 * lookup that finds a registration, shown or refused for the region, is on the audit log
 * ("view-registrant", the registration's uid, the purpose).
 */
export async function lookupRegistration(
  ports: LookupPorts,
  actor: Actor,
  input: LookupRegistrationInput,
): Promise<Outcome<RegistrationLookup, RefusalOf<"lookupRegistration">>> {
  if (!mayDo(actor, "look-up-registration")) return refused("not-operator-or-admin");
  const uid = await ports.desk.nikOwner(ports.pseudonyms.nik(input.nik));
  const applicant = uid === null ? null : await ports.registrations.applicant(uid);
  if (uid === null || applicant === null) return refused("nik-not-registered");

  const outside = outsideRegion(actor, applicant.districtCode);
  await ports.audit.append({
    act: "view-registrant",
    actor: actor.uid,
    role: actor.claims.role,
    target: uid,
    // One entry per registration looked up: a request ID reused for another NIK records that one too.
    key: readAuditKey(input.requestId, uid),
    at: ports.clock.now(),
    region: applicant.districtCode,
    details: { purpose: input.purpose, shown: outside === null },
  });
  if (outside !== null) return outside;

  const [account, timeline] = await Promise.all([ports.accounts.describe(uid), ports.registrations.timeline(uid)]);
  return done({
    uid,
    nikMasked: applicant.nikMasked,
    nameMasked: applicant.nameMasked,
    phoneMasked: applicant.phoneMasked,
    provinceCode: applicant.provinceCode,
    regencyCode: applicant.regencyCode,
    districtCode: applicant.districtCode,
    status: applicant.status,
    registeredBy: {
      kind: applicant.registeredBy === "self" ? "self" : "operator",
      operatorUid: applicant.registeredBy === "self" ? null : applicant.registeredBy,
      at: applicant.registeredAt.toISOString(),
    },
    account: deskAccount(account),
    timeline: timeline.map((event) => ({ kind: event.kind, at: event.at.toISOString(), by: event.by ?? null })),
  });
}

function deskAccount(account: AccountSignIn | null): DeskAccount {
  if (account === null) return { exists: false, disabled: false, methods: [], emailMasked: null, phoneMasked: null };
  return {
    exists: true,
    disabled: account.disabled,
    methods: account.methods,
    emailMasked: account.email === null ? null : maskEmail(account.email),
    phoneMasked: account.phone === null ? null : maskPhone(account.phone),
  };
}
