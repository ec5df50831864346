/**
 * Setup waves for tests that are not about creating one: written straight to Firestore (the wave
 * and its `waveSecrets` seed), built by the same `newWave` as the `createWave` callable, so the
 * plan, seed commitment and beacon (the development chain of functions/.env.demo-prakerja) are
 * what a created wave has. SETUP ONLY: it skips `checkWave` (the role, the program year, the
 * quota's rules, the one-pool rule), so test files running in parallel do not refuse each other's
 * waves. The creation rules are tested through the callable in tests/integration/wavePool.test.ts
 * and tests/integration/hardening.test.ts, and in the unit tests of usecases/createWave.ts.
 *
 * A file that seeds a wave which is never drawn deletes it when it is done (`deleteWaves`), so no
 * wave of it is left scheduled or open for the next run's one-pool rule.
 */
import { readFileSync } from "node:fs";
import { adminDb } from "./admin.js";
import { calendarDateIn } from "../../functions/src/domain/calendar.js";
import { COLLECTIONS } from "../../functions/src/schemas/collections.js";
import type { CreateWaveInput } from "../../functions/src/schemas/waves.js";
import { drawRound, newWave, type BeaconPlan } from "../../functions/src/usecases/createWave.js";
import { productionPorts } from "../../functions/src/composition.js";

/** The local project's beacon parameters, as the deployed createWave reads them (functions/.env.demo-prakerja). */
function localBeacon(): BeaconPlan {
  const env = new Map(
    readFileSync(new URL("../../functions/.env.demo-prakerja", import.meta.url), "utf8")
      .split("\n")
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1).trim()] as const),
  );
  const value = (name: string) => {
    const found = env.get(name);
    if (found === undefined) throw new Error(`functions/.env.demo-prakerja has no ${name}`);
    return found;
  };
  return {
    source: value("BEACON_URL"),
    chainHash: value("BEACON_CHAIN_HASH"),
    publicKey: value("BEACON_PUBLIC_KEY"),
    marginSeconds: Number(value("BEACON_MARGIN_SECONDS")),
  };
}

export interface SeedWaveOptions {
  opensAt: Date;
  closesAt: Date;
  quota: number;
  /** Default: none (one national pool). */
  strata?: CreateWaveInput["strata"];
  /** Default: the program year's (tests/support/people.ts ensureProgramYear writes it). */
  familyLimit?: number;
  /** Default: a random number in 50,000,000–59,999,999, a range no other file picks from. */
  number?: number;
  /** Default: this year in Jakarta, as ensureProgramYear. */
  programYear?: number;
  /** Seconds between the close and the beacon round: default the stack's BEACON_MARGIN_SECONDS. */
  beaconMarginSeconds?: number;
}

/** Writes a wave with its draw plan and seed as createWave would, skipping createWave's checks: its ID and number. */
export async function seedWave(options: SeedWaveOptions): Promise<{ waveId: string; number: number }> {
  const programYear = options.programYear ?? calendarDateIn(new Date()).year;
  const number = options.number ?? 50_000_000 + Math.floor(Math.random() * 10_000_000);
  const familyLimit = options.familyLimit ?? (await programYearFamilyLimit(programYear));
  const beacon = { ...localBeacon(), ...(options.beaconMarginSeconds === undefined ? {} : { marginSeconds: options.beaconMarginSeconds }) };
  // The beacon clock, seeds and wave store of the deployed functions (composition.ts).
  const { beaconClock, seeds, waves } = productionPorts();
  const { waveId, wave, seed } = newWave(
    {
      number,
      programYear,
      opensAt: options.opensAt,
      closesAt: options.closesAt,
      quota: options.quota,
      strata: options.strata ?? { kind: "none" },
      familyLimit,
      round: drawRound(options.closesAt, beacon, beaconClock),
    },
    beacon,
    seeds,
    new Date(),
  );
  if (!(await waves.create(waveId, wave, seed))) throw new Error(`wave ${waveId} exists already`);
  return { waveId, number };
}

async function programYearFamilyLimit(programYear: number): Promise<number> {
  const limit: unknown = (await adminDb.collection(COLLECTIONS.programYears).doc(String(programYear)).get()).get("familyLimit");
  if (typeof limit !== "number") throw new Error(`program year ${programYear} is not configured: call ensureProgramYear() first`);
  return limit;
}

/** Deletes setup waves, their seeds and their state-change events (a wave never drawn has nothing else). */
export async function deleteWaves(waveIds: readonly string[]): Promise<void> {
  await Promise.all(
    waveIds.map(async (waveId) => {
      const events = await adminDb.collection(`${COLLECTIONS.waves}/${waveId}/${COLLECTIONS.waveEvents}`).get();
      const batch = adminDb.batch();
      for (const event of events.docs) batch.delete(event.ref);
      batch.delete(adminDb.collection(COLLECTIONS.waves).doc(waveId));
      batch.delete(adminDb.collection(COLLECTIONS.waveSecrets).doc(waveId));
      await batch.commit();
    }),
  );
}
