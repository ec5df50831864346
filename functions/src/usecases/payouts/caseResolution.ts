import { done, refused, type Outcome } from "../../domain/outcome.js";
import { mayDo, type Actor } from "../../domain/roles.js";
import type { RefusalOf } from "../../schemas/contract.js";
import type { PayoutCaseDoc, ResolvePayoutCaseInput } from "../../schemas/payouts.js";
import type { ResolvePayoutCaseResult } from "../../schemas/payoutViews.js";
import type { Ports } from "../ports.js";

type ResolveOutcome = Outcome<ResolvePayoutCaseResult, RefusalOf<"resolvePayoutCase">>;

/**
 * The program office closes a participant's "not received" / "received less" report once it has
 * checked it against the partner's statement: what it found (`paid-confirmed`: the partner shows
 * the money arrived; `repaid`: the missing money was paid; `clawback-opened`; `other`) and a note,
 * which the participant reads on /insentif-saya as the case's resolution. Nothing about the payout
 * changes here: money moves through `reviewPayout` or a clawback.
 * The same request again answers as the first did; a case resolved otherwise is refused.
 * Refusals: `not-admin`; `payout-case-not-found`; `payout-case-resolved`.
 * Reads: the case (transaction).
 */
export async function resolvePayoutCase(
  ports: Pick<Ports, "payoutCases" | "clock" | "audit">,
  actor: Actor,
  input: ResolvePayoutCaseInput,
): Promise<ResolveOutcome> {
  if (!mayDo(actor, "manage-payouts")) return refused("not-admin");
  const now = ports.clock.now();
  const outcome = await ports.payoutCases.resolveCase(input.id, (current): { doc: PayoutCaseDoc | null; result: ResolveOutcome } => {
    if (current === null) return { doc: null, result: refused("payout-case-not-found") };
    if (current.status === "resolved") {
      const { resolvedAt, resolvedBy } = current;
      if (current.resolveRequestId === input.requestId && current.resolvedAs === input.resolution && resolvedAt !== null && resolvedBy !== undefined) {
        return { doc: null, result: done({ id: input.id, resolution: input.resolution, resolvedAt: resolvedAt.toISOString(), resolvedBy }) };
      }
      return { doc: null, result: refused("payout-case-resolved") };
    }
    const doc: PayoutCaseDoc = {
      ...current,
      status: "resolved",
      resolvedAt: now,
      resolution: input.note,
      resolvedAs: input.resolution,
      resolvedBy: actor.uid,
      resolveRequestId: input.requestId,
    };
    return { doc, result: done({ id: input.id, resolution: input.resolution, resolvedAt: now.toISOString(), resolvedBy: actor.uid }) };
  });
  // The note (the participant reads it) stays on the case; the log says who resolved which case, how.
  if (outcome.ok)
    await ports.audit.append({
      act: "resolve-payout-case",
      actor: actor.uid,
      role: actor.claims.role,
      target: input.id,
      key: input.requestId,
      at: new Date(outcome.value.resolvedAt),
      details: { resolution: input.resolution },
    });
  return outcome;
}
