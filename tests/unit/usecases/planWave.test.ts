import { describe, expect, it } from "vitest";
import { publicationTime, QUICKNET } from "../../../functions/src/domain/beacon.js";
import { createWave } from "../../../functions/src/usecases/createWave.js";
import { planWave } from "../../../functions/src/usecases/planWave.js";
import { admin, auditor, BEACON, createdWave, operatorOf, setup, waveInput, writesOf } from "./fixtures.js";

/** planWave: the plan createWave commits to, shown before saving, written nowhere. */

describe("planWave", () => {
  it("when an admin plans a wave, then the plan holds the seats per stratum, the national rest and the beacon round with its time, and nothing is written", async () => {
    const memory = setup();
    const input = waveInput({ quota: 101, strata: { kind: "shares", basisPoints: { "31": 2500, "32": 2500 } } });
    const { result, writes } = await writesOf(memory, () => planWave(memory, BEACON, admin, input));
    expect(writes).toEqual([]);
    if (!result.ok) throw new Error(result.reason);
    expect(result.value).toMatchObject({
      waveId: "2026-1",
      state: "open",
      quota: 101,
      familyLimit: 2,
      seats: [
        { code: "31", seats: 25 },
        { code: "32", seats: 25 },
      ],
      nationalSeats: 51,
      opensAt: new Date(input.opensAt).toISOString(),
      closesAt: new Date(input.closesAt).toISOString(),
    });
    const { round, publishedAt, source, chainHash } = result.value.beacon;
    expect(source).toBe(BEACON.source);
    expect(chainHash).toBe(BEACON.chainHash);
    expect(publishedAt).toBe(publicationTime(round, QUICKNET).toISOString());
    expect(Date.parse(publishedAt)).toBeGreaterThanOrEqual(Date.parse(input.closesAt) + BEACON.marginSeconds * 1000);
  });

  it("when the wave is then created with the same input, then it commits to exactly the plan shown", async () => {
    const memory = setup();
    const input = waveInput({ quota: 50, strata: { kind: "counts", counts: { "33": 10 } }, opensAt: "2026-03-05T00:00:00+07:00" });
    const plan = await planWave(memory, BEACON, admin, input);
    const created = await createWave(memory, BEACON, admin, input);
    if (!plan.ok || !created.ok) throw new Error("refused");
    expect(created.value).toMatchObject({
      waveId: plan.value.waveId,
      state: plan.value.state,
      draw: { beacon: { source: plan.value.beacon.source, round: plan.value.beacon.round }, strata: plan.value.strata, familyLimit: plan.value.familyLimit },
    });
  });

  it.each([
    ["closes-in-the-past", waveInput({ opensAt: "2026-02-01T00:00:00+07:00", closesAt: "2026-02-02T00:00:00+07:00" })],
    ["stratum-code-invalid", waveInput({ strata: { kind: "counts", counts: { "99": 1 } } })],
    ["counts-exceed-quota", waveInput({ quota: 2, strata: { kind: "counts", counts: { "31": 3 } } })],
    ["program-year-not-configured", waveInput({ programYear: 2031 })],
  ])("when the input breaks a rule, then planWave refuses as createWave would: %s", async (reason, input) => {
    const memory = setup();
    expect(await planWave(memory, BEACON, admin, input)).toEqual({ ok: false, reason });
    expect(await createWave(memory, BEACON, admin, input)).toEqual({ ok: false, reason });
  });

  it("when the wave's number is taken, then wave-exists already at planning", async () => {
    const memory = setup();
    await createdWave(memory);
    expect(await planWave(memory, BEACON, admin, waveInput())).toEqual({ ok: false, reason: "wave-exists" });
  });

  it("when someone other than an admin plans, then not-admin", async () => {
    const memory = setup();
    for (const actor of [auditor, operatorOf("31")]) expect(await planWave(memory, BEACON, actor, waveInput())).toEqual({ ok: false, reason: "not-admin" });
  });
});
