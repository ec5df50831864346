import { describe, expect, it } from "vitest";
import { advanceWaves } from "../../../functions/src/usecases/advanceWaves.js";
import { closeWave } from "../../../functions/src/usecases/closeWave.js";
import { getMyStatus } from "../../../functions/src/usecases/getMyStatus.js";
import { deliver, runCloseTasks } from "./closeTasks.js";
import { AFTER_CLOSE, CLOSES, OPENS, scenario, SEED, tick } from "./drawScenario.js";
import { createdWave, setup, writesOf } from "./fixtures.js";

/**
 * advanceWaves and closeWave through the memory adapters: the clock opens and closes waves, then
 * starts each closed wave's close; its tasks (run by tests/unit/usecases/closeTasks.ts) freeze the
 * pool, and after the beacon round draw it and publish. Every step re-run (after a crash, a
 * duplicate delivery, or by an overlapping run) ends as a clean run does.
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
  it("when a wave closes, then the tick starts its close, the partitions' tasks freeze its pool of the still eligible, and the next ticks wait for the beacon", async () => {
    const { memory, waveId } = await scenario();
    const { result } = await tick(memory, AFTER_CLOSE);
    expect(result).toEqual({ moves: [{ waveId, from: "open", to: "closed" }], steps: [{ waveId, step: "close-started" }] });
    const partitions = memory.tasks.enqueued.filter((t) => t.name === "closeWavePartition");
    expect(partitions.map((t) => t.payload)).toEqual(Array.from({ length: 64 }, (_, partition) => ({ waveId, partition, attempt: 1 })));
    expect(memory.state.waves.get(waveId)?.state).toBe("closed");

    await runCloseTasks(memory);
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
    expect(memory.state.applicants.get("u5")?.eligibility).toMatchObject({ eligible: false, reasons: ["on-exclusion-list"], checkedAt: CLOSES });
    expect(memory.state.timeline.get(`u5/excluded-${waveId}`)).toMatchObject({ kind: "excluded-at-draw", waveId });
    expect(memory.state.waveCloses.get(waveId)).toMatchObject({ stage: "waiting-for-beacon", partitionsDone: 64, processed: 5, eligible: 4, excluded: 1 });
    expect(memory.state.leases.size).toBe(0);

    const frozen = memory.state.waveDraws.get(waveId);
    for (const run of ["run-2", "run-3"]) {
      const again = await tick(memory, new Date(AFTER_CLOSE.getTime() + 60_000), run);
      expect(again.result).toEqual({ moves: [], steps: [{ waveId, step: "waiting-for-beacon" }] });
      expect(again.writes.every((w) => w.startsWith("leases/"))).toBe(true);
    }
    expect(memory.state.waveDraws.get(waveId)).toEqual(frozen);
  });

  it("when the beacon round is out, then the draw's tasks make the winners participants, their families count them and the manifest is published; later runs do nothing", async () => {
    const { memory, waveId, beaconOut } = await scenario();
    await tick(memory, AFTER_CLOSE);
    await runCloseTasks(memory);
    const { result } = await tick(memory, beaconOut());
    expect(result).toEqual({ moves: [], steps: [{ waveId, step: "drawing" }] });
    await runCloseTasks(memory);
    expect(memory.state.waves.get(waveId)?.state).toBe("drawn");
    expect(memory.tasks.enqueued.filter((t) => t.name === "notifyDrawResults").map((t) => t.payload)).toEqual([{ waveId, page: 0 }]);
    const manifest = await memory.published.manifest(waveId);
    expect(manifest).toMatchObject({ waveId, poolSize: 4, quota: 2, seed: SEED, winners: { count: 2 } });
    const winners = [...memory.state.applicants].filter(([, a]) => a.selectedWave === waveId);
    expect(winners.map(([, a]) => a.pid).sort()).toEqual([...manifest!.winners.pids!].sort());
    for (const [uid, winner] of winners) {
      expect(winner).toMatchObject({ status: "participant", inPool: false, trainingBalance: 3_500_000, familyRecipients: 1 });
      expect(memory.state.families.get(winner.kkKey)).toEqual({ registrants: 1, recipients: 1, members: [uid] });
      expect(memory.state.timeline.get(`${uid}/selected-${waveId}`)).toMatchObject({ kind: "selected", waveId });
    }
    expect(memory.state.waveCloses.get(waveId)).toMatchObject({ stage: "done", winners: 2, winnersApplied: 2, winnersPages: 1, appliedPages: [0] });
    expect(await memory.published.page(waveId, "pool", 0)).toMatchObject({ waveId, page: 0 });
    expect(await tick(memory, new Date(AFTER_CLOSE.getTime() + 7 * 86_400_000))).toEqual({ result: { moves: [], steps: [] }, writes: [] });
  });

  it("when a person looks after the draw, then they see whether they were selected and their place against the cut-off", async () => {
    const { memory, beaconOut, waveId } = await scenario();
    await tick(memory, AFTER_CLOSE);
    await runCloseTasks(memory);
    await tick(memory, beaconOut());
    await runCloseTasks(memory);
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

  it("when two runs tick at the same moment and every task is delivered twice, then the close starts once, the pool is frozen once and drawn once", async () => {
    const { memory, waveId, beaconOut } = await scenario();
    memory.clock.set(AFTER_CLOSE);
    const starting = await Promise.all(["a", "b"].map((run) => advanceWaves(memory, AFTER_CLOSE, run)));
    expect(starting.flatMap(stepsOf).sort()).toEqual(["close-started", "held-by-another-run"]);
    expect(memory.tasks.enqueued.filter((t) => t.name === "closeWavePartition")).toHaveLength(64);
    await runCloseTasks(memory, { deliveries: 2 });
    expect(memory.state.waves.get(waveId)?.state).toBe("frozen");
    memory.clock.set(beaconOut());
    const drawing = await Promise.all(["c", "d"].map((run) => advanceWaves(memory, memory.clock.now(), run)));
    expect(drawing.flatMap(stepsOf).sort()).toEqual(["drawing", "held-by-another-run"]);
    await runCloseTasks(memory, { deliveries: 2 });
    expect(memory.state.waves.get(waveId)?.state).toBe("drawn");
    expect([...memory.state.applicants.values()].filter((a) => a.selectedWave === waveId)).toHaveLength(2);
    expect([...memory.state.families.values()].reduce((sum, f) => sum + f.recipients, 0)).toBe(2);
    expect(memory.state.waveCloses.get(waveId)).toMatchObject({ partitionsDone: 64, processed: 5, winnersApplied: 2 });
  });

  it("when a run dies holding the lease, then the wave waits until the lease lapses, then goes on", async () => {
    const { memory, waveId } = await scenario();
    await memory.leases.take(`wave-draw-${waveId}`, "dead-run", AFTER_CLOSE, new Date(AFTER_CLOSE.getTime() + 600_000));
    expect(stepsOf((await tick(memory, AFTER_CLOSE)).result)).toEqual(["held-by-another-run"]);
    expect(memory.state.waves.get(waveId)?.state).toBe("closed");
    expect(stepsOf((await tick(memory, new Date(AFTER_CLOSE.getTime() + 600_000))).result)).toEqual(["close-started"]);
  });

  it("when a task crashes in the middle of its step, then the schedule's backstop and the task's retry end exactly as a clean run", async () => {
    const clean = await scenario();
    await tick(clean.memory, AFTER_CLOSE);
    await runCloseTasks(clean.memory);
    await tick(clean.memory, clean.beaconOut());
    await runCloseTasks(clean.memory);

    const { memory, waveId, beaconOut } = await scenario(setup({ seeds: [SEED] }));
    await tick(memory, AFTER_CLOSE);
    const crashing = { ...memory, draws: { ...memory.draws, commit: async () => Promise.reject(new Error("crash in commit")) } };
    const [assemble] = (await runCloseTasks(memory)).filter(({ task }) => task.name === "closeWaveAssemble");
    expect(assemble).toBeDefined();
    await expect(deliver(crashing, assemble.task, "retry-1")).resolves.toMatchObject({ ok: true, value: { assembled: false } });
    memory.state.waves.set(waveId, { ...memory.state.waves.get(waveId)!, state: "closed" });
    memory.state.waveCloses.set(waveId, { ...memory.state.waveCloses.get(waveId)!, stage: "assembling" });
    memory.state.waveDraws.delete(waveId);
    await expect(deliver(crashing, assemble.task, "retry-2")).rejects.toThrow("crash in commit");
    expect(memory.state.waves.get(waveId)?.state).toBe("closed");
    // The lease of the dead delivery lapses; the schedule's backstop enqueues the assembly again in a later window.
    expect(stepsOf((await tick(memory, new Date(AFTER_CLOSE.getTime() + 1_900_000))).result)).toEqual(["assembling"]);
    await runCloseTasks(memory);
    expect(memory.state.waveDraws.get(waveId)?.poolRoot).toBe(clean.memory.state.waveDraws.get(waveId)?.poolRoot);

    await tick(memory, beaconOut());
    const failing = { ...memory, draws: { ...memory.draws, publish: async () => Promise.reject(new Error("crash in publish")) } };
    const drawTask = memory.tasks.enqueued.filter((t) => t.name === "closeWaveDraw").at(-1)!;
    await deliver(memory, drawTask, "draw-1");
    const winnersTask = memory.tasks.enqueued.find((t) => t.name === "closeWaveWinners")!;
    // The winners are made participants, then the delivery dies before publishing.
    await expect(deliver(failing, winnersTask, "winners-1")).rejects.toThrow("crash in publish");
    expect([...memory.state.applicants.values()].filter((a) => a.status === "participant")).toHaveLength(2);
    expect(stepsOf((await tick(memory, memory.clock.now())).result)).toEqual(["drawn"]);
    const manifest = await memory.published.manifest(waveId);
    const cleanManifest = await clean.memory.published.manifest(waveId);
    expect({ ...manifest, createdAt: "" }).toEqual({ ...cleanManifest, createdAt: "" });
    expect([...memory.state.families.values()].reduce((sum, f) => sum + f.recipients, 0)).toBe(2);
  });

  it("when one wave's step fails, then it is reported and the other waves still advance", async () => {
    const memory = setup();
    const fine = await createdWave(memory);
    // Two waves closing at once come only from before the one-pool rule (createWave refuses the second): stored as such.
    const broken = "2025-1";
    await memory.waves.create(broken, { ...memory.state.waves.read(fine)!, programYear: 2025 }, "ab".repeat(32));
    const failing = {
      ...memory,
      closes: { ...memory.closes, get: async (id: string) => (id === broken ? Promise.reject(new Error("store unavailable")) : memory.closes.get(id)) },
    };
    memory.clock.set(AFTER_CLOSE);
    const result = await advanceWaves(failing, AFTER_CLOSE, "run-1");
    // Waves are stepped in ID order.
    expect(result.steps).toEqual(
      expect.arrayContaining([
        { waveId: broken, step: "failed", error: expect.objectContaining({ message: "store unavailable" }) },
        { waveId: fine, step: "close-started" },
      ]),
    );
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
    await runCloseTasks(memory);
    await tick(memory, beaconOut());
    await runCloseTasks(memory);
    const published = await memory.published.manifest(waveId);
    await memory.draws.freeze(waveId, [], { poolRoot: "x", poolSize: 0, pageSize: 4096, pageRoots: [], excludedByReason: {}, frozenAt: OPENS });
    await memory.draws.publish(waveId, { manifest: { ...published!, createdAt: "2030-01-01T00:00:00Z" }, poolPages: [], winnersPages: [] });
    expect(memory.state.waveDraws.get(waveId)?.poolRoot).not.toBe("x");
    expect(await memory.published.manifest(waveId)).toEqual(published);
    expect(memory.state.waves.get(waveId)?.state).toBe("drawn");
  });
});
