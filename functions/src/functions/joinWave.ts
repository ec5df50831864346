import { ports } from "../composition.js";
import { nikHashKey, vaultKeysSecret } from "../config.js";
import { REASON_CODES, type ReasonCode } from "../domain/eligibility.js";
import { callable } from "../edge/callable.js";
import { joinWaveInput } from "../schemas/waves.js";
import { joinWave as joinWaveUseCase } from "../usecases/joinWave.js";

/** An eligible registered applicant joins the open wave, and the pool of every later wave. */
export const joinWave = callable({
  name: "joinWave",
  input: joinWaveInput,
  refusals: {
    ...(Object.fromEntries(REASON_CODES.map((reason) => [reason, "failed-precondition"])) as Record<ReasonCode, "failed-precondition">),
    "registration-blocked": "failed-precondition",
    "wave-not-open": "failed-precondition",
    "not-registered": "failed-precondition",
    "not-eligible": "failed-precondition",
    "already-participant": "failed-precondition",
    "program-year-not-configured": "failed-precondition",
  },
  options: { secrets: [nikHashKey, vaultKeysSecret] },
  handle: (input, actor) => joinWaveUseCase(ports(), actor.uid, input.waveId),
});
