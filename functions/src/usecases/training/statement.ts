import { done, refused, type Outcome } from "../../domain/outcome.js";
import { mayDo, type Actor } from "../../domain/roles.js";
import type { SettlementStatement } from "../../schemas/settlement.js";
import type { Ports } from "../ports.js";

/**
 * A partner's monthly settlement statement (`settlementStatement` callable: program office,
 * auditors, and the partner's own staff while it is listed): what accrued on evidence that month, by stage, and what is held while the partner's
 * settlements are frozen — in rupiah, with the number of vouchers behind each figure. Paying it is
 * the payouts work's; this is the ledger it pays from.
 */
export async function settlementStatement(
  ports: Pick<Ports, "training">,
  actor: Actor,
  input: { partnerCode: string; month: string },
): Promise<Outcome<SettlementStatement, "not-admin-or-auditor" | "partner-not-found" | "partner-delisted">> {
  if (!mayDo(actor, "read-settlements")) return refused("not-admin-or-auditor");
  // Partner staff read their own partner's statements only; which other partners exist is not theirs to learn.
  if (actor.claims.role === "partner" && actor.claims.partner !== input.partnerCode) return refused("not-admin-or-auditor");
  const [partner, entries] = await Promise.all([ports.training.partner(input.partnerCode), ports.training.settlementsOf(input.partnerCode, input.month)]);
  if (partner === null) return refused("partner-not-found");
  if (actor.claims.role === "partner" && partner.status !== "active") return refused("partner-delisted");
  const sum = (state: "accrued" | "held", stage: "redeemed" | "completed") => {
    const matching = entries.filter((e) => e.state === state && e.stage === stage);
    return { amount: matching.reduce((total, e) => total + e.amount, 0), vouchers: matching.length };
  };
  return done({
    partnerCode: input.partnerCode,
    partnerName: partner.name,
    month: input.month,
    settlementsFrozen: partner.settlementsFrozen,
    accrued: { redeemed: sum("accrued", "redeemed"), completed: sum("accrued", "completed") },
    held: { redeemed: sum("held", "redeemed"), completed: sum("held", "completed") },
    total: {
      accrued: entries.filter((e) => e.state === "accrued").reduce((t, e) => t + e.amount, 0),
      held: entries.filter((e) => e.state === "held").reduce((t, e) => t + e.amount, 0),
    },
  });
}
