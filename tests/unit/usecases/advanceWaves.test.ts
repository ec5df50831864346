import { describe, expect, it } from "vitest";
import { advanceWaves } from "../../../functions/src/usecases/advanceWaves.js";
import { closeWave } from "../../../functions/src/usecases/closeWave.js";
import { getMyStatus } from "../../../functions/src/usecases/getMyStatus.js";
import { AFTER_CLOSE, CLOSES, OPENS, scenario, SEED, tick } from "./drawScenario.js";
import { createdWave, rulesOf, setup, writesOf } from "./fixtures.js";

/**
 * advanceWaves and closeWave through the memory adapters: the clock opens and closes waves, then
 * each closed wave is frozen, waits for its beacon round and is drawn, one step per run, under a
 * lease; every step re-run (after a crash, or by an overlapping run) ends as a clean run does.
 */

const stepsOf = (result: Awaited<ReturnType<typeof advanceWaves>>) => result.steps.map((s) => s.step);

describe("advanceWaves: the clock", () => {
  it("when a tick passes a wave's opening, then it opens once, with its event; the same tick again changes nothing", async () => {
    const memory = setup();
    const waveId = await createdWave(memory, { opensAt: "2026-03-05T00:00:00+07:00" });
    expect(await tick(memory, new Date("2026-03-04T00:00:00+07:00"))).toEqual({ result: { moves: [], steps: [] }, writes: [] });
    const opening = new Date("2026-03-05T00:00:00+07:00");
    expect(await tick(memory, opening)).toEqual({
      result: { moves: [{ waveId, from: "scheduled", to: "open" }], steps: [] },
      writes: [`waves/${waveId}`, `waves/${waveId}/events/open`],
    });
    expect(memory.state.waveEvents.get(`${waveId}/open`)).toEqual({ state: "open", at: opening, scheduledFor: opening });
    expect(await tick(memory, opening)).toEqual({ result: { moves: [], steps: [] }, writes: [] });
  });

  it("when a late tick comes after both times, then the wave goes straight to closed, decided by the tick's own time", async () => {
    const memory = setup();
    const waveId = await createdWave(memory, { opensAt: "2026-03-05T00:00:00+07:00" });
    memory.clock.set("2026-03-20T00:00:00Z");
    const { result } = await writesOf(memory, () => advanceWaves(memory, new Date("2026-03-04T00:00:00+07:00"), "late"));
    expect(result.moves).toEqual([]);
    const { result: due } = await tick(memory, AFTER_CLOSE);
    expect(due.moves).toEqual([{ waveId, from: "scheduled", to: "closed" }]);
    expect([...memory.state.waveEvents.keys()]).toEqual([`${waveId}/closed`]);
  });
});

