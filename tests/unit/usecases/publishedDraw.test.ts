import { describe, expect, it } from "vitest";
import { planDifference, seedCommitment } from "../../../functions/src/domain/draw/index.js";
import { drawPlan } from "../../../functions/src/schemas/draw.js";
import { publishedDraw } from "../../../functions/src/usecases/publishedDraw.js";
import { AFTER_CLOSE, closeTick, OPENS, SEED, scenario } from "./drawScenario.js";
import { BEACON } from "./fixtures.js";

/** publishedDraw through the memory adapters: what anyone may read of a wave's draw, and from when. */

describe("publishedDraw", () => {
  it("when the wave is not frozen yet, then every file is not-published", async () => {
    const { memory, waveId } = await scenario();
    expect(await publishedDraw(memory, waveId, { kind: "manifest" })).toEqual({ ok: false, reason: "not-published" });
    expect(await publishedDraw(memory, waveId, { kind: "page", folder: "pool", page: 0 })).toEqual({ ok: false, reason: "not-published" });
    expect(await publishedDraw(memory, "2026-99", { kind: "manifest" })).toEqual({ ok: false, reason: "not-published" });
  });

  it("when the pool is frozen, then its pages are public, but not the manifest or the winners", async () => {
    const { memory, waveId } = await scenario();
    await closeTick(memory, AFTER_CLOSE);
    const page = await publishedDraw(memory, waveId, { kind: "page", folder: "pool", page: 0 });
    expect(page).toMatchObject({ ok: true, value: { waveId, page: 0, pageSize: 4096 } });
    expect(JSON.stringify(page)).not.toMatch(/nik|kk|fullName|\d{16}/i);
    expect(await publishedDraw(memory, waveId, { kind: "page", folder: "pool", page: 1 })).toEqual({ ok: false, reason: "not-published" });
    expect(await publishedDraw(memory, waveId, { kind: "manifest" })).toEqual({ ok: false, reason: "not-published" });
  });

  it("when the draw is published, then the manifest is served as stored", async () => {
    const { memory, waveId, beaconOut } = await scenario();
    await closeTick(memory, AFTER_CLOSE);
    await closeTick(memory, beaconOut());
    expect(await publishedDraw(memory, waveId, { kind: "manifest" })).toEqual({ ok: true, value: memory.state.waveDraws.get(waveId)?.manifest });
  });

  it("when the wave has not opened yet, then its plan is not-published (freed seats may still raise its quota); nor is an unknown wave's", async () => {
    const { memory, waveId } = await scenario();
    memory.clock.set(new Date(OPENS.getTime() - 1));
    expect(await publishedDraw(memory, waveId, { kind: "plan" })).toEqual({ ok: false, reason: "not-published" });
    memory.clock.set(OPENS);
    expect(await publishedDraw(memory, "2026-99", { kind: "plan" })).toEqual({ ok: false, reason: "not-published" });
  });

  it("when the wave has opened, then plan.json serves what it committed to, and the manifest of its draw has not moved from it", async () => {
    const { memory, waveId, beaconOut } = await scenario();
    memory.clock.set(OPENS);
    const wave = memory.state.waves.get(waveId)!;
    expect(wave.draw!.beacon).toMatchObject({ source: BEACON.source, round: expect.any(Number) });
    const served = await publishedDraw(memory, waveId, { kind: "plan" });
    expect(served).toEqual({
      ok: true,
      value: {
        waveId,
        opensAt: "2026-02-28T17:00:00.000Z",
        closesAt: "2026-03-08T17:00:00.000Z",
        quota: 2,
        familyLimit: wave.draw!.familyLimit,
        strata: { kind: "none" },
        seedCommitment: seedCommitment(SEED),
        // As created, with whatever else the plan's beacon records (its chain).
        beacon: wave.draw!.beacon,
      },
    });
    const plan = drawPlan.parse(JSON.parse(JSON.stringify(served.ok && served.value)));
    await closeTick(memory, AFTER_CLOSE);
    await closeTick(memory, beaconOut());
    const manifest = await memory.published.manifest(waveId);
    expect(manifest).not.toBeNull();
    expect(planDifference(plan, manifest!)).toBeNull();
    expect(planDifference({ ...plan, quota: 3 }, manifest!)).toBe("plan.quota: at opening 3, in the manifest 2");
  });
});
