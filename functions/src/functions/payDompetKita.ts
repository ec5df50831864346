import { payoutTask } from "../edge/payoutTask.js";

/** Sends dompet-kita's incentive payouts, one task per attempt, on its own queue (edge/payoutTask.ts, usecases/payouts/send.ts). */
export const payDompetKita = payoutTask("dompet-kita");
