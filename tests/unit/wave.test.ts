import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dueWaveState, isForward, WAVE_STATES, type WaveTimes } from "../../functions/src/domain/wave.js";

const opensAt = new Date("2026-12-01T00:00:00+07:00");
const closesAt = new Date("2026-12-15T00:00:00+07:00");
const wave = (state: WaveTimes["state"]): WaveTimes => ({ state, opensAt, closesAt });

describe("dueWaveState", () => {
  it("when the opening time is reached exactly, then the wave is open", () => {
    expect(dueWaveState(wave("scheduled"), opensAt)).toBe("open");
    expect(dueWaveState(wave("scheduled"), new Date(opensAt.getTime() - 1))).toBe("scheduled");
  });

  it("when the closing time is reached exactly, then the wave is closed, even if it never opened", () => {
    expect(dueWaveState(wave("open"), closesAt)).toBe("closed");
    expect(dueWaveState(wave("scheduled"), closesAt)).toBe("closed");
    expect(dueWaveState(wave("open"), new Date(closesAt.getTime() - 1))).toBe("open");
  });

  it("whatever the clock says, then a wave never moves backwards", () => {
    fc.assert(
      fc.property(fc.constantFrom(...WAVE_STATES), fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }), (state, now) => {
        expect(isForward(state, dueWaveState(wave(state), now))).toBe(true);
      }),
    );
  });

  it("when time passes, then the due state never goes back (monotonic in time)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -30, max: 30 }), fc.integer({ min: 0, max: 30 }), (a, b) => {
        const day = 86_400_000;
        const earlier = new Date(opensAt.getTime() + a * day);
        const later = new Date(earlier.getTime() + b * day);
        expect(isForward(dueWaveState(wave("scheduled"), earlier), dueWaveState(wave("scheduled"), later))).toBe(true);
      }),
    );
  });
});
