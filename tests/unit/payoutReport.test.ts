import { describe, expect, it } from "vitest";
import type { MemoryPorts } from "../../functions/src/adapters/memory/index.js";
import type { PaymentPartners } from "../../functions/src/usecases/ports.js";
import { valueBytes } from "../../functions/src/domain/documentSize.js";
import { DIFFERENCE_KINDS } from "../../functions/src/domain/payouts/differences.js";
import {
  DIFFERENCES_PER_PAGE,
  LARGEST_DIFFERENCE_BYTES,
  LARGEST_DIFFERENCES,
  PAGE_BYTE_BUDGET,
  paginate,
} from "../../functions/src/domain/payouts/reportPages.js";
import { openClawback, recordRepayment } from "../../functions/src/usecases/payouts/clawback.js";
import { reconciliationSummary, reportDueDays, runReconciliationReport } from "../../functions/src/usecases/payouts/report.js";
import { DAY, dueOn, lineOf, ON_DAY, reconciliationSetup, statementPartners, store } from "./reconciliationFixtures.js";
import { admin, writesOf } from "./usecases/fixtures.js";

/** The daily three-way report through the memory adapters, with partners whose statements each test writes. */

const report = (memory: MemoryPorts, partners: PaymentPartners, options: { replace?: boolean } = {}) =>
  runReconciliationReport({ ...memory, paymentPartners: partners }, DAY, options);
const differencesOf = (memory: MemoryPorts) => [...memory.state.reconciliationDifferences.values()].flatMap((page) => page.differences);

describe("runReconciliationReport: a balanced day", () => {
  it("when every payment of the day is on its partner's statement and every ledger balances (a clawback's included), then it reports no difference", async () => {
    const memory = reconciliationSetup();
    const bank = store(memory, { uid: "u1", state: "paid", partner: "bank-nusantara" });
    const wallet = store(memory, { uid: "u2", state: "paid", partner: "dompet-kita", amount: 50_000 });
    const clawedBack = store(memory, { uid: "u3", state: "paid", partner: "bank-nusantara" });
    store(memory, { uid: "u4", state: "scheduled", dueAt: dueOn("2026-04-02") });
    store(memory, { uid: "u5", state: "held", dueAt: dueOn("2026-02-27"), hold: { reason: "eligibility", at: ON_DAY } });
    memory.clock.set(ON_DAY);
    await openClawback(memory, admin, { installmentId: clawedBack, reason: "fraud", note: "report 7", requestId: "5f0c6a8e-1b2d-4e3f-8a9b-0c1d2e3f4a5b" });
    await recordRepayment(memory, admin, { installmentId: clawedBack, amount: 100_000, reference: "TRF-1", requestId: "6a1d7b9f-2c3e-4f50-9bac-1d2e3f4a5b6c" });
    memory.clock.set("2026-03-04T00:00:00Z");
    const partners = statementPartners({
      "bank-nusantara": [lineOf(memory, bank), lineOf(memory, clawedBack)],
      "dompet-kita": [lineOf(memory, wallet)],
      "kirim-dana": [],
    });

    const outcome = await report(memory, partners);

    expect(outcome).toMatchObject({ ok: true, value: { day: DAY, differences: 0, pages: 0, unavailable: [] } });
    expect(partners.asked.sort()).toEqual(["bank-nusantara:2026-03-03", "dompet-kita:2026-03-03", "kirim-dana:2026-03-03"]);
    const stored = memory.state.reconciliationReports.read(DAY)!;
    expect(stored.partners).toEqual([
      {
        partner: "bank-nusantara",
        ours: { count: 2, amount: 1_200_000 },
        statement: { paid: { count: 2, amount: 1_200_000 }, reversed: { count: 0, amount: 0 } },
      },
      { partner: "dompet-kita", ours: { count: 1, amount: 50_000 }, statement: { paid: { count: 1, amount: 50_000 }, reversed: { count: 0, amount: 0 } } },
      { partner: "kirim-dana", ours: { count: 0, amount: 0 }, statement: { paid: { count: 0, amount: 0 }, reversed: { count: 0, amount: 0 } } },
    ]);
    // Due by the day's end: all but the one due in April; due on the day: none.
    expect(stored.entitlements).toEqual({ dueToDate: { count: 4, amount: 1_850_000 }, dueOnDay: { count: 0, amount: 0 } });
    expect(stored.byKind.every((kind) => kind.count === 0)).toBe(true);
    expect(differencesOf(memory)).toEqual([]);
  });
});

