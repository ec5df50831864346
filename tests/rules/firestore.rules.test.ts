import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import { doc, getDoc, setDoc } from "firebase/firestore";
import { describe, it } from "vitest";
import { describeAccess, EVERYONE, SIGNED_IN, useRulesEnvironment, type Who } from "../support/rules.js";

/**
 * firestore.rules against the real emulator: for every collection the code uses, who may read,
 * and that no client may write. Applicants and exclusion lists have files of their own.
 */

/** Each path the code uses (functions/src/schemas/collections.ts), with who may read it. */
const PATHS: Array<{ path: string; readers: Who[] }> = [
  { path: "programYears/2026", readers: EVERYONE },
  { path: "waves/2026-1", readers: EVERYONE },
  { path: "waves/2026-1/events/open", readers: EVERYONE },
  { path: "trainingPartners/p1", readers: ["admin"] },
  { path: "trainings/t1", readers: EVERYONE },
  { path: "trainings/t1/history/1", readers: ["admin", "auditor"] },
  { path: "schedules/t1-J1", readers: EVERYONE },
  { path: "paymentPartners/bank-demo", readers: SIGNED_IN },
  { path: "roleGrants/0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d8e", readers: ["admin", "auditor"] },
  { path: "waveDraws/2026-1", readers: EVERYONE },
  { path: "waveDraws/2026-1/pool/000000", readers: EVERYONE },
  { path: "waveDraws/2026-1/winners/000000", readers: EVERYONE },
  { path: "waveDraws/2026-1/private/x", readers: [] },
  { path: "waveSecrets/2026-1", readers: [] },
  { path: "pidIndex/p1", readers: [] },
  { path: "leases/wave-2026-1", readers: [] },
  { path: "usedSignatures/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", readers: [] },
  { path: "registerAttempts/u1_2026-11-30", readers: [] },
  { path: "verificationDecisions/0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d8e", readers: ["admin", "auditor"] },
  // Training money and seats: functions only, except what the program office and auditors audit.
  { path: "vouchers/GHOPNYXUVMT2", readers: [] },
  { path: "purchases/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", readers: [] },
  { path: "paymentTokens/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", readers: [] },
  { path: "entitlements/u1", readers: ["admin", "auditor"] },
  { path: "settlements/GHOPNYXUVMT2-redeemed", readers: ["admin", "auditor"] },
  { path: "budgetLedger/unspent-p1", readers: ["admin", "auditor"] },
  { path: "freedSeats/p1", readers: ["admin", "auditor"] },
  { path: "partnerCalls/req-0001", readers: ["admin", "auditor"] },
  { path: "trainingFlags/overlap-GHOPNYXUVMT2", readers: ["admin", "auditor"] },
  // The notification outbox holds addresses and one-time codes: functions and the relay only.
  { path: "mail/draw-result-2026-1-p1", readers: [] },
  { path: "sms/draw-result-2026-1-p1", readers: [] },
  { path: "somethingElse/x", readers: [] },
];

const rules = useRulesEnvironment("demo-prakerja-rules", async (store) => {
  for (const { path } of PATHS) await setDoc(doc(store, path), { seeded: true });
});

describeAccess(rules, PATHS);

describe("a claim that is not a role", () => {
  it("when the role claim is not a string, then the reader counts as an applicant", async () => {
    const odd = rules.as("odd-uid", { role: ["admin"] });
    await assertFails(getDoc(doc(odd, "roleGrants/0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d8e")));
    await assertSucceeds(getDoc(doc(odd, "paymentPartners/bank-demo")));
  });
});

describe("a training partner's own staff", () => {
  const seeded = useRulesEnvironment("demo-prakerja-rules-partners", async (store) => {
    await setDoc(doc(store, "trainingPartners/lpk-nusantara"), { status: "active" });
    await setDoc(doc(store, "trainingPartners/lpk-delisted"), { status: "delisted" });
    await setDoc(doc(store, "settlements/A-redeemed"), { partnerCode: "lpk-nusantara", amount: 1 });
    await setDoc(doc(store, "partnerCalls/r1"), { clientCode: "lpk-nusantara", endpoint: "redeem-code-status" });
    await setDoc(doc(store, "partnerCalls/r2"), { clientCode: "lpk-delisted", endpoint: "redeem-code-status" });
  });
  const as = (partner: string) => seeded.as(`staff-${partner}`, { role: "partner", partner });

  it("when staff read their own partner's settlement entry and call record, then both are allowed; another partner's staff are denied", async () => {
    await assertSucceeds(getDoc(doc(as("lpk-nusantara"), "settlements/A-redeemed")));
    await assertSucceeds(getDoc(doc(as("lpk-nusantara"), "partnerCalls/r1")));
    await assertFails(getDoc(doc(as("akademi-digital"), "settlements/A-redeemed")));
    await assertFails(getDoc(doc(as("akademi-digital"), "partnerCalls/r1")));
  });

  it("when the partner is de-listed, then its staff read nothing more, not even its own records", async () => {
    await assertFails(getDoc(doc(as("lpk-delisted"), "partnerCalls/r2")));
  });

  it("when staff try anything else (a voucher, an applicant, writing their own entry), then it is denied", async () => {
    await assertFails(getDoc(doc(as("lpk-nusantara"), "vouchers/X")));
    await assertFails(getDoc(doc(as("lpk-nusantara"), "applicants/u1")));
    await assertFails(setDoc(doc(as("lpk-nusantara"), "settlements/B-redeemed"), { partnerCode: "lpk-nusantara", amount: 1 }));
  });
});
