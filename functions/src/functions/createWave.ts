import { ports } from "../composition.js";
import { beaconChainHash, beaconMarginSeconds, beaconPublicKey, beaconUrl } from "../config.js";
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
    "priority-share-invalid": "invalid-argument",
    "wave-overlaps": "failed-precondition",
    "wave-draw-pending": "failed-precondition",
    "priority-list-unknown": "failed-precondition",
    "priority-list-not-imported": "failed-precondition",
  },
  handle: (input, actor) =>
    createWaveUseCase(
      ports(),
      { source: beaconUrl.value(), chainHash: beaconChainHash.value(), publicKey: beaconPublicKey.value(), marginSeconds: beaconMarginSeconds.value() },
      actor,
      input,
    ),
});
