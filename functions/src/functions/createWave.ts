import { randomBytes } from "node:crypto";
import { systemClock } from "../adapters/clock.js";
import { firestoreProgramYears } from "../adapters/programYears.js";
import { firestoreWaves } from "../adapters/waves.js";
import { beaconMarginSeconds, beaconUrl } from "../config.js";
import { QUICKNET } from "../domain/beacon.js";
import { callable } from "../edge/callable.js";
import { createWaveInput } from "../schemas/waves.js";
import { createWave as createWaveUseCase } from "../usecases/createWave.js";

/** Program admins create a wave with its quota, strata and draw commitments fixed up front. */
export const createWave = callable({
  name: "createWave",
  input: createWaveInput,
  refusals: {
    "not-admin": "permission-denied",
    "wave-exists": "already-exists",
    "program-year-not-configured": "failed-precondition",
    "closes-in-the-past": "invalid-argument",
    "quota-invalid": "invalid-argument",
    "family-limit-invalid": "failed-precondition",
    "stratum-code-invalid": "invalid-argument",
    "shares-exceed-whole": "invalid-argument",
    "counts-exceed-quota": "invalid-argument",
  },
  async handle(input, actor) {
    const ports = {
      waves: firestoreWaves,
      programYears: firestoreProgramYears,
      clock: systemClock,
      newSeed: () => randomBytes(32).toString("hex"),
      beacon: { source: beaconUrl.value(), clock: QUICKNET, marginSeconds: beaconMarginSeconds.value() },
    };
    const outcome = await createWaveUseCase(ports, actor, input);
    return outcome.ok ? { ok: true as const, value: { waveId: outcome.value.waveId, state: outcome.value.wave.state, draw: outcome.value.wave.draw } } : outcome;
  },
});
