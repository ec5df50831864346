import { createHash } from "node:crypto";
import { isForward } from "../../domain/wave.js";
import type { Beacon, Leases, PoolMembership, Seeds, Waves } from "../../usecases/ports.js";
import { roundTrip, type Memory } from "./state.js";
import { DocumentExists } from "./store.js";

/** Waves in memory: their lifecycle, the schedule's leases, the pool, and the draw's randomness. */

export function memoryWaves(memory: Memory): Waves {
  const { waves, waveEvents, waveSecrets } = memory.state;
  const inStates = (...states: string[]) => [...waves.keys()].sort().filter((id) => states.includes(waves.get(id)!.state));
  return {
    async get(id) {
      await roundTrip();
      return waves.read(id) ?? null;
    },
    async create(id, wave, seed) {
      await roundTrip();
      try {
        memory.batch().create(waves, id, wave).create(waveSecrets, id, { seed }).commit();
        return true;
      } catch (error) {
        if (error instanceof DocumentExists) return false;
        throw error;
      }
    },
    async drawing() {
      await roundTrip();
      return inStates("closed", "frozen");
    },
    async unfinished() {
      await roundTrip();
      return inStates("scheduled", "open").map((id) => ({ id, wave: waves.read(id)! }));
    },
    async advance(id, to, event) {
      await roundTrip();
      const current = waves.read(id);
      if (current === undefined) throw new Error(`wave ${id} vanished`);
      // Another run may have moved it already; states never go back.
      if (current.state === to || !isForward(current.state, to)) return current.state;
      memory.batch().update(waves, id, { state: to }).set(waveEvents, `${id}/${to}`, event).commit();
      return to;
    },
  };
}

export function memoryLeases(memory: Memory): Leases {
  const { leases } = memory.state;
  return {
    async take(name, holder, now, until) {
      await roundTrip();
      const current = leases.read(name);
      // A lease past its time was left by a run that died: it no longer protects anything.
      if (current !== undefined && current.holder !== holder && current.until > now) return false;
      memory.batch().set(leases, name, { holder, until, takenAt: now }).commit();
      return true;
    },
    async release(name, holder) {
      await roundTrip();
      if (leases.read(name)?.holder === holder) memory.batch().delete(leases, name).commit();
    },
  };
}

export function memoryPoolMembership(memory: Memory): PoolMembership {
  const { applicants, pidIndex, timeline, families } = memory.state;
  return {
    async join(uid, pool, event) {
      await roundTrip();
      const applicant = applicants.read(uid);
      if (applicant === undefined || applicant.inPool === true || applicant.status !== "registered") return false;
      const familyRecipients = families.read(applicant.kkKey)?.recipients ?? 0;
      memory
        .batch()
        .update(applicants, uid, { inPool: true, pid: pool.pid, familyPid: pool.familyPid, joinedWave: pool.waveId, familyRecipients })
        .set(pidIndex, pool.pid, { uid })
        .set(timeline, `${uid}/joined-${pool.waveId}`, event)
        .commit();
      return true;
    },
  };
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** Seeds given in advance, then `sha256("seed-<n>")`: the same run gives the same seeds. */
export function memorySeeds(given: readonly string[] = []): Seeds {
  let issued = 0;
  return {
    newSeed() {
      issued += 1;
      return given[issued - 1] ?? sha256(`seed-${issued}`);
    },
  };
}

export interface MemoryBeacon extends Beacon {
  /** Publishes a round; its value defaults to `sha256("<source>#<round>")`. Returns the value. */
  publish(source: string, round: number, value?: string): string;
}

/** A beacon whose rounds come out when a test publishes them (a drand round never changes once out). */
export function memoryBeacon(memory: Memory): MemoryBeacon {
  const { beaconRounds } = memory.state;
  return {
    publish(source, round, value = sha256(`${source}#${round}`)) {
      const key = `${source}#${round}`;
      const earlier = beaconRounds.get(key);
      if (earlier !== undefined && earlier !== value) throw new Error(`beacon round ${round} is out already with another value`);
      beaconRounds.set(key, value);
      return value;
    },
    // Stands for a beacon whose answers verified (adapters/beacon.ts verifies real ones): BLS
    // checks take tens of milliseconds, too slow for every unit test that draws.
    async value({ source, round }) {
      await roundTrip();
      return beaconRounds.get(`${source}#${round}`) ?? null;
    },
  };
}
