import { describe, expect, it } from "vitest";
import { poolClash, POOL_HANDOVER_MS, wibTime, type PoolWindow } from "../../../functions/src/domain/wave.js";
import type { CreateWaveInput } from "../../../functions/src/schemas/waves.js";
import { createWave } from "../../../functions/src/usecases/createWave.js";
import { planWave } from "../../../functions/src/usecases/planWave.js";
import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { consoleFailure } from "../../../hosting/src/pages/admin/consoleFailure.js";
import { admin, BEACON, createdWave, setup, waveInput, writesOf } from "./fixtures.js";

/** One pool for every wave: waves not yet drawn never share the pool's time (domain/wave.ts poolClash, enforced by checkWave). */

const HOUR = 3_600_000;
const at = (text: string) => new Date(text);
const create = (memory: MemoryPorts, input: CreateWaveInput) => writesOf(memory, () => createWave(memory, BEACON, admin, input));

/** Wave 1 of the fixtures: 1–9 March 2026 (Jakarta); its beacon round comes out an hour after its close (BEACON.marginSeconds). */
const WAVE_1 = { waveId: "2026-1", opensAt: "2026-03-01 00:00 WIB", closesAt: "2026-03-09 00:00 WIB", drawAt: "2026-03-09 01:00 WIB" };

