import { describe, expect, it } from "vitest";
import { REFUSALS } from "../../../functions/src/schemas/contract.js";
import { PAYOUT_CASE_RESOLUTIONS } from "../../../functions/src/schemas/payouts.js";
import { REFUSAL_TEXT } from "../../../functions/src/schemas/refusalMessages.js";
import { enPayments } from "../../../hosting/src/i18n/en.payments.js";
import { idPayments } from "../../../hosting/src/i18n/id.payments.js";
import { paymentsFailure } from "../../../hosting/src/pages/payments/actionFailure.js";

/** The program office's decisions on /pembayaran: accounts in review and participants' reports. */

const refusedWith = (reason: string, code = "failed-precondition") => ({ code: `functions/${code}`, details: { reason, fields: [] } });

describe("the payments page: accounts in review and participants' reports", () => {
  it("when a decision on an account or a report is refused, then the page shows the reason's shared text", () => {
    for (const action of ["reviewPayoutAccount", "resolvePayoutCase"] as const) {
      for (const reason of REFUSALS[action]) {
        expect(paymentsFailure(action, refusedWith(reason)), `${action}: ${reason}`).toEqual({ kind: "refusal", reason, text: REFUSAL_TEXT[reason] });
      }
    }
    expect(paymentsFailure("resolvePayoutCase", { code: "functions/unavailable" })).toEqual({ kind: "message", message: "payments.unavailable" });
  });

  it("when a report is resolved, then each finding the callable accepts has its words in both languages", () => {
    for (const resolution of PAYOUT_CASE_RESOLUTIONS) {
      const key = `payments.cases.resolution.${resolution}` as const;
      expect(idPayments[key].trim(), resolution).not.toBe("");
      expect(enPayments[key].trim(), resolution).not.toBe("");
    }
  });
});
