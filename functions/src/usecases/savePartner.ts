import { canonicalJson } from "../domain/canonical.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import { mayDo, type Actor } from "../domain/roles.js";
import type { SavePartnerInput, SavePartnerResult } from "../schemas/catalogue.js";
import type { SavePartnerRefusal } from "../schemas/contract.js";
import type { TrainingPartnerDoc } from "../schemas/training.js";
import type { Decided, Ports } from "./ports.js";

export type { SavePartnerRefusal };

/**
 * A program admin onboards a training partner or changes one (savePartner callable): its
 * registration (legal name, NIB), its named contact, whether it is active or de-listed (a
 * de-listed partner's signed calls are refused at once), whether its settlements are frozen, and
 * its rate limit. Its kind never changes: trainings name it as their institution or platform.
 * Its sign key is not here: keys live in the PARTNER_SIGN_KEYS secret. Saving the same details
 * again writes nothing.
 */
export async function savePartner(
  ports: Pick<Ports, "catalogue" | "clock">,
  actor: Actor,
  input: SavePartnerInput,
): Promise<Outcome<SavePartnerResult, SavePartnerRefusal>> {
  if (!mayDo(actor, "manage-catalogue")) return refused("not-admin");
  const now = ports.clock.now();
  const { clientCode, ...details } = input;
  return ports.catalogue.savePartner(clientCode, (current): Decided<TrainingPartnerDoc, Outcome<SavePartnerResult, SavePartnerRefusal>> => {
    if (current !== null && current.kind !== details.kind) return { write: null, result: refused("partner-kind-fixed") };
    const { createdAt: _c, updatedAt: _u, ...stored } = current ?? { createdAt: now, updatedAt: now };
    if (current !== null && canonicalJson(stored) === canonicalJson(details))
      return { write: null, result: done({ clientCode, created: false, written: false }) };
    const partner: TrainingPartnerDoc = { ...details, createdAt: current?.createdAt ?? now, updatedAt: now };
    return { write: partner, result: done({ clientCode, created: current === null, written: true }) };
  });
}
