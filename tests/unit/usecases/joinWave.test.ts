import { describe, expect, it } from "vitest";
import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { joinWave } from "../../../functions/src/usecases/joinWave.js";
import { register } from "../../../functions/src/usecases/register.js";
import { createdWave, listNiks, person, setup, writesOf, type PersonOptions } from "./fixtures.js";

/** joinWave through the memory adapters: the pool, each refusal, and joining twice. */

async function registered(memory: MemoryPorts, uid: string, n: number, options: PersonOptions = {}) {
  const outcome = await register(memory, { uid, by: "self", requestId: `self:${uid}`, attemptLimit: 5 }, person(n, options));
  if (!outcome.ok) throw new Error(outcome.reason);
}

const join = (memory: MemoryPorts, uid: string, waveId: string) => writesOf(memory, () => joinWave(memory, uid, waveId));

describe("joinWave", () => {
  it("when an eligible applicant joins the open wave, then they are in the pool under their pseudonyms", async () => {
    const memory = setup();
    const waveId = await createdWave(memory);
    await registered(memory, "u1", 1);
    const pid = memory.pseudonyms.pid("u1");
    const { result, writes } = await join(memory, "u1", waveId);
    expect(result).toEqual({ ok: true, value: { waveId, pid, joined: true } });
    expect(writes).toEqual(["applicants/u1", `pidIndex/${pid}`, `applicants/u1/timeline/joined-${waveId}`]);
    const kkKey = memory.pseudonyms.kk(person(1).kk);
    expect(memory.state.applicants.get("u1")).toMatchObject({ inPool: true, pid, familyPid: memory.pseudonyms.family(kkKey), joinedWave: waveId });
    expect(memory.state.pidIndex.get(pid)).toEqual({ uid: "u1" });
  });

  it("when they join again, then the answer is the same, joined false, and nothing is written", async () => {
    const memory = setup();
    const waveId = await createdWave(memory);
    await registered(memory, "u1", 1);
    await join(memory, "u1", waveId);
    expect(await join(memory, "u1", waveId)).toEqual({ result: { ok: true, value: { waveId, pid: memory.pseudonyms.pid("u1"), joined: false } }, writes: [] });
  });

  it("when they joined an earlier wave and were not drawn, then they are already in the next one's pool", async () => {
    const memory = setup();
    const first = await createdWave(memory);
    await registered(memory, "u1", 1);
    await join(memory, "u1", first);
    // The next wave opens after the first's freeze and closes after its draw (the one-pool rule).
    const second = await createdWave(memory, { number: 2, opensAt: "2026-03-09T02:00:00+07:00", closesAt: "2026-03-20T00:00:00+07:00" });
    memory.clock.set("2026-03-09T02:00:00+07:00");
    expect(await join(memory, "u1", second)).toMatchObject({ result: { ok: true, value: { waveId: second, joined: false } }, writes: [] });
  });

  describe("when the wave is not open, then wave-not-open and nothing is written", () => {
    const cases: Array<[string, (memory: MemoryPorts) => Promise<string>]> = [
      ["unknown", () => Promise.resolve("2026-99")],
      ["scheduled", (memory) => createdWave(memory, { opensAt: "2026-03-05T00:00:00+07:00" })],
      [
        "past its close though not yet closed by the schedule",
        async (memory) => {
          const waveId = await createdWave(memory);
          memory.clock.set("2026-03-09T00:00:00+07:00");
          return waveId;
        },
      ],
      [
        "without a draw plan (made before draws existed)",
        async (memory) => {
          await memory.waves.create(
            "old",
            { number: 9, programYear: 2026, state: "open", opensAt: new Date("2026-03-01"), closesAt: new Date("2026-03-09"), quota: 5 },
            "ab".repeat(32),
          );
          return "old";
        },
      ],
    ];
    for (const [name, waveOf] of cases) {
      it(`when the wave is ${name}, then wave-not-open`, async () => {
        const memory = setup();
        await registered(memory, "u1", 1);
        const waveId = await waveOf(memory);
        expect(await join(memory, "u1", waveId)).toEqual({ result: { ok: false, reason: "wave-not-open" }, writes: [] });
      });
    }
  });

  it("when the account has not registered, then not-registered and nothing is written", async () => {
    const memory = setup();
    const waveId = await createdWave(memory);
    expect(await join(memory, "nobody", waveId)).toEqual({ result: { ok: false, reason: "not-registered" }, writes: [] });
  });

  it("when the applicant is a participant already, then already-participant and nothing is written", async () => {
    const memory = setup();
    const waveId = await createdWave(memory);
    await registered(memory, "u1", 1);
    memory.state.applicants.set("u1", { ...memory.state.applicants.get("u1")!, status: "participant" });
    expect(await join(memory, "u1", waveId)).toEqual({
      result: { ok: false, reason: "already-participant", details: { reasons: ["already-participant"] } },
      writes: [],
    });
  });

  it("when the applicant's place was revoked, then blocked (not already-participant) and nothing is written", async () => {
    const memory = setup();
    const waveId = await createdWave(memory);
    await registered(memory, "u1", 1);
    memory.state.applicants.set("u1", { ...memory.state.applicants.get("u1")!, status: "revoked" });
    expect(await join(memory, "u1", waveId)).toEqual({ result: { ok: false, reason: "blocked", details: { reasons: ["blocked"] } }, writes: [] });
  });

  it("when a wave stays open across New Year, then its own program year's rules decide, not the calendar's", async () => {
    const memory = setup();
    const waveId = await createdWave(memory, { opensAt: "2026-12-20T00:00:00+07:00", closesAt: "2027-01-10T00:00:00+07:00" });
    await registered(memory, "u1", 1);
    memory.clock.set("2027-01-05T00:00:00+07:00");
    expect((await join(memory, "u1", waveId)).result).toMatchObject({ ok: true, value: { waveId, joined: true } });
  });

  it("when the wave's program year has no rules, then program-year-not-configured and nothing is written", async () => {
    const memory = setup();
    const waveId = await createdWave(memory);
    await registered(memory, "u1", 1);
    memory.state.programYears.delete(String(memory.state.waves.read(waveId)!.programYear));
    expect(await join(memory, "u1", waveId)).toEqual({ result: { ok: false, reason: "program-year-not-configured" }, writes: [] });
  });

  describe("when the applicant is not eligible now, then the reason is the refusal, listed in details too, and nothing is written", () => {
    const cases: Array<[string, (memory: MemoryPorts) => Promise<void>]> = [
      ["under-age", (m) => registered(m, "u1", 1, { birthDate: "2010-01-05" })],
      ["in-formal-education", (m) => registered(m, "u1", 1, { inFormalEducation: true })],
      ["excluded-occupation", (m) => registered(m, "u1", 1, { occupation: "village-official" })],
      ["receives-social-aid", (m) => registered(m, "u1", 1, { receivesSocialAid: true })],
      [
        "on-exclusion-list",
        async (m) => {
          await registered(m, "u1", 1);
          await listNiks(m, "civil-servant", [person(1).nik]);
        },
      ],
      [
        "family-limit-reached",
        async (m) => {
          await registered(m, "u1", 1);
          m.state.families.set(m.pseudonyms.kk(person(1).kk), { registrants: 3, recipients: 2 });
        },
      ],
      [
        "blocked",
        async (m) => {
          await registered(m, "u1", 1);
          await listNiks(m, "block-list", [person(1).nik]);
        },
      ],
    ];
    for (const [reason, arrange] of cases) {
      it(`when ${reason} holds, then ${reason}`, async () => {
        const memory = setup();
        const waveId = await createdWave(memory);
        await arrange(memory);
        expect(await join(memory, "u1", waveId)).toEqual({ result: { ok: false, reason, details: { reasons: [reason] } }, writes: [] });
      });
    }
  });

  it("when several rules are unmet, then the refusal's reason is the first and its details list every one, in order", async () => {
    const memory = setup();
    const waveId = await createdWave(memory);
    const young = { birthDate: "2010-01-05", inFormalEducation: true, occupation: "police" } as const;
    await registered(memory, "u1", 1, young);
    await listNiks(memory, "block-list", [person(1, young).nik]);
    expect(await join(memory, "u1", waveId)).toEqual({
      result: {
        ok: false,
        reason: "under-age",
        details: { reasons: ["under-age", "in-formal-education", "excluded-occupation", "blocked"] },
      },
      writes: [],
    });
  });

  it("when the program year sets a maximum age (2024: 64), then an older applicant is refused over-age", async () => {
    const memory = setup({ rules: { maximumAge: 64 } });
    const waveId = await createdWave(memory);
    await registered(memory, "u1", 1, { birthDate: "1960-01-05" });
    expect(await join(memory, "u1", waveId)).toEqual({ result: { ok: false, reason: "over-age", details: { reasons: ["over-age"] } }, writes: [] });
  });

  it("when the NIK's birth date differs from the KTP and nobody verified it yet, then identity-not-verified and nothing is written", async () => {
    const memory = setup();
    const waveId = await createdWave(memory);
    const form = person(1);
    const outcome = await register(memory, { uid: "u1", by: "self", requestId: "self:u1", attemptLimit: 5 }, { ...form, birthDate: "1990-06-17" });
    expect(outcome).toMatchObject({ ok: true, value: { verification: { state: "needs-verification" } } });
    expect(await join(memory, "u1", waveId)).toEqual({
      result: { ok: false, reason: "identity-not-verified", details: { reasons: ["identity-not-verified"] } },
      writes: [],
    });
  });
});
