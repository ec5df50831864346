import { describe, expect, it } from "vitest";
import { myStatus } from "../../../functions/src/schemas/registration.js";
import { getMyStatus } from "../../../functions/src/usecases/getMyStatus.js";
import { joinWave } from "../../../functions/src/usecases/joinWave.js";
import { register } from "../../../functions/src/usecases/register.js";
import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { createdWave, listNiks, person, setup, writesOf } from "./fixtures.js";

/** getMyStatus through the memory adapters; the draw part is in advanceWaves.test.ts, after a draw. */

async function registered(memory: MemoryPorts, uid = "u1", n = 1) {
  const outcome = await register(memory, { uid, by: "self", requestId: `self:${uid}`, attemptLimit: 5 }, person(n));
  if (!outcome.ok) throw new Error(outcome.reason);
}

describe("getMyStatus", () => {
  it("when the account has not registered, then not-registered and nothing is written", async () => {
    const memory = setup();
    expect(await writesOf(memory, () => getMyStatus(memory, "nobody"))).toEqual({ result: { ok: false, reason: "not-registered" }, writes: [] });
  });

  it("when a registered person looks, then they see their profile with a masked NIK, their timeline, and nothing is written", async () => {
    const memory = setup();
    await registered(memory);
    memory.clock.advance(3600_000);
    const { result, writes } = await writesOf(memory, () => getMyStatus(memory, "u1"));
    expect(writes).toEqual([]);
    expect(result).toMatchObject({
      ok: true,
      value: {
        profile: {
          nikMasked: "3171********0001",
          fullName: "Siti Nurhaliza",
          region: { district: "Gambir" },
          registeredAt: "2026-03-02T03:00:00.000Z",
          registeredBy: "self",
        },
        status: "registered",
        eligibility: { eligible: true, reasons: [], checkedAt: "2026-03-02T04:00:00.000Z" },
        timeline: [{ kind: "registered", at: "2026-03-02T03:00:00.000Z", eligible: true, reasons: [] }],
      },
    });
    expect(result.ok && result.value.draw).toBeUndefined();
    expect(JSON.stringify(result)).not.toContain(person(1).nik);
    expect(JSON.stringify(result)).not.toContain(person(1).kk);
  });

  it("when the timeline holds events without an eligibility decision (joined a wave), then those keys are left out, never null, and the answer parses as the contract says", async () => {
    const memory = setup();
    const waveId = await createdWave(memory);
    await registered(memory);
    expect(await joinWave(memory, "u1", waveId)).toMatchObject({ ok: true });
    const result = await getMyStatus(memory, "u1");
    if (!result.ok) throw new Error(result.reason);
    const joined = result.value.timeline.find((entry) => entry.kind === "joined-pool");
    expect(joined).toStrictEqual({ kind: "joined-pool", at: "2026-03-02T03:00:00.000Z", waveId });
    // The callable's wire encoding turns an undefined value into null: what the web app receives must still parse.
    const onTheWire: unknown = JSON.parse(JSON.stringify(result.value, (_key, value: unknown) => (value === undefined ? null : value)));
    expect(myStatus.safeParse(onTheWire).error).toBeUndefined();
  });

  it("when the person was put on an exclusion list since, then the change is stored once, with its timeline event", async () => {
    const memory = setup();
    await registered(memory);
    await listNiks(memory, "police", [person(1).nik]);
    const first = await writesOf(memory, () => getMyStatus(memory, "u1"));
    expect(first.result).toMatchObject({
      ok: true,
      value: {
        eligibility: { eligible: false, reasons: ["on-exclusion-list"] },
        timeline: [{ kind: "registered" }, { kind: "eligibility-changed", eligible: false, reasons: ["on-exclusion-list"] }],
      },
    });
    expect(first.writes).toEqual(["applicants/u1", expect.stringMatching(/^applicants\/u1\/timeline\//)]);
    expect(memory.state.applicants.get("u1")?.eligibility).toMatchObject({ eligible: false, listVersions: { police: 1 } });
    const again = await writesOf(memory, () => getMyStatus(memory, "u1"));
    expect(again.writes).toEqual([]);
    expect(again.result).toMatchObject({ value: { eligibility: { eligible: false } } });
  });

  it("when the year's rules are not configured, then the stored eligibility is shown and nothing is written", async () => {
    const memory = setup();
    await registered(memory);
    await listNiks(memory, "police", [person(1).nik]);
    memory.clock.set("2027-01-02T00:00:00Z");
    const { result, writes } = await writesOf(memory, () => getMyStatus(memory, "u1"));
    expect(writes).toEqual([]);
    expect(result).toMatchObject({ ok: true, value: { eligibility: { eligible: true, checkedAt: "2026-03-02T03:00:00.000Z" } } });
  });
});

describe("getMyStatus for a participant", () => {
  it("when a person drawn in a wave looks, then their eligibility is not re-checked: no 'already a participant' refusal, no new timeline entry", async () => {
    const memory = setup();
    await registered(memory);
    const applicant = memory.state.applicants.read("u1")!;
    memory.state.applicants.set("u1", { ...applicant, status: "participant", selectedWave: "2026-1", trainingBalance: 3_500_000 });
    const { result, writes } = await writesOf(memory, () => getMyStatus(memory, "u1"));
    expect(writes).toEqual([]);
    expect(result).toMatchObject({ ok: true, value: { status: "participant", eligibility: { eligible: true, reasons: [] } } });
  });
});