describe("poolClash", () => {
  const window = (waveId: string, state: PoolWindow["state"], opensAt: string, closesAt: string, drawAt = closesAt): PoolWindow => ({
    waveId,
    state,
    opensAt: at(opensAt),
    closesAt: at(closesAt),
    drawAt: at(drawAt),
  });
  const earlier = window("2026-1", "open", "2026-03-01T00:00:00Z", "2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z");

  it.each([
    ["windows overlapping by a day", "2026-03-08T00:00:00Z", "2026-03-20T00:00:00Z", "overlap"],
    ["a window inside the other", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z", "overlap"],
    ["opening less than the handover after the earlier close", "2026-03-09T00:59:59Z", "2026-03-20T00:00:00Z", "overlap"],
    ["closing before the earlier draw plus the handover", "2026-03-09T01:00:00Z", "2026-03-10T00:59:59Z", "draw-pending"],
  ])("when the later wave has %s, then it clashes (%s)", (_name, opensAt, closesAt, kind) => {
    expect(poolClash(window("2026-2", "scheduled", opensAt, closesAt), [earlier])).toEqual({ kind, other: earlier });
  });

  it("when the later wave opens an hour after the close and closes an hour after the draw, then there is no clash", () => {
    expect(poolClash(window("2026-2", "scheduled", "2026-03-09T01:00:00Z", "2026-03-10T01:00:00Z"), [earlier])).toBeNull();
  });

  it("when the new wave comes before a scheduled one, then the same rule holds the other way round", () => {
    const later = window("2026-3", "scheduled", "2026-04-01T00:00:00Z", "2026-04-10T00:00:00Z");
    expect(poolClash(window("2026-2", "scheduled", "2026-03-20T00:00:00Z", "2026-04-01T00:00:00Z"), [later])).toMatchObject({ kind: "overlap" });
    expect(poolClash(window("2026-2", "scheduled", "2026-03-20T00:00:00Z", "2026-03-31T22:00:00Z", "2026-04-10T00:00:00Z"), [later])).toMatchObject({
      kind: "draw-pending",
    });
    expect(poolClash(window("2026-2", "scheduled", "2026-03-20T00:00:00Z", "2026-03-31T22:00:00Z", "2026-03-31T22:00:00Z"), [later])).toBeNull();
  });

  it("when the earlier wave is frozen, then the next may open at once, but still closes only after its draw", () => {
    const frozen = { ...earlier, state: "frozen" as const };
    expect(poolClash(window("2026-2", "open", "2026-03-09T00:00:00Z", "2026-03-10T01:00:00Z"), [frozen])).toBeNull();
    expect(poolClash(window("2026-2", "open", "2026-03-09T00:00:00Z", "2026-03-10T00:30:00Z"), [frozen])).toMatchObject({ kind: "draw-pending" });
  });

  it("when the other wave is drawn, or is the same wave, then it is done with the pool", () => {
    expect(poolClash(window("2026-2", "open", "2026-03-05T00:00:00Z", "2026-03-20T00:00:00Z"), [{ ...earlier, state: "drawn" }])).toBeNull();
    expect(poolClash(earlier, [earlier])).toBeNull();
  });

  it("the handover is one hour, and Jakarta time is UTC+7", () => {
    expect(POOL_HANDOVER_MS).toBe(HOUR);
    expect(wibTime(at("2026-03-08T17:00:00Z"))).toBe("2026-03-09 00:00 WIB");
  });
});

describe("createWave and planWave under the one-pool rule", () => {
  it("when a wave's window overlaps an open wave, then wave-overlaps names that wave and its window, and nothing is written", async () => {
    const memory = setup();
    await createdWave(memory);
    const input = waveInput({ number: 2, opensAt: "2026-03-05T00:00:00+07:00", closesAt: "2026-03-20T00:00:00+07:00" });
    expect(await create(memory, input)).toEqual({ result: { ok: false, reason: "wave-overlaps", details: WAVE_1 }, writes: [] });
    expect(await planWave(memory, BEACON, admin, input)).toEqual({ ok: false, reason: "wave-overlaps", details: WAVE_1 });
  });

  it("when a wave opens within the hour after the open wave's close, then wave-overlaps (its pool is not frozen yet)", async () => {
    const memory = setup();
    await createdWave(memory);
    const input = waveInput({ number: 2, opensAt: "2026-03-09T00:30:00+07:00", closesAt: "2026-03-20T00:00:00+07:00" });
    expect((await create(memory, input)).result).toMatchObject({ ok: false, reason: "wave-overlaps" });
  });

  it("when a wave closes before the open wave is drawn (plus an hour), then wave-draw-pending names when that draw is", async () => {
    const memory = setup();
    await createdWave(memory);
    const input = waveInput({ number: 2, opensAt: "2026-03-09T01:00:00+07:00", closesAt: "2026-03-09T01:30:00+07:00" });
    expect(await create(memory, input)).toEqual({ result: { ok: false, reason: "wave-draw-pending", details: WAVE_1 }, writes: [] });
  });

  it("when a wave opens an hour after the close and closes an hour after the draw, then it is created", async () => {
    const memory = setup();
    await createdWave(memory);
    const { result } = await create(memory, waveInput({ number: 2, opensAt: "2026-03-09T01:00:00+07:00", closesAt: "2026-03-09T02:01:00+07:00" }));
    expect(result).toMatchObject({ ok: true, value: { waveId: "2026-2", state: "scheduled" } });
  });

  it("when the earlier wave is drawn, then a wave may overlap its (past) window", async () => {
    const memory = setup();
    const first = await createdWave(memory);
    memory.state.waves.set(first, { ...memory.state.waves.read(first)!, state: "drawn" });
    const { result } = await create(memory, waveInput({ number: 2, opensAt: "2026-03-01T00:00:00+07:00", closesAt: "2026-03-20T00:00:00+07:00" }));
    expect(result).toMatchObject({ ok: true, value: { waveId: "2026-2", state: "open" } });
  });

  it("when the console shows the refusal, then the other wave and its times fill the text, in both languages", () => {
    const failure = consoleFailure("createWave", { code: "functions/failed-precondition", details: { reason: "wave-overlaps", fields: [], ...WAVE_1 } });
    expect(failure).toMatchObject({ kind: "refusal", reason: "wave-overlaps" });
    const text = failure.kind === "refusal" ? failure.text : { id: "", en: "" };
    expect(text.id).toContain("gelombang 2026-1 (dibuka 2026-03-01 00:00 WIB, ditutup 2026-03-09 00:00 WIB)");
    expect(text.en).toContain("wave 2026-1 (open 2026-03-01 00:00 WIB to 2026-03-09 00:00 WIB)");
  });
});