describe("runReconciliationReport: each kind of difference", () => {
  it("when the three sides disagree in every way, then each difference is listed with its kind, its side's facts and its rupiah", async () => {
    const memory = reconciliationSetup();
    const notOurs = store(memory, { uid: "sent1", state: "sent" });
    const missing = store(memory, { uid: "miss1", state: "paid" });
    const short = store(memory, { uid: "short1", state: "paid" });
    const reversed = store(memory, { uid: "rev1", state: "paid", paidAt: dueOn("2026-02-27") });
    const twice = store(memory, { uid: "twice1", state: "paid" });
    const broken = store(memory, {
      uid: "broken1",
      state: "paid",
      ledger: [
        { from: "budget", to: "entitlement", amount: 600_000 },
        { from: "entitlement", to: "payout:bank-nusantara", amount: 600_000 },
      ],
    });
    const overdue = store(memory, { uid: "late1", state: "scheduled", dueAt: dueOn("2026-02-20") });
    const heldLate = store(memory, {
      uid: "late2",
      state: "held",
      dueAt: dueOn("2026-02-23"),
      hold: { reason: "eligibility", details: ["civil-servant"], at: ON_DAY },
    });
    store(memory, { uid: "recent1", state: "scheduled", dueAt: dueOn("2026-02-24") });
    const kirim = store(memory, { uid: "kd1", state: "paid", partner: "kirim-dana" });
    const partners = statementPartners({
      "bank-nusantara": [
        lineOf(memory, notOurs),
        lineOf(memory, short, { amount: 500_000 }),
        lineOf(memory, reversed, { state: "reversed" }),
        lineOf(memory, twice),
        lineOf(memory, twice, { partnerReference: "second" }),
        lineOf(memory, broken),
        { reference: "PKJ-stranger-2026-1", partnerReference: "BN-X", state: "paid", amount: 600_000, at: ON_DAY },
      ],
      "dompet-kita": [],
      "kirim-dana": null,
    });

    const outcome = await report(memory, partners);
    expect(outcome).toMatchObject({ ok: true, value: { unavailable: ["kirim-dana"] } });

    const found = differencesOf(memory).map((d) => [d.kind, d.installmentId, d.partner, d.amount]);
    expect(found).toEqual([
      ["paid-by-partner-not-by-us", notOurs, "bank-nusantara", 600_000],
      ["amount-differs", short, "bank-nusantara", 100_000],
      ["reversed-by-partner", reversed, "bank-nusantara", 600_000],
      ["paid-by-partner-not-by-us", twice, "bank-nusantara", 600_000],
      ["paid-by-partner-not-by-us", null, "bank-nusantara", 600_000],
      ["paid-by-us-not-by-partner", missing, "bank-nusantara", 600_000],
      ["statement-unavailable", null, "kirim-dana", 600_000],
      ["ledger-unbalanced", broken, "bank-nusantara", 600_000],
      ["due-not-paid", overdue, null, 600_000],
      ["due-not-paid", heldLate, null, 600_000],
    ]);
    expect(DIFFERENCE_KINDS.every((kind) => found.some(([k]) => k === kind))).toBe(true);

    const all = differencesOf(memory);
    expect(all.find((d) => d.kind === "ledger-unbalanced")?.ledger).toEqual([
      { account: "paid:bank-nusantara", expected: 600_000, actual: 0 },
      { account: "payout:bank-nusantara", expected: 0, actual: 600_000 },
    ]);
    expect(all.find((d) => d.installmentId === heldLate)?.ours).toMatchObject({ state: "held", hold: "eligibility" });
    expect(all.find((d) => d.kind === "amount-differs")).toMatchObject({ ours: { amount: 600_000 }, statement: { amount: 500_000, state: "paid" } });
    expect(all.find((d) => d.installmentId === kirim)).toBeUndefined();

    const stored = memory.state.reconciliationReports.read(DAY)!;
    expect(stored.byKind.find((k) => k.kind === "paid-by-partner-not-by-us")).toEqual({ kind: "paid-by-partner-not-by-us", count: 3, amount: 1_800_000 });
    expect(stored.partners.find((p) => p.partner === "kirim-dana")).toEqual({ partner: "kirim-dana", ours: { count: 1, amount: 600_000 }, statement: null });
    expect(stored.overdueBefore).toEqual(dueOn("2026-02-24"));
  });

  it("when a reversal the partner reports is in our ledger already, then it is no difference", async () => {
    const memory = reconciliationSetup();
    const reversed = store(memory, { uid: "rev1", state: "reversed", dueAt: dueOn("2026-03-02") });
    const partners = statementPartners({ "bank-nusantara": [lineOf(memory, reversed), lineOf(memory, reversed, { state: "reversed" })] });
    expect(await report(memory, partners)).toMatchObject({ ok: true, value: { differences: 0 } });
  });

  it("when a clawback case's ledger move is missing, then the installment is ledger-unbalanced against what the case calls for", async () => {
    const memory = reconciliationSetup();
    const id = store(memory, { uid: "u1", state: "paid", paidAt: dueOn("2026-02-27") });
    memory.clock.set(ON_DAY);
    await openClawback(memory, admin, { installmentId: id, reason: "duplicate", note: "paid twice", requestId: "5f0c6a8e-1b2d-4e3f-8a9b-0c1d2e3f4a5b" });
    memory.state.payoutLedger.delete(`${id}-clawback-0`);
    memory.clock.set("2026-03-04T00:00:00Z");
    await report(memory, statementPartners({}));
    expect(differencesOf(memory).map((d) => [d.kind, d.ledger])).toEqual([
      [
        "ledger-unbalanced",
        [
          { account: "clawback", expected: 600_000, actual: 0 },
          { account: "paid:bank-nusantara", expected: 0, actual: 600_000 },
        ],
      ],
    ]);
  });
});

