import { describe, expect, it } from "vitest";
import { QUICKNET } from "../../../functions/src/domain/beacon.js";
import { createWave, drawRound, newWave } from "../../../functions/src/usecases/createWave.js";
import { admin, BEACON, setup, waveInput } from "./fixtures.js";

/**
 * newWave, the wave as createWave stores it, without createWave's checks: what the integration
 * and browser tests seed their setup waves with (tests/support/waves.ts) must be what createWave
 * writes for the same input, seed and time.
 */

const SEED = "a7".repeat(32);

describe("newWave", () => {
  it("when built from a wave's input, round, seed and time, then it is the document and secret createWave stored for them", async () => {
    const memory = setup({ seeds: [SEED] });
    const input = waveInput({ quota: 40, strata: { kind: "counts", counts: { "52": 10 } } });
    const created = await createWave(memory, BEACON, admin, input);
    expect(created.ok).toBe(true);

    const opensAt = new Date(input.opensAt);
    const closesAt = new Date(input.closesAt);
    const built = newWave(
      {
        number: input.number,
        programYear: input.programYear,
        opensAt,
        closesAt,
        quota: input.quota,
        strata: input.strata,
        familyLimit: 2,
        round: drawRound(closesAt, BEACON, QUICKNET),
      },
      BEACON,
      { newSeed: () => SEED },
      memory.clock.now(),
    );
    expect(built.waveId).toBe("2026-1");
    expect(built.wave).toEqual(memory.state.waves.get("2026-1"));
    expect({ seed: built.seed }).toEqual(memory.state.waveSecrets.get("2026-1"));
  });

  it("when the wave opens after `now`, then it is scheduled; once `now` is past its opening, open", () => {
    const plan = { number: 3, programYear: 2026, quota: 5, strata: { kind: "none" as const }, familyLimit: 2, round: 10 };
    const times = { opensAt: new Date("2026-05-01T00:00:00Z"), closesAt: new Date("2026-05-08T00:00:00Z") };
    const seeds = { newSeed: () => SEED };
    expect(newWave({ ...plan, ...times }, BEACON, seeds, new Date("2026-04-30T00:00:00Z")).wave.state).toBe("scheduled");
    expect(newWave({ ...plan, ...times }, BEACON, seeds, new Date("2026-05-02T00:00:00Z")).wave.state).toBe("open");
  });
});
