import { payoutTask } from "../edge/payoutTask.js";

/** Sends kirim-dana's incentive payouts, one task per attempt, on its own queue (edge/payoutTask.ts, usecases/payouts/send.ts). */
export const payKirimDana = payoutTask("kirim-dana");