describe("runReconciliationReport: once per day, in pages", () => {
  it("when the day is reported already, then a second run writes nothing; a replace writes the same report again", async () => {
    const memory = reconciliationSetup();
    store(memory, { uid: "late1", state: "scheduled", dueAt: dueOn("2026-02-20") });
    const partners = statementPartners({});
    await report(memory, partners);
    const first = memory.state.reconciliationReports.read(DAY);
    expect(await writesOf(memory, () => report(memory, partners))).toEqual({ result: { ok: false, reason: "report-exists" }, writes: [] });
    const replaced = await writesOf(memory, () => report(memory, partners, { replace: true }));
    expect(replaced.result).toMatchObject({ ok: true, value: { differences: 1, pages: 1 } });
    expect({ ...memory.state.reconciliationReports.read(DAY), generatedAt: null, reads: null }).toEqual({ ...first, generatedAt: null, reads: null });
  });

  it("when the day is not over or not a date, then it is refused before anything is read", async () => {
    const memory = reconciliationSetup();
    const partners = statementPartners({});
    expect(await runReconciliationReport({ ...memory, paymentPartners: partners }, "2026-03-04")).toEqual({ ok: false, reason: "day-not-over" });
    expect(await runReconciliationReport({ ...memory, paymentPartners: partners }, "2026-02-30")).toEqual({ ok: false, reason: "day-invalid" });
    expect(partners.asked).toEqual([]);
  });

  it("when a page is filled with differences at their largest, then it stays within half of Firestore's 1 MiB at 500 a page", () => {
    expect(DIFFERENCES_PER_PAGE).toBe(500);
    expect(DIFFERENCES_PER_PAGE * LARGEST_DIFFERENCE_BYTES).toBeLessThan(PAGE_BYTE_BUDGET);
    for (const largest of LARGEST_DIFFERENCES) {
      const pages = paginate(
        DAY,
        Array.from({ length: 1_001 }, () => largest),
      );
      expect(pages.map((page) => page.differences.length)).toEqual([500, 500, 1]);
      expect(valueBytes(pages[0])).toBeLessThan(PAGE_BYTE_BUDGET);
    }
  });

  it("when 1,100 installments are long overdue, then they fill three pages and the overview shows the totals and the first 50", async () => {
    const memory = reconciliationSetup();
    for (let n = 0; n < 1_100; n += 1) store(memory, { uid: `late${String(n).padStart(4, "0")}`, state: "scheduled", dueAt: dueOn("2026-02-20") });
    await report(memory, statementPartners({}));
    const pages = [...memory.state.reconciliationDifferences.entries()].map(([key, page]) => [key, page.differences.length]);
    expect(pages).toEqual([
      ["2026-03-03/0000", 500],
      ["2026-03-03/0001", 500],
      ["2026-03-03/0002", 100],
    ]);
    const overview = await reconciliationSummary(memory);
    expect(overview).toMatchObject({ day: DAY, differences: 1_100, pages: 3, overdueTruncated: false });
    expect(overview?.first).toHaveLength(50);
    expect(overview?.first[0]).toMatchObject({ kind: "due-not-paid", ours: { state: "scheduled", dueAt: dueOn("2026-02-20").toISOString() } });
    expect(overview?.byKind.find((k) => k.kind === "due-not-paid")).toEqual({ kind: "due-not-paid", count: 1_100, amount: 660_000_000 });
  });

  it("when days were left unreported, then the daily run reports yesterday and the week before it, oldest first, each once", async () => {
    const memory = reconciliationSetup();
    const ports = { ...memory, paymentPartners: statementPartners({}) };
    const runs = await reportDueDays(ports, memory.clock.now());
    expect(runs.map((run) => run.ok && run.value.day)).toEqual([
      "2026-02-25",
      "2026-02-26",
      "2026-02-27",
      "2026-02-28",
      "2026-03-01",
      "2026-03-02",
      "2026-03-03",
    ]);
    expect((await reportDueDays(ports, memory.clock.now())).every((run) => !run.ok && run.reason === "report-exists")).toBe(true);
    expect((await reconciliationSummary(memory))?.day).toBe("2026-03-03");
  });

  it("when nothing was reported yet, then the overview has no report", async () => {
    expect(await reconciliationSummary(reconciliationSetup())).toBeNull();
  });
});
