import { ports } from "../composition.js";
import { nikHashKey, vaultKeysSecret } from "../config.js";
import { REASON_CODES, type ReasonCode } from "../domain/eligibility.js";
import { callable } from "../edge/callable.js";
import { logs } from "../logs.js";
import { joinWaveOnBehalfInput } from "../schemas/waves.js";
import { joinWaveOnBehalf as joinWaveOnBehalfUseCase } from "../usecases/joinWaveOnBehalf.js";

/** At the labor office, an operator joins a person of their region to the open wave, with the person's consent. */
export const joinWaveOnBehalf = callable({
  name: "joinWaveOnBehalf",
  input: joinWaveOnBehalfInput,
  refusals: {
    ...(Object.fromEntries(REASON_CODES.map((reason) => [reason, "failed-precondition"])) as Record<ReasonCode, "failed-precondition">),
    "registration-blocked": "failed-precondition",
    "not-operator": "permission-denied",
    "person-not-registered": "not-found",
    "person-outside-region": "permission-denied",
    "wave-not-open": "failed-precondition",
    "not-eligible": "failed-precondition",
    "program-year-not-configured": "failed-precondition",
  },
  options: { secrets: [nikHashKey, vaultKeysSecret] },
  async handle(input, actor) {
    const outcome = await joinWaveOnBehalfUseCase(ports(), actor, input);
    if (outcome.ok) logs.joinedOnBehalf(input.uid, outcome.value.waveId, actor.uid, input.requestId, outcome.value.joined);
    return outcome;
  },
});
