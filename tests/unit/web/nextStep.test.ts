import { describe, expect, it } from "vitest";
import type { MyStatus, WaveDoc } from "../../../functions/src/schemas/index.js";
import { joinableWave, nextStep, type WaveLike } from "../../../hosting/src/pages/status/nextStep.js";

const NOW = new Date("2026-08-17T07:00:00Z");
const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(NOW.getTime() + days * DAY);
const PLAN = {
  seedCommitment: "0".repeat(64),
  beacon: { source: "https://api.drand.sh/x", round: 1 },
  strata: { kind: "none" },
  familyLimit: 2,
} as unknown as NonNullable<WaveDoc["draw"]>;

function wave(number: number, state: WaveDoc["state"], opensInDays: number, closesInDays: number): WaveLike {
  return { id: `wave-${number}`, number, state, opensAt: daysFromNow(opensInDays), closesAt: daysFromNow(closesInDays), quota: 100, draw: PLAN };
}

function registered(overrides: Partial<MyStatus> = {}): MyStatus {
  return {
    profile: {
      nikMasked: "3171********0001",
      fullName: "Siti Nurhaliza",
      birthDate: "1990-03-12",
      sex: "female",
      phone: "+6281234567890",
      region: { province: "DKI JAKARTA", regency: "KOTA ADM. JAKARTA PUSAT", district: "Gambir" },
      registeredAt: daysFromNow(-30).toISOString(),
      registeredBy: "self",
    },
    status: "registered",
    eligibility: { eligible: true, reasons: [], checkedAt: NOW.toISOString() },
    timeline: [{ kind: "registered", at: daysFromNow(-30).toISOString(), eligible: true, reasons: [] }],
    ...overrides,
  };
}

const joined = (daysAgo: number, latest?: NonNullable<MyStatus["draw"]>["latest"]): Partial<MyStatus> => ({
  draw: { pid: "pid-1", inPool: true, ...(latest ? { latest } : {}) },
  timeline: [
    { kind: "registered", at: daysFromNow(-30).toISOString(), eligible: true, reasons: [] },
    { kind: "joined-pool", at: daysFromNow(-daysAgo).toISOString() },
  ],
});

const drawOf = (waveId: string, selected: boolean) => ({
  waveId,
  selected,
  rank: "ab",
  cutoff: { national: "cd", stratum: null },
  withinCutoff: selected,
  poolSize: 100,
  stratumPool: null,
  position: { national: selected ? 3 : 70, stratum: null },
  cutoffPosition: { national: 10, stratum: null },
});