describe("advanceWaves and closeWave: the draw", () => {
  it("when a wave closes, then the same run freezes its pool of the still eligible, and the next runs wait for the beacon", async () => {
    const { memory, waveId } = await scenario();
    const { result } = await tick(memory, AFTER_CLOSE);
    expect(result).toEqual({ moves: [{ waveId, from: "open", to: "closed" }], steps: [{ waveId, step: "frozen" }] });
    expect(memory.state.waves.get(waveId)?.state).toBe("frozen");
    expect(memory.state.waveDraws.get(waveId)).toMatchObject({
      poolSize: 4,
      pageSize: 4096,
      excludedByReason: { "on-exclusion-list": 1 },
      frozenAt: AFTER_CLOSE,
    });
    expect(
      memory.state.poolPages
        .get(`${waveId}/000000`)
        ?.entries.map((e) => e.pid)
        .sort(),
    ).toEqual(["u1", "u2", "u3", "u4"].map((u) => memory.pseudonyms.pid(u)).sort());
    expect(memory.state.applicants.get("u5")?.eligibility).toMatchObject({ eligible: false, reasons: ["on-exclusion-list"] });
    expect(memory.state.timeline.get(`u5/excluded-${waveId}`)).toMatchObject({ kind: "excluded-at-draw", waveId });
    expect(memory.state.leases.size).toBe(0);

    const frozen = memory.state.waveDraws.get(waveId);
    for (const run of ["run-2", "run-3"]) {
      const again = await tick(memory, new Date(AFTER_CLOSE.getTime() + 60_000), run);
      expect(again.result).toEqual({ moves: [], steps: [{ waveId, step: "waiting-for-beacon" }] });
      expect(again.writes.every((w) => w.startsWith("leases/"))).toBe(true);
    }
    expect(memory.state.waveDraws.get(waveId)).toEqual(frozen);
  });

  it("when the beacon round is out, then the winners become participants, their families count them and the manifest is published; later runs do nothing", async () => {
    const { memory, waveId, beaconOut } = await scenario();
    await tick(memory, AFTER_CLOSE);
    const { result } = await tick(memory, beaconOut());
    expect(result).toEqual({ moves: [], steps: [{ waveId, step: "drawn" }] });
    expect(memory.state.waves.get(waveId)?.state).toBe("drawn");
    const manifest = await memory.published.manifest(waveId);
    expect(manifest).toMatchObject({ waveId, poolSize: 4, quota: 2, seed: SEED, winners: { count: 2 } });
    const winners = [...memory.state.applicants].filter(([, a]) => a.selectedWave === waveId);
    expect(winners.map(([, a]) => a.pid).sort()).toEqual([...manifest!.winners.pids!].sort());
    for (const [uid, winner] of winners) {
      expect(winner).toMatchObject({ status: "participant", inPool: false, trainingBalance: 3_500_000 });
      expect(memory.state.families.get(winner.kkKey)).toEqual({ registrants: 1, recipients: 1 });
      expect(memory.state.timeline.get(`${uid}/selected-${waveId}`)).toMatchObject({ kind: "selected", waveId });
    }
    expect(await memory.published.page(waveId, "pool", 0)).toMatchObject({ waveId, page: 0 });
    expect(await tick(memory, new Date(AFTER_CLOSE.getTime() + 7 * 86_400_000))).toEqual({ result: { moves: [], steps: [] }, writes: [] });
  });

  it("when a person looks after the draw, then they see whether they were selected and their place against the cut-off", async () => {
    const { memory, beaconOut, waveId } = await scenario();
    await tick(memory, AFTER_CLOSE);
    await tick(memory, beaconOut());
    const views = await Promise.all(
      ["u1", "u2", "u3", "u4"].map(async (uid) => {
        const status = await getMyStatus(memory, uid);
        return status.ok ? status.value.draw : undefined;
      }),
    );
    expect(views.filter((v) => v?.latest?.selected)).toHaveLength(2);
    for (const view of views) expect(view).toMatchObject({ latest: { waveId, withinCutoff: view?.latest?.selected } });
    const excluded = await getMyStatus(memory, "u5");
    expect(excluded.ok && excluded.value.draw?.latest).toBeUndefined();
  });

  it("when two runs tick at the same moment, then the pool is frozen once and drawn once", async () => {
    const { memory, waveId, beaconOut } = await scenario();
    memory.clock.set(AFTER_CLOSE);
    const freezing = await Promise.all(["a", "b"].map((run) => advanceWaves(memory, AFTER_CLOSE, run)));
    expect(freezing.flatMap(stepsOf).filter((s) => s === "frozen")).toHaveLength(1);
    memory.clock.set(beaconOut());
    const drawing = await Promise.all(["c", "d"].map((run) => advanceWaves(memory, memory.clock.now(), run)));
    expect(drawing.flatMap(stepsOf).filter((s) => s === "drawn")).toHaveLength(1);
    expect([...memory.state.applicants.values()].filter((a) => a.selectedWave === waveId)).toHaveLength(2);
    expect([...memory.state.families.values()].reduce((sum, f) => sum + f.recipients, 0)).toBe(2);
  });

  it("when a run dies holding the lease, then the wave waits until the lease lapses, then goes on", async () => {
    const { memory, waveId } = await scenario();
    await memory.leases.take(`wave-draw-${waveId}`, "dead-run", AFTER_CLOSE, new Date(AFTER_CLOSE.getTime() + 600_000));
    expect(stepsOf((await tick(memory, AFTER_CLOSE)).result)).toEqual(["held-by-another-run"]);
    expect(memory.state.waves.get(waveId)?.state).toBe("closed");
    expect(stepsOf((await tick(memory, new Date(AFTER_CLOSE.getTime() + 600_000))).result)).toEqual(["frozen"]);
  });

  it("when a run crashes in the middle of a step, then the next run ends exactly as a clean run", async () => {
    const clean = await scenario();
    await tick(clean.memory, AFTER_CLOSE);
    await tick(clean.memory, clean.beaconOut());

    const { memory, waveId, beaconOut } = await scenario(setup({ membersPage: 2, seeds: [SEED] }));
    const crashing = (step: "freeze" | "publish") => ({
      ...memory,
      draws: { ...memory.draws, [step]: async () => Promise.reject(new Error(`crash in ${step}`)) },
    });
    memory.clock.set(AFTER_CLOSE);
    expect((await advanceWaves(crashing("freeze"), AFTER_CLOSE, "crashing")).steps).toMatchObject([
      { waveId, step: "failed", error: { message: "crash in freeze" } },
    ]);
    expect(memory.state.waves.get(waveId)?.state).toBe("closed");
    expect(stepsOf((await tick(memory, AFTER_CLOSE)).result)).toEqual(["frozen"]);
    expect(memory.state.waveDraws.get(waveId)?.poolRoot).toBe(clean.memory.state.waveDraws.get(waveId)?.poolRoot);

    memory.clock.set(beaconOut());
    // The winners are made participants, then the run dies before publishing.
    expect((await advanceWaves(crashing("publish"), memory.clock.now(), "crashing")).steps).toMatchObject([{ step: "failed" }]);
    expect([...memory.state.applicants.values()].filter((a) => a.status === "participant")).toHaveLength(2);
    expect(stepsOf((await tick(memory, memory.clock.now())).result)).toEqual(["drawn"]);
    expect(await memory.published.manifest(waveId)).toEqual(await clean.memory.published.manifest(waveId));
    expect([...memory.state.families.values()].reduce((sum, f) => sum + f.recipients, 0)).toBe(2);
  });

  it("when one wave's step fails, then it is reported and the other waves still advance", async () => {
    const memory = setup({ membersPage: 2 });
    memory.programYears.set(rulesOf(2025));
    const fine = await createdWave(memory);
    // Two waves closing at once come only from before the one-pool rule (createWave refuses the second): stored as such.
    const broken = "2025-1";
    await memory.waves.create(broken, { ...memory.state.waves.read(fine)!, programYear: 2025 }, "ab".repeat(32));
    memory.state.programYears.delete("2025");
    const { result } = await tick(memory, AFTER_CLOSE);
    // Waves are stepped in ID order: the failing one comes first.
    expect(result.steps).toMatchObject([
      { waveId: broken, step: "failed", error: { message: "program year 2025 is not configured" } },
      { waveId: fine, step: "frozen" },
    ]);
    expect(memory.state.leases.size).toBe(0);
  });
});

