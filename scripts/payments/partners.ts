import { SNAP_DIALECTS } from "../../functions/src/adapters/payments/dialects.js";
import { PAYMENT_PARTNERS, type PaymentPartnerSpec } from "../../functions/src/domain/payouts/partners.js";
import type { SnapMinify } from "../../functions/src/domain/payouts/snap.js";
import { SNAP_SERVICE } from "../../functions/src/domain/payouts/snapValues.js";

/** The partner a path's first segment names, if it is one of PAYMENT_PARTNERS. */
export function partnerSpec(code: string): PaymentPartnerSpec | null {
  return PAYMENT_PARTNERS.find((partner) => partner.code === code) ?? null;
}

/** How the partner minifies bodies it hashes (functions/src/adapters/payments/dialects.ts): the simulator agrees with the adapter. */
export function minifyOf(code: string): SnapMinify {
  return Object.entries(SNAP_DIALECTS).find(([known]) => known === code)?.[1].minify ?? "reserialize";
}

/** The SNAP service a partner's payouts are: transfer-interbank (18) for a bank, emoney top-up (38) for an e-wallet. */
export function payoutService(code: string): string {
  return partnerSpec(code)?.channels[0] === "ewallet" ? SNAP_SERVICE.emoneyTopup : SNAP_SERVICE.transferInterbank;
}
