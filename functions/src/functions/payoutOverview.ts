import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { payoutOverviewInput } from "../schemas/payoutViews.js";
import { payoutOverview as payoutOverviewUseCase } from "../usecases/payouts/office.js";

/** Payment partners' queues, held payouts, quarantined partner reports and participants' open reports (program office; auditors read only). */
export const payoutOverview = callable({
  name: "payoutOverview",
  input: payoutOverviewInput,
  refusals: { "not-admin-or-auditor": "permission-denied" },
  handle: (_input, actor) => payoutOverviewUseCase(ports(), actor),
});
