/**
 * The program's payment partners: who pays incentives into which kind of account, and how each is
 * spoken to. A partner is code, not data: each has its own deployed task queue (one Cloud Tasks
 * queue per partner, with that partner's rate limit and retry policy) and its own webhook route,
 * so onboarding one is a change to this list, its adapter and its keys (README, "Payment partners").
 *
 * 2020: one bank and four e-wallets (DOMAIN.md "Incentives and payments"). The demo set: a bank
 * and an e-wallet speaking Bank Indonesia's SNAP, and a gateway with a static callback token.
 */

/** Where an incentive lands: a bank account (transfer) or an e-wallet (top-up). */
export const PAYOUT_CHANNELS = ["bank", "ewallet"] as const;
export type PayoutChannel = (typeof PAYOUT_CHANNELS)[number];

/** How a partner is spoken to: `snap` (BI SNAP: B2B token, HMAC-SHA512 requests, signed notifications) or `token` (a static callback token). */
export const PARTNER_PROTOCOLS = ["snap", "token"] as const;
export type PartnerProtocol = (typeof PARTNER_PROTOCOLS)[number];

export interface PaymentPartnerSpec {
  /** The partner's code: in URLs (`/api/v1/payments/{code}/notify`), queue names and ledger accounts. */
  code: string;
  /** Its name as participants know it. */
  name: string;
  protocol: PartnerProtocol;
  channels: readonly PayoutChannel[];
  /**
   * Bank codes it transfers to (`bank` channel), or the e-wallet it tops up (`ewallet`: one code,
   * e.g. `DOMPETKITA`). Three-digit bank codes are Bank Indonesia's clearing codes.
   */
  institutions: readonly string[];
  /** Its queue: payouts dispatched per second and at once (the partner's own rate limit). */
  rate: { perSecond: number; concurrent: number };
  /** Its queue's retries of one task (a 5xx or a timeout): attempts and the backoff between them, seconds. */
  retry: { attempts: number; minBackoffSeconds: number; maxBackoffSeconds: number };
  /** The deployed task function (and so the Cloud Tasks queue) that sends this partner's payouts. */
  queue: string;
}

export const PAYMENT_PARTNERS = [
  {
    code: "bank-nusantara",
    name: "Bank Nusantara",
    protocol: "snap",
    channels: ["bank"],
    institutions: ["009", "008", "002", "014"],
    rate: { perSecond: 50, concurrent: 20 },
    retry: { attempts: 5, minBackoffSeconds: 60, maxBackoffSeconds: 3600 },
    queue: "payBankNusantara",
  },
  {
    code: "dompet-kita",
    name: "DompetKita",
    protocol: "snap",
    channels: ["ewallet"],
    institutions: ["DOMPETKITA"],
    rate: { perSecond: 30, concurrent: 10 },
    retry: { attempts: 5, minBackoffSeconds: 60, maxBackoffSeconds: 3600 },
    queue: "payDompetKita",
  },
  {
    code: "kirim-dana",
    name: "KirimDana",
    protocol: "token",
    channels: ["bank", "ewallet"],
    institutions: ["009", "008", "002", "014", "KIRIMDANA"],
    rate: { perSecond: 20, concurrent: 10 },
    retry: { attempts: 5, minBackoffSeconds: 120, maxBackoffSeconds: 3600 },
    queue: "payKirimDana",
  },
] as const satisfies readonly PaymentPartnerSpec[];

export type PaymentPartnerCode = (typeof PAYMENT_PARTNERS)[number]["code"];
export const PAYMENT_PARTNER_CODES = PAYMENT_PARTNERS.map((partner) => partner.code) as [PaymentPartnerCode, ...PaymentPartnerCode[]];

export type PaymentPartnerEntry = (typeof PAYMENT_PARTNERS)[number];

export function paymentPartner(code: PaymentPartnerCode): PaymentPartnerEntry {
  const found = PAYMENT_PARTNERS.find((partner) => partner.code === code);
  if (found === undefined) throw new Error(`unknown payment partner ${code}`);
  return found;
}
