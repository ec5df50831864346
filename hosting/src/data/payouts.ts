import type { MyPayouts } from "@schemas/payouts.js";
import type { PayoutOverview, ReportPayoutResult } from "@schemas/payoutViews.js";
import { callable } from "./callable.js";

/** The payout callables: the participant's own (incentives, account, reports) and the program office's; their answers' shapes are the shared schemas'. */

export type { MyPayouts, PayoutOverview, ReportPayoutResult };
export type MyInstallment = MyPayouts["installments"][number];
export type MyPayoutEvent = MyInstallment["events"][number];
export type MyPayoutCase = MyPayouts["cases"][number];
export type MyPayoutAccount = NonNullable<MyPayouts["account"]>;

export const callGetMyPayouts = callable("getMyPayouts");
export const callReportPayout = callable("reportPayout");
export const callLinkPayoutAccount = callable("linkPayoutAccount");
export const callPayoutOverview = callable("payoutOverview");
export const callSetPayoutQueue = callable("setPayoutQueue");
export const callReviewPayout = callable("reviewPayout");
export const callResolveQuarantine = callable("resolveQuarantine");
export const callReviewPayoutAccount = callable("reviewPayoutAccount");
export const callResolvePayoutCase = callable("resolvePayoutCase");

/** The signed-in person's incentives (empty for someone who is not a participant). */
export const loadMyPayouts = (): Promise<MyPayouts> => callGetMyPayouts({});

export const loadPayoutOverview = (): Promise<PayoutOverview> => callPayoutOverview({});
