import { ruleOnDispute, STATE_AFTER } from "../../domain/desk/dispute.js";
import { done, refused, type Outcome } from "../../domain/outcome.js";
import { mayDo, type Actor } from "../../domain/roles.js";
import type { ApplicantDoc } from "../../schemas/applicant.js";
import type { RefusalOf } from "../../schemas/contract.js";
import type { NikDisputeDoc, NikDisputeView, ResolveNikDisputeInput } from "../../schemas/desk.js";
import type { NikDisputeWrite, Ports } from "../ports.js";
import { openPersonal, sealPersonal, type SealedPersonal } from "../personalData.js";
import { claimantRefusal, DISPUTE_VAULT_CONTEXT, disputeView } from "./openNikDispute.js";
import { outsideRegion } from "./region.js";

export type ResolveDisputePorts = Pick<Ports, "desk" | "registrations" | "accounts" | "vault" | "audit" | "clock">;

type Result = Outcome<NikDisputeView, RefusalOf<"resolveNikDispute">>;

/**
 * The operator of the registration's region resolves a NIK dispute with the documents seen
 * (domain/desk/dispute.ts). Re-tie, in one transaction: `nikIndex` names the claimant; the
 * registration and its timeline are copied to the claimant's uid (without its draw pool entry:
 * a pseudonymous ID is a hash of the uid, so the person joins the wave again under theirs); the
 * other account's applicant stays as evidence with status `blocked`; each side gets a timeline
 * event. Then the other Auth account is disabled (again on a retry: idempotent). Dismiss only
 * closes the case. The case is resolved once: a retry of the same request answers the same
 * outcome, another request is refused. The operator who registered the NIK cannot resolve it.
 * A re-tie checks the claimant again (claimantRefusal: a staff account, the resolving operator's
 * own, the disputed one, or one registered meanwhile is refused). The blocked registration is no
 * longer eligible (`eligibility.eligible` false, no reasons: it is out of every eligibility figure)
 * and its Auth account's refresh tokens are revoked with the block, so its session ends at once
 * wherever revocation is checked (privileged calls, `downloadMyData`).
 */
export async function resolveNikDispute(ports: ResolveDisputePorts, actor: Actor, input: ResolveNikDisputeInput): Promise<Result> {
  if (!mayDo(actor, "resolve-nik-dispute")) return refused("not-operator-or-admin");
  const stored = await ports.desk.dispute(input.disputeId);
  if (stored === null) return refused("dispute-not-found");
  const outside = outsideRegion(actor, stored.districtCode);
  if (outside !== null) return outside;
  // The claimant is checked again as on opening: a role granted since, or the resolving operator's own account, stops the move.
  if (input.decision === "re-tie" && stored.state === "open") {
    const unfit = await claimantRefusal(ports, actor, stored.uid, stored.claimantUid);
    if (unfit !== null) return refused(unfit);
  }

  const at = ports.clock.now();
  const note = await ports.vault.seal({ note: input.note }, DISPUTE_VAULT_CONTEXT);
  const identity = input.decision === "re-tie" ? await withOwnPhone(ports, stored) : null;
  const outcome = await ports.desk.resolveDispute(input.disputeId, (facts): NikDisputeWrite<Result> => {
    const { dispute, registration } = facts;
    if (dispute === null) return { result: refused("dispute-not-found") };
    if (dispute.state === "open" && registration?.registeredBy === actor.uid) return { result: refused("own-registration") };
    const ruling = ruleOnDispute(
      {
        state: dispute.state,
        resolvedBy: dispute.resolved?.requestId ?? null,
        registrationStatus: registration?.status ?? null,
        stillTied: facts.nikOwner === dispute.uid,
        claimantRegistered: facts.claimantRegistration !== null,
        documentsSeen: input.documentsSeen,
      },
      input.decision,
      input.requestId,
    );
    if (ruling.kind === "refuse") return { result: refused(ruling.reason) };
    if (ruling.kind === "repeat") return { result: done(disputeView(input.disputeId, dispute)) };
    const resolved: NikDisputeDoc = {
      ...dispute,
      state: STATE_AFTER[input.decision],
      resolved: { by: actor.uid, role: actor.claims.role, at, requestId: input.requestId, documentsSeen: input.documentsSeen, decision: input.decision, note },
    };
    const result = done(disputeView(input.disputeId, resolved));
    if (input.decision === "dismiss" || registration === null) return { dispute: resolved, result };
    // The phone was resealed from the registration as read before: changed since (a correction), it is read again on a retry.
    if (identity !== null && identity.from !== registration.personal.ciphertext) return { result: refused("registration-moved") };
    return { dispute: resolved, retie: retie(registration, identity?.sealed ?? null, actor, input, at), result };
  });
  if (!outcome.ok) return outcome;
  if (outcome.value.state === "re-tied") await ports.accounts.block(stored.uid);
  await ports.audit.append({
    act: "resolve-nik-dispute",
    actor: actor.uid,
    role: actor.claims.role,
    target: stored.uid,
    key: input.requestId,
    at,
    region: stored.districtCode,
    details: { disputeId: input.disputeId, decision: input.decision, claimantUid: stored.claimantUid, outcome: outcome.value.state },
  });
  return outcome;
}

/** The registration as the claimant's (out of the draw pool; the consent now taken at the desk), and the other account's, blocked. */
function retie(
  registration: ApplicantDoc,
  identity: SealedPersonal | null,
  actor: Actor,
  input: ResolveNikDisputeInput,
  at: Date,
): NonNullable<NikDisputeWrite<Result>["retie"]> {
  const moved: ApplicantDoc = { ...registration, consent: { ...registration.consent, at, by: "operator" } };
  // The SMS copy is of the phone the other account typed: messages go to the person's own phone, or by email and in the app.
  delete moved.smsTo;
  if (identity !== null) Object.assign(moved, identity);
  delete moved.pid;
  delete moved.familyPid;
  delete moved.inPool;
  delete moved.joinedWave;
  const act = { at, by: actor.uid, requestId: input.requestId, documentsSeen: input.documentsSeen };
  return {
    moved,
    claimantEvent: { kind: "nik-re-tied", ...act },
    blocked: { ...registration, status: "blocked", inPool: false, eligibility: { ...registration.eligibility, eligible: false, reasons: [], checkedAt: at } },
    blockedEvent: { kind: "blocked-nik-dispute", ...act },
  };
}

/**
 * The registration's identity resealed with the phone of the person's own account, so that no
 * message goes on to a number the other account typed; null when their account has no phone (the
 * person corrects the number later) or there is no registration to move.
 */
async function withOwnPhone(ports: ResolveDisputePorts, stored: NikDisputeDoc): Promise<{ from: string; sealed: SealedPersonal } | null> {
  const [account, registration] = await Promise.all([ports.accounts.describe(stored.claimantUid), ports.registrations.applicant(stored.uid)]);
  if (account === null || account.phone === null || registration === null) return null;
  const person = await openPersonal(ports.vault, registration);
  return { from: registration.personal.ciphertext, sealed: await sealPersonal(ports.vault, { ...person, phone: account.phone }) };
}
