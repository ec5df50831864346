import { ports } from "../composition.js";
import { beaconChainHash, beaconMarginSeconds, beaconPublicKey, beaconUrl } from "../config.js";
import { callable } from "../edge/callable.js";
import { createWaveInput } from "../schemas/waves.js";
import { planWave as planWaveUseCase } from "../usecases/planWave.js";

/** Program admins see the plan a wave would commit to (seats, beacon round and its time) before creating it; nothing is written. */
export const planWave = callable({
  name: "planWave",
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
    "priority-share-invalid": "invalid-argument",
    "wave-overlaps": "failed-precondition",
    "wave-draw-pending": "failed-precondition",
    "priority-list-unknown": "failed-precondition",
    "priority-list-not-imported": "failed-precondition",
  },
  handle: (input, actor) =>
    planWaveUseCase(
      ports(),
      { source: beaconUrl.value(), chainHash: beaconChainHash.value(), publicKey: beaconPublicKey.value(), marginSeconds: beaconMarginSeconds.value() },
      actor,
      input,
    ),
});