describe("the next step on /status", () => {
  const drawn3 = wave(3, "drawn", -40, -26);
  const open4 = wave(4, "open", -2, 12);

  it("when a registered, eligible person has not joined and wave 4 is open, then the step is to join wave 4, not to wait for a wave", () => {
    const step = nextStep({ status: registered(), waves: [drawn3, open4], now: NOW });
    expect(step).toEqual({ kind: "join", wave: open4 });
  });

  it("when nobody has registered yet and wave 4 is open, then the step is the form, naming wave 4", () => {
    expect(nextStep({ status: null, waves: [open4], now: NOW })).toEqual({ kind: "register", open: open4 });
    expect(nextStep({ status: null, waves: [drawn3], now: NOW })).toEqual({ kind: "register", open: null });
  });

  it("when no wave is open and wave 5 is scheduled, then the step is to wait for wave 5; with nothing planned, to wait", () => {
    const scheduled5 = wave(5, "scheduled", 3, 17);
    expect(nextStep({ status: registered(), waves: [drawn3, scheduled5], now: NOW })).toEqual({ kind: "wait-for-wave", next: scheduled5 });
    expect(nextStep({ status: registered(), waves: [drawn3], now: NOW })).toEqual({ kind: "wait-for-wave", next: null });
  });

  it("when a wave's state still says open after its closing time, then it is not offered to join", () => {
    const late = wave(4, "open", -14, -1);
    expect(joinableWave([late], NOW)).toBeNull();
    expect(nextStep({ status: registered(), waves: [late], now: NOW }).kind).toBe("wait-for-wave");
  });

  it("when the person joined wave 4 while it is open, then they wait for wave 4's draw after it closes", () => {
    const step = nextStep({ status: registered(joined(1)), waves: [drawn3, open4], now: NOW });
    expect(step).toEqual({ kind: "in-pool", next: { wave: open4, phase: "open" }, notDrawnIn: null });
  });

  it("when the person has just joined on this page, then the step follows at once: in wave 4's pool", () => {
    const step = nextStep({ status: registered(), waves: [open4], now: NOW, justJoined: true });
    expect(step).toEqual({ kind: "in-pool", next: { wave: open4, phase: "open" }, notDrawnIn: null });
  });

  it("when wave 4 has closed and is waiting for its draw, then the person is told its result comes next", () => {
    const frozen4 = wave(4, "frozen", -14, -1);
    const step = nextStep({ status: registered(joined(3)), waves: [drawn3, frozen4], now: NOW });
    expect(step).toEqual({ kind: "in-pool", next: { wave: frozen4, phase: "closed" }, notDrawnIn: null });
  });

  it("when the person was not drawn in wave 3 and wave 4 is open, then they are told so, and that they are carried over into wave 4's draw", () => {
    const step = nextStep({ status: registered(joined(30, drawOf("wave-3", false))), waves: [drawn3, open4], now: NOW });
    expect(step).toEqual({ kind: "in-pool", next: { wave: open4, phase: "open" }, notDrawnIn: { wave: drawn3 } });
  });

  it("when the person was not drawn and the next wave is only scheduled, then it is the one named", () => {
    const scheduled4 = wave(4, "scheduled", 5, 19);
    const step = nextStep({ status: registered(joined(30, drawOf("wave-3", false))), waves: [drawn3, scheduled4], now: NOW });
    expect(step).toEqual({ kind: "in-pool", next: { wave: scheduled4, phase: "scheduled" }, notDrawnIn: { wave: drawn3 } });
  });

  it("when a wave closed before the person joined the pool, then it is not the draw they wait for", () => {
    const frozen3 = wave(3, "frozen", -20, -2);
    const step = nextStep({ status: registered(joined(1)), waves: [frozen3, open4], now: NOW });
    expect(step).toEqual({ kind: "in-pool", next: { wave: open4, phase: "open" }, notDrawnIn: null });
  });

  it("when the person was drawn in wave 3, then they are a participant drawn in wave 3", () => {
    const status = registered({ ...joined(30, drawOf("wave-3", true)), status: "participant" });
    expect(nextStep({ status, waves: [drawn3, open4], now: NOW })).toEqual({ kind: "participant", drawnIn: drawn3 });
  });

  it("when the person does not meet the requirements, then the step is about them, whether or not they are in the pool", () => {
    const notEligible = { eligibility: { eligible: false, reasons: ["excluded-occupation" as const], checkedAt: NOW.toISOString() } };
    expect(nextStep({ status: registered(notEligible), waves: [open4], now: NOW })).toEqual({ kind: "not-eligible", inPool: false });
    expect(nextStep({ status: registered({ ...joined(2), ...notEligible }), waves: [open4], now: NOW })).toEqual({ kind: "not-eligible", inPool: true });
  });

  it("when the person's NIK differs from their KTP and awaits the labor office, then the step is to bring the documents to their regency's office, naming the open wave; after a rejection, to come again", () => {
    const office = { provinceCode: "32", regencyCode: "3204", province: "Jawa Barat", regency: "Kabupaten Bandung" };
    const awaiting = (state: "needs-verification" | "rejected"): Partial<MyStatus> => ({
      eligibility: { eligible: false, reasons: ["identity-not-verified"], checkedAt: NOW.toISOString() },
      verification: { state, reasons: ["nik-birth-date-differs"], bring: ["ktp", "kk"], office, requestedAt: daysFromNow(-1).toISOString() },
    });
    expect(nextStep({ status: registered(awaiting("needs-verification")), waves: [drawn3, open4], now: NOW })).toEqual({
      kind: "verify",
      regency: "Kabupaten Bandung",
      rejected: false,
      open: open4,
    });
    expect(nextStep({ status: registered(awaiting("needs-verification")), waves: [drawn3], now: NOW })).toMatchObject({ kind: "verify", open: null });
    expect(nextStep({ status: registered(awaiting("rejected")), waves: [open4], now: NOW })).toMatchObject({ kind: "verify", rejected: true });
  });

  it("when the labor office has verified the person, then the step is to join the open wave", () => {
    const office = { provinceCode: "32", regencyCode: "3204", province: "Jawa Barat", regency: "Kabupaten Bandung" };
    const verified: Partial<MyStatus> = {
      verification: { state: "verified", reasons: ["nik-birth-date-differs"], bring: [], office, requestedAt: daysFromNow(-3).toISOString() },
    };
    expect(nextStep({ status: registered(verified), waves: [open4], now: NOW })).toEqual({ kind: "join", wave: open4 });
  });

  it("when the status is revoked, or one this page has no words for, then no wave is offered", () => {
    expect(nextStep({ status: registered({ status: "revoked" }), waves: [open4], now: NOW })).toEqual({ kind: "revoked" });
    const unknown = registered({ status: "needs-something-new" as MyStatus["status"] });
    expect(nextStep({ status: unknown, waves: [open4], now: NOW })).toEqual({ kind: "other" });
  });
});
