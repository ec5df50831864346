import { z } from "zod";

/**
 * Payment partners' configuration (docs/payment-partners.md): where each is (`PAYMENT_PARTNER_URLS`,
 * a param) and the keys we speak to it with (`PAYMENT_PARTNER_KEYS`, a secret), by partner code.
 * The wire formats are in snapMessages.ts and tokenGatewayMessages.ts.
 */

const pem = (kind: "PRIVATE" | "PUBLIC") =>
  z.string().refine((text) => text.includes(`-----BEGIN ${kind} KEY-----`) || text.includes(`-----BEGIN RSA ${kind} KEY-----`), {
    message: `pem-${kind.toLowerCase()}-key`,
  });

/**
 * A SNAP partner's keys. `clientId` is our X-CLIENT-KEY (token) and X-PARTNER-ID (requests);
 * `privateKey` is ours (PKCS #8 or PKCS #1 PEM; the partner holds its public half);
 * `partnerPublicKey` checks its notifications (two while the partner rotates its key: either
 * verifies); `sourceAccountNo` is the program's account the
 * transfers are paid from.
 */
export const snapPartnerKeys = z.object({
  clientId: z.string().min(1).max(64),
  clientSecret: z.string().min(16),
  privateKey: pem("PRIVATE"),
  partnerPublicKey: z.union([pem("PUBLIC"), z.array(pem("PUBLIC")).min(1).max(2)]),
  channelId: z.string().regex(/^\d{1,5}$/),
  sourceAccountNo: z.string().regex(/^\d{4,34}$/),
});
export type SnapPartnerKeys = z.infer<typeof snapPartnerKeys>;

/** A token gateway's keys: the API key (HTTP Basic user, empty password) and the static token its callbacks carry (two during a rotation). */
export const tokenGatewayKeys = z.object({
  apiKey: z.string().min(16),
  callbackToken: z.union([z.string().min(16), z.array(z.string().min(16)).min(1).max(2)]),
});
export type TokenGatewayKeys = z.infer<typeof tokenGatewayKeys>;

const partnerCode = z.string().regex(/^[a-z0-9-]{1,40}$/);

/**
 * The `PAYMENT_PARTNER_KEYS` secret: a JSON object from partner code to its keys. Each entry is
 * checked against its partner's protocol when that partner is first used (adapters/payments/index.ts),
 * so one partner's broken entry does not stop the others.
 */
export const paymentPartnerKeys = z.record(partnerCode, z.record(z.string(), z.unknown()));

/** The `PAYMENT_PARTNER_URLS` param: partner code → base URL (no trailing slash needed). */
export const paymentPartnerUrls = z.record(partnerCode, z.url({ protocol: /^https?$/ }));
