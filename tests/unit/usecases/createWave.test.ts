import { describe, expect, it } from "vitest";
import { firstRoundAtOrAfter, QUICKNET } from "../../../functions/src/domain/beacon.js";
import { seedCommitment } from "../../../functions/src/domain/draw/index.js";
import type { Actor } from "../../../functions/src/domain/roles.js";
import type { CreateWaveInput } from "../../../functions/src/schemas/waves.js";
import { createWave } from "../../../functions/src/usecases/createWave.js";
import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { admin, applicantActor, auditor, BEACON, operatorOf, rulesOf, setup, waveInput, writesOf } from "./fixtures.js";

/** createWave through the memory adapters: the draw fixed up front, and every refusal. */

const SEED = "5e".repeat(32);
const create = (memory: MemoryPorts, input: CreateWaveInput, actor: Actor = admin) => writesOf(memory, () => createWave(memory, BEACON, actor, input));

describe("createWave", () => {
  it("when an admin creates a wave, then it is stored with its seed's commitment and the first beacon round after close plus margin", async () => {
    const memory = setup({ seeds: [SEED] });
    const { result, writes } = await create(memory, waveInput({ quota: 100, strata: { kind: "shares", basisPoints: { "31": 2500 } } }));
    const closesAt = new Date("2026-03-09T00:00:00+07:00");
    const round = firstRoundAtOrAfter(new Date(closesAt.getTime() + BEACON.marginSeconds * 1000), QUICKNET);
    const wave = {
      number: 1,
      programYear: 2026,
      state: "open",
      opensAt: new Date("2026-03-01T00:00:00+07:00"),
      closesAt,
      quota: 100,
      draw: {
        seedCommitment: seedCommitment(SEED),
        beacon: { source: BEACON.source, round, chainHash: BEACON.chainHash, publicKey: BEACON.publicKey },
        strata: { kind: "shares", basisPoints: { "31": 2500 } },
        familyLimit: 2,
      },
    };
    expect(result).toEqual({ ok: true, value: { waveId: "2026-1", state: wave.state, draw: wave.draw } });
    expect(writes).toEqual(["waves/2026-1", "waveSecrets/2026-1"]);
    expect(memory.state.waves.get("2026-1")).toEqual(wave);
    expect(memory.state.waveSecrets.get("2026-1")).toEqual({ seed: SEED });
    expect(memory.audit.records).toEqual([
      {
        act: "create-wave",
        actor: "admin-1",
        role: "admin",
        target: "2026-1",
        key: "2026-1",
        at: memory.clock.now(),
        details: { quota: 100, strata: "shares", seedCommitment: seedCommitment(SEED), beaconRound: round },
      },
    ]);
  });

  it("when the wave opens later, then it is created scheduled", async () => {
    const memory = setup();
    const { result } = await create(memory, waveInput({ opensAt: "2026-03-05T00:00:00+07:00" }));
    expect(result.ok && result.value.state).toBe("scheduled");
  });

  it("when the same wave is created again (a retry included), then wave-exists and the first seed stays", async () => {
    const memory = setup({ seeds: [SEED] });
    await create(memory, waveInput());
    expect(await create(memory, waveInput({ quota: 7 }))).toEqual({ result: { ok: false, reason: "wave-exists" }, writes: [] });
    expect(memory.state.waveSecrets.get("2026-1")).toEqual({ seed: SEED });
    expect(memory.state.waves.get("2026-1")?.quota).toBe(2);
  });

  it("when someone other than an admin creates a wave, then not-admin and nothing is written", async () => {
    const memory = setup();
    for (const actor of [operatorOf("31"), auditor, applicantActor("u1")]) {
      expect(await create(memory, waveInput(), actor)).toEqual({ result: { ok: false, reason: "not-admin" }, writes: [] });
    }
  });

  it("when the wave closes now or earlier, then closes-in-the-past and nothing is written", async () => {
    const memory = setup();
    expect(await create(memory, waveInput({ opensAt: "2026-02-01T00:00:00Z", closesAt: memory.clock.now().toISOString() }))).toEqual({
      result: { ok: false, reason: "closes-in-the-past" },
      writes: [],
    });
  });

  it("when the wave's program year has no rules, then program-year-not-configured and nothing is written", async () => {
    const memory = setup();
    expect(await create(memory, waveInput({ programYear: 2027 }))).toEqual({ result: { ok: false, reason: "program-year-not-configured" }, writes: [] });
  });

  describe("when the draw's rules are invalid, then their reason and nothing is written", () => {
    const cases: Array<[string, Partial<CreateWaveInput>]> = [
      ["quota-invalid", { quota: 200_000_000 }],
      ["stratum-code-invalid", { strata: { kind: "counts", counts: { "-31": 1 } } }],
      ["shares-exceed-whole", { strata: { kind: "shares", basisPoints: { "31": 6000, "52": 4001 } } }],
      ["counts-exceed-quota", { quota: 3, strata: { kind: "counts", counts: { "31": 2, "52": 2 } } }],
    ];
    for (const [reason, input] of cases) {
      it(`when the rules are ${reason}, then ${reason}`, async () => {
        const memory = setup();
        expect(await create(memory, waveInput(input))).toEqual({ result: { ok: false, reason }, writes: [] });
      });
    }
  });

  it("when the program year's family limit is not a positive number, then it cannot even be stored (family-limit-invalid is unreachable)", () => {
    const memory = setup({ rules: null });
    expect(() => memory.programYears.set(rulesOf(2026, { familyLimit: 0 }))).toThrow(/familyLimit/);
    expect(memory.state.programYears.size).toBe(0);
  });
});
