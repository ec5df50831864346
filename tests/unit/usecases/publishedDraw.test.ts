import { describe, expect, it } from "vitest";
import { publishedDraw } from "../../../functions/src/usecases/publishedDraw.js";
import { AFTER_CLOSE, closeTick, scenario } from "./drawScenario.js";

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
});
