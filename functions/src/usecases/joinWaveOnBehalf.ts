import { refused, type Outcome } from "../domain/outcome.js";
import { coversRegion, mayDo, type Actor } from "../domain/roles.js";
import type { JoinOnBehalfRefusal, JoinWaveResult } from "../schemas/contract.js";
import type { JoinWaveOnBehalfInput } from "../schemas/waves.js";
import { joinPool, type JoinWavePorts } from "./joinWave.js";
import type { Ports } from "./ports.js";

export type { JoinOnBehalfRefusal };

/**
 * At the labor office, an operator joins a person of their region to the open wave, with the
 * person's consent (the input's `consent`, recorded on the timeline with the operator's uid and
 * the request's ID). The same rules as the person joining themself; a retry of the request
 * answers as its first call did and writes nothing. A join by this request goes on the audit log.
 */
export async function joinWaveOnBehalf(
  ports: JoinWavePorts & Pick<Ports, "audit">,
  actor: Actor,
  input: JoinWaveOnBehalfInput,
): Promise<Outcome<JoinWaveResult, JoinOnBehalfRefusal>> {
  const { region } = actor.claims;
  if (!mayDo(actor, "join-wave-on-behalf") || region === undefined) return refused("not-operator");
  const [applicant, wave] = await Promise.all([ports.registrations.applicant(input.uid), ports.waves.get(input.waveId)]);
  if (applicant === null) return refused("person-not-registered");
  if (!coversRegion(region, applicant.districtCode)) return refused("person-outside-region");
  const outcome = await joinPool(
    ports,
    { uid: input.uid, applicant, waveId: input.waveId, wave },
    { by: "operator", operator: actor.uid, requestId: input.requestId },
  );
  if (outcome.ok && outcome.value.joined)
    await ports.audit.append({
      act: "join-wave-on-behalf",
      actor: actor.uid,
      role: actor.claims.role,
      target: input.uid,
      key: input.requestId,
      at: ports.clock.now(),
      region: applicant.districtCode,
      details: { waveId: input.waveId, consent: true },
    });
  return outcome;
}
