import type { PAYMENT_PARTNERS } from "../../domain/payouts/partners.js";
import type { SnapMinify } from "../../domain/payouts/snap.js";

export type SnapPartnerCode = Extract<(typeof PAYMENT_PARTNERS)[number], { protocol: "snap" }>["code"];

/**
 * Where SNAP partners differ from each other, per partner (DOMAIN.md "Payment partners speak
 * SNAP"): how each minifies a body before hashing it. Read by the adapters and by the local
 * simulator, so both sides of every local call agree as the real partner and we must.
 */
export const SNAP_DIALECTS: Record<SnapPartnerCode, { minify: SnapMinify }> = {
  "bank-nusantara": { minify: "strip-whitespace" },
  "dompet-kita": { minify: "reserialize" },
};
