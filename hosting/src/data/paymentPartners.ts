import { PAYMENT_PARTNERS, type PaymentPartnerCode, type PayoutChannel } from "@schemas/payoutViews.js";

/**
 * The program's payment partners as the web app offers them (the functions' own list,
 * domain/payouts/partners.ts): which channels each pays into, and which banks or e-wallets.
 */

export type { PaymentPartnerCode, PayoutChannel };
export const PARTNERS = PAYMENT_PARTNERS;

/** Bank Indonesia's clearing codes of the banks partners transfer to, and the e-wallets' codes, as people know them. */
const INSTITUTION_NAMES: Record<string, string> = {
  "002": "BRI",
  "008": "Bank Mandiri",
  "009": "BNI",
  "014": "BCA",
  DOMPETKITA: "DompetKita",
  KIRIMDANA: "KirimDana",
};

/** "BNI (009)" for a bank, the e-wallet's name for an e-wallet, the code itself when unknown. */
export function institutionName(code: string): string {
  const name = INSTITUTION_NAMES[code];
  if (name === undefined) return code;
  return /^\d{3}$/.test(code) ? `${name} (${code})` : name;
}

export function partnerName(code: string | null): string {
  return PAYMENT_PARTNERS.find((partner) => partner.code === code)?.name ?? code ?? "";
}

/** A three-digit clearing code is a bank; anything else is an e-wallet. */
const channelOf = (institution: string): PayoutChannel => (/^\d{3}$/.test(institution) ? "bank" : "ewallet");

/** The channels a partner pays into. */
export function channelsOf(partner: PaymentPartnerCode): readonly PayoutChannel[] {
  return PAYMENT_PARTNERS.find((spec) => spec.code === partner)?.channels ?? [];
}

/** The banks (or e-wallets) a partner pays into on `channel`. */
export function institutionsOf(partner: PaymentPartnerCode, channel: PayoutChannel): string[] {
  const institutions: readonly string[] = PAYMENT_PARTNERS.find((entry) => entry.code === partner)?.institutions ?? [];
  return institutions.filter((institution) => channelOf(institution) === channel);
}
