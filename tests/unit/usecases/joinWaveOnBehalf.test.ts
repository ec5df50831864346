import { describe, expect, it } from "vitest";
import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import type { Actor } from "../../../functions/src/domain/roles.js";
import { joinWave } from "../../../functions/src/usecases/joinWave.js";
import { joinWaveOnBehalf } from "../../../functions/src/usecases/joinWaveOnBehalf.js";
import { register } from "../../../functions/src/usecases/register.js";
import { admin, applicantActor, createdWave, operatorOf, person, setup, writesOf, type PersonOptions } from "./fixtures.js";

/** joinWaveOnBehalf through the memory adapters: at the desk, with the person's consent, an operator of their region joins them to the open wave. */

const requestId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const jakarta = operatorOf("31");

async function registered(memory: MemoryPorts, uid: string, n: number, options: PersonOptions = {}) {
  const outcome = await register(memory, { uid, by: "self", requestId: `self:${uid}`, attemptLimit: 5 }, person(n, options));
  if (!outcome.ok) throw new Error(outcome.reason);
}

const joinFor = (memory: MemoryPorts, actor: Actor, uid: string, waveId: string, request = 1) =>
  writesOf(memory, () => joinWaveOnBehalf(memory, actor, { requestId: requestId(request), uid, waveId, consent: true }));

describe("joinWaveOnBehalf", () => {
  it("when an operator joins a person of their region with consent, then the person is in the pool and the timeline names the operator and the consent", async () => {
    const memory = setup();
    const waveId = await createdWave(memory);
    await registered(memory, "u1", 1);
    const pid = memory.pseudonyms.pid("u1");
    const { result, writes } = await joinFor(memory, jakarta, "u1", waveId);
    expect(result).toEqual({ ok: true, value: { waveId, pid, joined: true } });
    expect(writes).toEqual(["applicants/u1", `pidIndex/${pid}`, `applicants/u1/timeline/joined-${waveId}`]);
    expect(memory.state.timeline.get(`u1/joined-${waveId}`)).toEqual({
      kind: "joined-pool",
      at: memory.clock.now(),
      waveId,
      by: "operator-31",
      requestId: requestId(1),
      consent: true,
    });
    expect(memory.state.applicants.get("u1")).toMatchObject({ inPool: true, joinedWave: waveId });
    expect(memory.audit.records.filter((r) => r.act === "join-wave-on-behalf")).toEqual([
      {
        act: "join-wave-on-behalf",
        actor: "operator-31",
        role: "operator",
        target: "u1",
        key: requestId(1),
        at: memory.clock.now(),
        region: memory.state.applicants.get("u1")?.districtCode,
        details: { waveId, consent: true },
      },
    ]);
  });

  it("when the same request is retried, then it answers joined as the first call did and writes nothing", async () => {
    const memory = setup();
    const waveId = await createdWave(memory);
    await registered(memory, "u1", 1);
    await joinFor(memory, jakarta, "u1", waveId);
    expect(await joinFor(memory, jakarta, "u1", waveId)).toEqual({
      result: { ok: true, value: { waveId, pid: memory.pseudonyms.pid("u1"), joined: true } },
      writes: [],
    });
  });

  it("when the person joined by themself already, then another request answers joined false and writes nothing", async () => {
    const memory = setup();
    const waveId = await createdWave(memory);
    await registered(memory, "u1", 1);
    await joinWave(memory, "u1", waveId);
    expect(await joinFor(memory, jakarta, "u1", waveId, 2)).toMatchObject({ result: { ok: true, value: { joined: false } }, writes: [] });
    expect(memory.audit.records.filter((r) => r.act === "join-wave-on-behalf")).toEqual([]);
  });

  it("when two tries of one request race, then the person joins once and both answer joined", async () => {
    const memory = setup();
    const waveId = await createdWave(memory);
    await registered(memory, "u1", 1);
    const outcomes = await Promise.all([1, 2].map(() => joinWaveOnBehalf(memory, jakarta, { requestId: requestId(1), uid: "u1", waveId, consent: true })));
    expect(outcomes.map((o) => o.ok && o.value.joined)).toEqual([true, true]);
    expect([...memory.state.timeline.keys()].filter((k) => k.includes("joined-"))).toHaveLength(1);
  });

  it("when the person lives outside the operator's region, then person-outside-region and nothing is written", async () => {
    const memory = setup();
    const waveId = await createdWave(memory);
    await registered(memory, "u1", 1, { districtCode: "320410" });
    expect(await joinFor(memory, jakarta, "u1", waveId)).toEqual({ result: { ok: false, reason: "person-outside-region" }, writes: [] });
  });

  it("when the caller is not an operator with a region, then not-operator, admins included (the desk is the operator's)", async () => {
    const memory = setup();
    const waveId = await createdWave(memory);
    await registered(memory, "u1", 1);
    for (const actor of [admin, applicantActor("u1"), { uid: "op", claims: { role: "operator" as const } }]) {
      expect(await joinFor(memory, actor, "u1", waveId)).toEqual({ result: { ok: false, reason: "not-operator" }, writes: [] });
    }
  });

  it("when the uid has no registration, then person-not-registered", async () => {
    const memory = setup();
    const waveId = await createdWave(memory);
    expect(await joinFor(memory, jakarta, "nobody", waveId)).toEqual({ result: { ok: false, reason: "person-not-registered" }, writes: [] });
  });

  it("when the wave is not open, then wave-not-open and nothing is written", async () => {
    const memory = setup();
    await registered(memory, "u1", 1);
    expect(await joinFor(memory, jakarta, "u1", "2026-99")).toEqual({ result: { ok: false, reason: "wave-not-open" }, writes: [] });
  });

  it("when the person is not eligible, then the first reason is the refusal and every reason is in its details", async () => {
    const memory = setup();
    const waveId = await createdWave(memory);
    await registered(memory, "u1", 1, { inFormalEducation: true, occupation: "village-official" });
    expect(await joinFor(memory, jakarta, "u1", waveId)).toEqual({
      result: { ok: false, reason: "in-formal-education", details: { reasons: ["in-formal-education", "excluded-occupation"] } },
      writes: [],
    });
  });

  it("when the wave's program year has no rules, then program-year-not-configured", async () => {
    const memory = setup();
    const waveId = await createdWave(memory);
    await registered(memory, "u1", 1);
    memory.state.programYears.clear();
    expect(await joinFor(memory, jakarta, "u1", waveId)).toEqual({ result: { ok: false, reason: "program-year-not-configured" }, writes: [] });
  });
});
