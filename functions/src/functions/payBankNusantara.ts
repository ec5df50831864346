import { payoutTask } from "../edge/payoutTask.js";

/** Sends bank-nusantara's incentive payouts, one task per attempt, on its own queue (edge/payoutTask.ts, usecases/payouts/send.ts). */
export const payBankNusantara = payoutTask("bank-nusantara");
