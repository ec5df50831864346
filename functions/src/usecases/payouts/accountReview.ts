import { done, refused, type Outcome } from "../../domain/outcome.js";
import { mayDo, type Actor } from "../../domain/roles.js";
import type { RefusalOf } from "../../schemas/contract.js";
import type { AccountReviewDoc, PayoutAccountDoc, ReviewPayoutAccountInput } from "../../schemas/payouts.js";
import type { AccountInReviewView, ReviewPayoutAccountResult } from "../../schemas/payoutViews.js";
import type { Ports } from "../ports.js";
import { releaseAccountHolds } from "./account.js";

/**
 * The program office decides on a payout account linked for review — the holder's name only a
 * doubtful match, or the number shared by more people than SHARED_ACCOUNT_LIMIT (the "joki"
 * pattern) — whose payouts wait, held (`account-review`). `verify` makes it `verified` and puts its
 * held payouts back on the schedule; `refuse` makes it `refused`: the participant is told on
 * /insentif-saya to link another account, and its flags stay as the reason. The decision (who,
 * when, the note, the request) is stored on the account; linking another account starts afresh.
 *
 * The decision is about the account the officer saw: `linkedAt` comes back from the overview, and
 * an account linked since is refused (`account-changed`) rather than decided unseen.
 * The same request again answers as the first did (and releases again what a crash between the
 * decision and the release left held); the same request ID with another decision is refused.
 * Refusals: `not-admin`; `payout-account-not-found`; `account-changed`; `account-not-in-review`
 * (details: the status found); `request-id-reused`.
 * Reads: the account (transaction), and on `verify` the participant's payouts.
 */
export async function reviewPayoutAccount(
  ports: Pick<Ports, "payoutAccounts" | "payouts" | "clock" | "audit">,
  actor: Actor,
  input: ReviewPayoutAccountInput,
): Promise<Outcome<ReviewPayoutAccountResult, RefusalOf<"reviewPayoutAccount">>> {
  if (!mayDo(actor, "manage-payouts")) return refused("not-admin");
  const now = ports.clock.now();
  const status = input.decision === "verify" ? "verified" : "refused";
  type Decided = Outcome<{ decidedAt: string; decidedBy: string }, RefusalOf<"reviewPayoutAccount">>;
  const decidedBy = (review: AccountReviewDoc) => ({ decidedAt: review.at.toISOString(), decidedBy: review.by });
  const decided = await ports.payoutAccounts.decide(input.uid, (current): { account: PayoutAccountDoc | null; result: Decided } => {
    if (current === null) return { account: null, result: refused("payout-account-not-found") };
    if (current.review?.requestId === input.requestId) {
      const same = current.review.decision === input.decision && current.status === status;
      return { account: null, result: same ? done(decidedBy(current.review)) : refused("request-id-reused") };
    }
    if (current.linkedAt.getTime() !== new Date(input.linkedAt).getTime()) return { account: null, result: refused("account-changed") };
    if (current.status !== "review") return { account: null, result: refused("account-not-in-review", { status: current.status }) };
    const review: AccountReviewDoc = { decision: input.decision, by: actor.uid, at: now, note: input.note, requestId: input.requestId };
    return { account: { ...current, status, review }, result: done(decidedBy(review)) };
  });
  if (!decided.ok) return decided;
  await ports.audit.append({
    act: "review-payout-account",
    actor: actor.uid,
    role: actor.claims.role,
    target: input.uid,
    key: input.requestId,
    at: new Date(decided.value.decidedAt),
    details: { decision: input.decision },
  });
  const released = status === "verified" ? await releaseAccountHolds(ports, input.uid) : 0;
  return done({ uid: input.uid, status, ...decided.value, released });
}

/** What the overview shows of an account in review: the last digits, the name's score and verdict, never the number or a name. */
export function accountInReviewView({ uid, account }: { uid: string; account: PayoutAccountDoc }): AccountInReviewView {
  return {
    uid,
    partner: account.partner,
    channel: account.channel,
    institution: account.institution,
    masked: account.masked,
    nameScore: account.nameScore,
    nameVerdict: account.nameVerdict,
    flags: [...account.flags],
    linkedAt: account.linkedAt.toISOString(),
  };
}
