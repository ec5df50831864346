import { matchName } from "../../domain/payouts/nameMatch.js";
import { paymentPartner, type PaymentPartnerSpec } from "../../domain/payouts/partners.js";
import { transition } from "../../domain/payouts/payout.js";
import { nextRoundReference } from "../../domain/payouts/schedule.js";
import { done, refused, type Outcome } from "../../domain/outcome.js";
import { PAYOUT_ACCOUNT_VAULT_CONTEXT, SHARED_ACCOUNT_LIMIT, type LinkPayoutAccountInput, type PayoutAccountDoc } from "../../schemas/payouts.js";
import { openPersonal } from "../personalData.js";
import type { Ports } from "../ports.js";
import { changeOf } from "./changes.js";

export type LinkRefusal = "not-participant" | "institution-not-offered" | "account-not-found" | "account-name-mismatch" | "partner-unavailable";

export interface LinkedAccount {
  status: PayoutAccountDoc["status"];
  masked: string;
  flags: PayoutAccountDoc["flags"];
  /** Held payouts waiting for an account that were put back on the schedule. */
  released: number;
}

type LinkPorts = Pick<Ports, "registrations" | "paymentPartners" | "payoutAccounts" | "payouts" | "pseudonyms" | "clock" | "vault">;

const masked = (accountNumber: string) => `••••${accountNumber.slice(-4)}`;

/**
 * The participant links the bank account or e-wallet their incentives are paid into. The partner's
 * account inquiry must find the account and its holder's name must match the registered name
 * (domain/payouts/nameMatch.ts): a match is `verified`; a doubtful name, or an account number
 * already linked by `SHARED_ACCOUNT_LIMIT` other people (the "joki" pattern: one agent collecting
 * many people's incentives), is linked for an operator's `review` and paid only after it. Linking
 * again replaces the account; payouts held for want of an account go back on the schedule.
 *
 * Refusals: `not-participant` (only selected participants have incentives); `institution-not-offered`
 * (the partner does not serve that bank or e-wallet on that channel); `account-not-found` (the
 * partner has no such account); `account-name-mismatch` (the account is in another person's name:
 * details give the match score, never the holder's name); `partner-unavailable` (the inquiry could
 * not be made: try again later). The registered name is opened from the vault for the match; the
 * account number and the holder's name are stored sealed (context "payout-account"), never in clear.
 * Reads: applicant 1, account + users 2 (transaction); partner calls: 1 account inquiry.
 */
export async function linkPayoutAccount(ports: LinkPorts, uid: string, input: LinkPayoutAccountInput): Promise<Outcome<LinkedAccount, LinkRefusal>> {
  const applicant = await ports.registrations.applicant(uid);
  if (applicant === null || applicant.status !== "participant") return refused("not-participant");
  const spec: PaymentPartnerSpec = paymentPartner(input.partner);
  if (!spec.channels.includes(input.channel) || !spec.institutions.includes(input.institution)) {
    return refused("institution-not-offered", { partner: input.partner, channel: input.channel, institution: input.institution });
  }
  const destination = { channel: input.channel, institution: input.institution, accountNumber: input.accountNumber };
  let inquiry;
  try {
    inquiry = await ports.paymentPartners.get(input.partner).inquireAccount(destination);
  } catch {
    return refused("partner-unavailable", { partner: input.partner });
  }
  if (!inquiry.found) return refused("account-not-found", { partner: input.partner, institution: input.institution });
  const { fullName } = await openPersonal(ports.vault, applicant);
  const name = matchName(fullName, inquiry.holderName);
  if (name.verdict === "mismatch") return refused("account-name-mismatch", { score: name.score });
  const now = ports.clock.now();
  const accountKey = ports.pseudonyms.account(`${input.partner}:${input.institution}:${input.accountNumber}`);
  const sealed = await ports.vault.seal({ accountNumber: input.accountNumber, holderName: inquiry.holderName }, PAYOUT_ACCOUNT_VAULT_CONTEXT);
  const linked = await ports.payoutAccounts.link(uid, accountKey, ({ current, users }) => {
    if (current !== null && current.requestId === input.requestId) return { account: null, result: current };
    const others = (users?.uids ?? []).filter((other) => other !== uid).length;
    const flags: PayoutAccountDoc["flags"] = [
      ...(name.verdict === "doubtful" ? (["doubtful-name"] as const) : []),
      ...(others >= SHARED_ACCOUNT_LIMIT ? (["shared-account"] as const) : []),
    ];
    const account: PayoutAccountDoc = {
      partner: input.partner,
      channel: input.channel,
      institution: input.institution,
      destination: sealed,
      masked: masked(input.accountNumber),
      accountKey,
      nameScore: name.score,
      nameVerdict: name.verdict,
      status: flags.length === 0 ? "verified" : "review",
      flags,
      linkedAt: now,
      requestId: input.requestId,
    };
    return { account, result: account };
  });
  const released = linked.status === "verified" ? await releaseAccountHolds(ports, uid) : 0;
  return done({ status: linked.status, masked: linked.masked, flags: linked.flags, released });
}

/**
 * Puts back on the schedule the participant's payouts held for want of a usable account, and
 * retries failed ones (a new attempt and a new round of the reference: the partner refused the old one).
 */
export async function releaseAccountHolds(ports: Pick<Ports, "payouts" | "clock">, uid: string): Promise<number> {
  let released = 0;
  for (const { id, payout } of await ports.payouts.ofParticipant(uid)) {
    const waiting =
      (payout.state === "held" && (payout.hold?.reason === "no-account" || payout.hold?.reason === "account-review")) || payout.state === "failed";
    if (!waiting) continue;
    const moved = await ports.payouts.change(id, {}, ({ payout: current }) => {
      if (current === null || current.version !== payout.version) return { result: false };
      const step = transition(current, "scheduled");
      if (!step.ok) return { result: false };
      // A payout the partner refused is a new round there (the partner keeps the refused transaction under the old reference).
      const patch = current.state === "failed" ? { reference: nextRoundReference(current.reference) } : {};
      return { change: changeOf(current, step.value, "review", ports.clock.now(), patch, { code: "account-linked" }), result: true };
    });
    if (moved) released += 1;
  }
  return released;
}