describe("closeWave", () => {
  it("when the wave is unknown, still open, drawn, or has no draw plan, then nothing-to-do and nothing is written", async () => {
    const memory = setup();
    const open = await createdWave(memory);
    await memory.waves.create("old", { number: 9, programYear: 2026, state: "closed", opensAt: OPENS, closesAt: CLOSES, quota: 5 }, "ab".repeat(32));
    for (const waveId of ["unknown", open, "old"])
      expect(await writesOf(memory, () => closeWave(memory, waveId))).toEqual({ result: "nothing-to-do", writes: [] });
  });

  it("when the draw store is asked to freeze a wave that is not closed or publish one that is not frozen, then the wave stays as it is", async () => {
    const { memory, waveId, beaconOut } = await scenario();
    await memory.draws.freeze(waveId, [], { poolRoot: "x", poolSize: 0, pageSize: 4096, pageRoots: [], excludedByReason: {}, frozenAt: OPENS });
    expect([memory.state.waves.get(waveId)?.state, memory.state.waveDraws.has(waveId)]).toEqual(["open", false]);
    await tick(memory, AFTER_CLOSE);
    await tick(memory, beaconOut());
    const published = await memory.published.manifest(waveId);
    await memory.draws.freeze(waveId, [], { poolRoot: "x", poolSize: 0, pageSize: 4096, pageRoots: [], excludedByReason: {}, frozenAt: OPENS });
    await memory.draws.publish(waveId, { manifest: { ...published!, createdAt: "2030-01-01T00:00:00Z" }, poolPages: [], winnersPages: [] });
    expect(memory.state.waveDraws.get(waveId)?.poolRoot).not.toBe("x");
    expect(await memory.published.manifest(waveId)).toEqual(published);
    expect(memory.state.waves.get(waveId)?.state).toBe("drawn");
  });
});
