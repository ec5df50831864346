import { done, refused, type Outcome } from "../../domain/outcome.js";
import { mayDo, type Actor } from "../../domain/roles.js";
import type { RefusalOf } from "../../schemas/contract.js";
import type { ClaimantInput, NikDisputeDoc, NikDisputeView, OpenNikDisputeInput } from "../../schemas/desk.js";
import type { Ports } from "../ports.js";
import { outsideRegion } from "./region.js";

export type OpenDisputePorts = Pick<Ports, "desk" | "registrations" | "accounts" | "vault" | "audit" | "clock" | "pseudonyms">;

/** The vault's context for what people said in a NIK dispute (it may name people). */
export const DISPUTE_VAULT_CONTEXT = "nik-dispute";

/** What the desk shows of a case. */
export function disputeView(id: string, dispute: NikDisputeDoc): NikDisputeView {
  return {
    disputeId: id,
    state: dispute.state,
    uid: dispute.uid,
    claimantUid: dispute.claimantUid,
    nikMasked: dispute.nikMasked,
    registrationUid: dispute.state === "re-tied" ? dispute.claimantUid : dispute.uid,
  };
}

/**
 * A person at the desk says someone else registered their NIK (a "joki"): the operator of the
 * registration's region opens a case (`nikDisputes/{requestId}`) naming the registration's
 * account, the person's own account — the one they have, or a new one for their phone or email,
 * named after the request so a retry makes one — what they said (sealed) and the documents seen.
 * Nothing moves until the case is resolved (resolveNikDispute.ts). The claimant must be a plain
 * applicant's account (claimantRefusal): never a staff account, the acting operator's own, the
 * registration's, or one with a registration of its own. A retry (the same operator, the same
 * input: compared through the keyed digest `opened.digest`, never the clear statement) answers
 * the same case; the request ID with another input is `request-id-reused`.
 */
export async function openNikDispute(
  ports: OpenDisputePorts,
  actor: Actor,
  input: OpenNikDisputeInput,
): Promise<Outcome<NikDisputeView, RefusalOf<"openNikDispute">>> {
  if (!mayDo(actor, "resolve-nik-dispute")) return refused("not-operator-or-admin");
  const digest = openDigest(ports, actor, input);
  const earlier = await ports.desk.dispute(input.requestId);
  if (earlier !== null) return earlier.opened.digest === digest ? done(disputeView(input.requestId, earlier)) : refused("request-id-reused");

  const registration = await ports.registrations.applicant(input.uid);
  if (registration === null) return refused("registration-not-found");
  const outside = outsideRegion(actor, registration.districtCode);
  if (outside !== null) return outside;

  const claimantUid = await claimantAccount(ports, input.claimant, input.requestId);
  if (claimantUid === null) return refused("claimant-account-not-found");
  const unfit = await claimantRefusal(ports, actor, input.uid, claimantUid);
  if (unfit !== null) return refused(unfit);
  if ("phone" in input.claimant) await ports.accounts.ensurePhoneAccount(claimantUid, input.claimant.phone);
  if ("email" in input.claimant) await ports.accounts.ensureEmailAccount(claimantUid, input.claimant.email);

  const at = ports.clock.now();
  const doc: NikDisputeDoc = {
    state: "open",
    uid: input.uid,
    claimantUid,
    nikKey: registration.nikKey,
    nikMasked: registration.nikMasked,
    provinceCode: registration.provinceCode,
    regencyCode: registration.regencyCode,
    districtCode: registration.districtCode,
    statement: await ports.vault.seal({ statement: input.statement }, DISPUTE_VAULT_CONTEXT),
    opened: { by: actor.uid, role: actor.claims.role, at, requestId: input.requestId, documentsSeen: input.documentsSeen, digest },
  };
  const { dispute } = await ports.desk.openDispute(input.requestId, doc);
  if (dispute.opened.digest !== digest) return refused("request-id-reused");
  await ports.audit.append({
    act: "open-nik-dispute",
    actor: actor.uid,
    role: actor.claims.role,
    target: input.uid,
    key: input.requestId,
    at,
    region: registration.districtCode,
    details: { disputeId: input.requestId, claimantUid },
  });
  return done(disputeView(input.requestId, dispute));
}

/** The person's account: the uid given (it must exist), or the phone's or email's, or a new one named after the request. */
async function claimantAccount(ports: Pick<Ports, "accounts">, claimant: ClaimantInput, requestId: string): Promise<string | null> {
  if ("uid" in claimant) return (await ports.accounts.describe(claimant.uid)) === null ? null : claimant.uid;
  const found = "phone" in claimant ? await ports.accounts.uidByPhone(claimant.phone) : await ports.accounts.uidByEmail(claimant.email);
  return found ?? `claimant-${requestId}`;
}

/** The opening's input as a keyed digest: who opened it, for which registration and claimant, what was said and seen. */
function openDigest(ports: Pick<Ports, "pseudonyms">, actor: Actor, input: OpenNikDisputeInput): string {
  return ports.pseudonyms.request(`openNikDispute:${JSON.stringify([actor.uid, input.uid, input.claimant, input.statement, input.documentsSeen])}`);
}

export type ClaimantRefusal = "claimant-is-actor" | "claimant-is-registrant" | "claimant-is-staff" | "claimant-registered";

/**
 * Why this account may not receive the registration, or null: the acting operator's own, the
 * disputed account itself, an account with a staff role (operator, admin, auditor, partner: every
 * role claim but the applicant's), or one with a registration (`applicants/{uid}`) of its own.
 * Checked on opening and again on resolving (claims and registrations may have changed since).
 */
export async function claimantRefusal(
  ports: Pick<Ports, "accounts" | "registrations">,
  actor: Actor,
  disputedUid: string,
  claimantUid: string,
): Promise<ClaimantRefusal | null> {
  if (claimantUid === actor.uid) return "claimant-is-actor";
  if (claimantUid === disputedUid) return "claimant-is-registrant";
  const [profiles, registration] = await Promise.all([ports.accounts.profiles([claimantUid]), ports.registrations.applicant(claimantUid)]);
  const role = profiles.get(claimantUid)?.claims.role;
  if (role !== undefined && role !== "applicant") return "claimant-is-staff";
  if (registration !== null) return "claimant-registered";
  return null;
}
