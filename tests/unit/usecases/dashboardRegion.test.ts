import { describe, expect, it } from "vitest";
import { invoiceKey } from "../../../functions/src/domain/training/codes.js";
import { reviewTraining } from "../../../functions/src/usecases/training/participant.js";
import { authorizePurchase } from "../../../functions/src/usecases/training/purchase.js";
import { commitRedeem } from "../../../functions/src/usecases/training/redeem.js";
import { INSTITUTION, otpFor, participant, PLATFORM, SELF_PACED, trainingSetup } from "./trainingFixtures.js";

/** The regional dashboard counts completions and payouts per regency: the region travels with them from reviewTraining. */
describe("the region on entitlements and payouts", () => {
  it("when a participant's completed training is reviewed, then the entitlement and every payout of its schedule carry their regency", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const { token, otp } = await otpFor(memory, "u1", pid, SELF_PACED);
    const authorized = await authorizePurchase(memory, PLATFORM, { token, otp, invoiceCode: "INV-R", invoiceUrl: "https://platform.test/invoice/INV-R" });
    expect(authorized.ok).toBe(true);
    const { redeemCode } = memory.state.purchases.read(invoiceKey(PLATFORM.clientCode, "INV-R"))!;
    await commitRedeem(memory, INSTITUTION, { code: redeemCode, sequence: 1 });
    await commitRedeem(memory, INSTITUTION, { code: redeemCode, sequence: 999, score: 90 });
    expect(await reviewTraining(memory, "u1", { redeemCode, rating: 5, text: "Bagus" })).toEqual({ ok: true, value: { entitled: true } });

    const regencyCode = memory.state.applicants.read("u1")!.regencyCode;
    expect(memory.state.entitlements.read("u1")?.regencyCode).toBe(regencyCode);
    const payouts = [...memory.state.payouts.values()].filter((payout) => payout.uid === "u1");
    expect(payouts.length).toBeGreaterThan(0);
    for (const payout of payouts) expect(payout.regencyCode).toBe(regencyCode);
  });
});
