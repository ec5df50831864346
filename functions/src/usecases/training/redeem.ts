import { done, refused, type Outcome } from "../../domain/outcome.js";
import { LEARNING_METHOD_LABEL } from "../../domain/training/catalogue.js";
import { settlementAmount, settlementId, statementMonth, type SettlementStage } from "../../domain/training/settlement.js";
import { attend, publishedStatus, type AttendRefusal } from "../../domain/training/voucher.js";
import type { RedeemData } from "../../schemas/partnerApi.js";
import type { SettlementDoc, VoucherDoc } from "../../schemas/training.js";
import type { CommitWrite, Ports } from "../ports.js";

/**
 * The training institution's side of the published partner API: `redeem-code/status` (is this
 * code valid, and was session `sequence` attended?) and `redeem-code/commit` (redeem the code, or
 * record a later session or the post-test). An institution sees only the vouchers of its own
 * trainings: another's code is `redeem-code-unknown`, exactly as a code that does not exist.
 */

export type RedeemRefusal = "redeem-code-unknown" | AttendRefusal;
type RedeemPorts = Pick<Ports, "training" | "clock">;
/** The signed-in institution (edge/httpAuth.ts partnerSignature). */
type Caller = { clientCode: string };

/** `redeem-code/status`: one read (the voucher) and the platform's name (cached by nobody: one more read). */
export async function redeemStatus(ports: RedeemPorts, caller: Caller, code: string, sequence: number): Promise<Outcome<RedeemData, RedeemRefusal>> {
  const voucher = await ports.training.voucher(code);
  if (voucher === null || voucher.institutionCode !== caller.clientCode) return refused("redeem-code-unknown");
  return done(await redeemData(ports, voucher, sequence));
}

/**
 * `redeem-code/commit`: records `sequence` for the code in one transaction (domain/training/voucher.ts
 * `attend`), and what the institution is owed on that evidence: half the price at redemption,
 * the rest at completion (domain/training/settlement.ts), `held` instead of `accrued` while the
 * program office has frozen the institution's settlements. A repeated commit (a retry, a
 * duplicate delivery, ten at once) changes nothing and answers `committed: false`.
 */
export async function commitRedeem(
  ports: RedeemPorts,
  caller: Caller,
  input: { code: string; sequence: number; score?: number | undefined; certificate?: string | undefined },
): Promise<Outcome<RedeemData, RedeemRefusal>> {
  const now = ports.clock.now();
  const write = await ports.training.commit(input.code, ({ voucher, institution }): CommitWrite<RedeemRefusal> => {
    if (voucher === null || voucher.institutionCode !== caller.clientCode) return { kind: "refused", reason: "redeem-code-unknown" };
    const attended = attend(voucher, input.sequence, input.score);
    if (!attended.ok) return { kind: "refused", reason: attended.reason };
    if (!attended.value.changed) return { kind: "unchanged", voucher };
    const { state, attended: sequences, postTestScore, redeemed, completed } = attended.value;
    const next: VoucherDoc = {
      ...voucher,
      state,
      attended: sequences,
      ...(postTestScore === undefined ? {} : { postTestScore }),
      ...(redeemed ? { redeemedAt: now } : {}),
      ...(completed ? { completedAt: now, ...(input.certificate === undefined ? {} : { certificate: input.certificate }) } : {}),
    };
    const stages: SettlementStage[] = [...(redeemed ? (["redeemed"] as const) : []), ...(completed ? (["completed"] as const) : [])];
    const held = institution?.settlementsFrozen !== false;
    const settlements = stages.map((stage) => ({
      id: settlementId(voucher.redeemCode, stage),
      entry: {
        partnerCode: voucher.institutionCode,
        redeemCode: voucher.redeemCode,
        stage,
        amount: settlementAmount(voucher.amount, stage),
        state: held ? "held" : "accrued",
        month: statementMonth(now),
        at: now,
      } satisfies SettlementDoc,
    }));
    const event = completed ? { kind: "training-completed" as const, at: now, courseCode: voucher.courseCode } : null;
    return { kind: "attended", voucher: next, settlements, event };
  });
  if (write.kind === "refused") return refused(write.reason);
  return done({ ...(await redeemData(ports, write.voucher, input.sequence)), committed: write.kind === "attended" });
}

async function redeemData(ports: RedeemPorts, voucher: VoucherDoc, sequence: number): Promise<RedeemData> {
  const [platform, training] = await Promise.all([ports.training.partner(voucher.platformCode), ports.training.training(voucher.courseCode)]);
  return {
    redeem_code: voucher.redeemCode,
    course_code: voucher.courseCode,
    invoice_code: voucher.invoiceCode,
    schedule_code: voucher.scheduleCode,
    status: publishedStatus(voucher.state),
    attendance_status: voucher.attended.includes(sequence) ? 1 : 0,
    sequence,
    redeem_at: voucher.redeemedAt?.toISOString() ?? null,
    dp_platform: platform?.name ?? voucher.platformCode,
    schedule_start_end: voucher.startsAt.toISOString(),
    course_learning_method: training === null ? "" : LEARNING_METHOD_LABEL[training.method],
    completed: voucher.state === "completed",
  };
}
