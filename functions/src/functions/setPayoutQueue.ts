import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { mayDo } from "../domain/roles.js";
import { refused } from "../domain/outcome.js";
import { setPayoutQueueInput } from "../schemas/payouts.js";
import { setPayoutQueue as setQueueUseCase } from "../usecases/payouts/queues.js";

/** The program office pauses one payment partner's payouts during its outage, or resumes them (queuing at once what waited). */
export const setPayoutQueue = callable({
  name: "setPayoutQueue",
  input: setPayoutQueueInput,
  refusals: { "not-admin": "permission-denied", "partner-not-found": "not-found" },
  async handle(input, actor) {
    if (!mayDo(actor, "manage-payouts")) return refused("not-admin");
    const outcome = await setQueueUseCase(ports(), actor.uid, input);
    if (!outcome.ok) return outcome;
    const { partner, cloudTasks, dispatched } = outcome.value;
    return { ok: true, value: { partner: input.partner, paused: partner.paused, cloudTasks, queued: dispatched?.queued ?? 0 } };
  },
});
