import type { IdentityDocument } from "../verification.js";

/**
 * A NIK dispute ("joki" case): a person at the labor office says someone else registered their
 * NIK. The operator of the registration's region opens a case with what the person said and the
 * documents seen, and resolves it once:
 *
 *   open ──┬── re-tie   ──▶ re-tied   (final: the registration moves to the person's account,
 *          │                           the other account is blocked)
 *          └── dismiss  ──▶ dismissed (final: the registration stays where it is)
 *
 * States only move forward; a resolved case is never resolved again (a retry of the same
 * request answers the recorded resolution).
 */
export const DISPUTE_STATES = ["open", "re-tied", "dismissed"] as const;
export type DisputeState = (typeof DISPUTE_STATES)[number];

export const DISPUTE_DECISIONS = ["re-tie", "dismiss"] as const;
export type DisputeDecision = (typeof DISPUTE_DECISIONS)[number];

/** The state a decision leads to. */
export const STATE_AFTER: Record<DisputeDecision, Exclude<DisputeState, "open">> = { "re-tie": "re-tied", dismiss: "dismissed" };

/** What deciding needs to know about the case and the registration as they are now. */
export interface DisputeFacts {
  state: DisputeState;
  /** The request ID the case was resolved under, once resolved. */
  resolvedBy: string | null;
  /** The registration's status now (null: no applicant under the case's uid any more). */
  registrationStatus: string | null;
  /** Whether the NIK index still names the case's account. */
  stillTied: boolean;
  /** Whether the claimant's account has a registration of its own. */
  claimantRegistered: boolean;
  documentsSeen: readonly IdentityDocument[];
}

export type DisputeRuling =
  | { kind: "apply" }
  | { kind: "repeat" }
  | { kind: "refuse"; reason: "dispute-resolved" | "documents-missing" | "registration-moved" | "registration-not-movable" | "claimant-registered" };

/**
 * Whether the case may be resolved with `decision` under `requestId`. A re-tie needs the KTP
 * and the family card seen (the person proves the NIK is theirs), the NIK still tied to the
 * case's account, a registration that carries no seat or money yet (a participant's voucher,
 * payouts and pseudonymous ID are keyed by their uid: that is the program office's revocation),
 * and a claimant without a registration of their own.
 */
export function ruleOnDispute(facts: DisputeFacts, decision: DisputeDecision, requestId: string): DisputeRuling {
  if (facts.state !== "open") return facts.resolvedBy === requestId ? { kind: "repeat" } : { kind: "refuse", reason: "dispute-resolved" };
  if (decision === "dismiss") return { kind: "apply" };
  if (!facts.documentsSeen.includes("ktp") || !facts.documentsSeen.includes("kk")) return { kind: "refuse", reason: "documents-missing" };
  if (!facts.stillTied || facts.registrationStatus === null) return { kind: "refuse", reason: "registration-moved" };
  if (facts.registrationStatus !== "registered") return { kind: "refuse", reason: "registration-not-movable" };
  if (facts.claimantRegistered) return { kind: "refuse", reason: "claimant-registered" };
  return { kind: "apply" };
}

/** An email as an operator may see it: the first letter, the rest of the local part hidden, the domain kept. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "*".repeat(email.length);
  return `${email[0] ?? ""}${"*".repeat(at - 1)}${email.slice(at)}`;
}
