import { setGlobalOptions } from "firebase-functions/v2";
import { defineInt, defineSecret, defineString } from "firebase-functions/params";

/**
 * Public-sector systems keep data in Indonesia: functions run in Jakarta, next to a
 * Firestore database created in asia-southeast2 (see README, "Deploy").
 */
export const REGION = "asia-southeast2";
export const TIME_ZONE = "Asia/Jakarta";

setGlobalOptions({ region: REGION, maxInstances: 100 });

/**
 * The key of the keyed hashes that stand for NIK and KK numbers in every document ID and index
 * (at least 32 bytes). Locally it comes from functions/.secret.local, which the launcher writes
 * on first start; in production from Secret Manager. Changing it orphans every existing index.
 */
export const nikHashKey = defineSecret("NIK_HASH_KEY");

/**
 * Partners' signing keys: a JSON object from each partner's client code to its key
 * (schemas/partners.ts). Bound by the HTTP edge to every function that accepts signed requests
 * (edge/httpAuth.ts), and to no other. Adding a partner or rotating a key is a new version.
 */
export const partnerSignKeysSecret = defineSecret("PARTNER_SIGN_KEYS");

/** How many people one operator may register on behalf of others per day (against "joki" mass registration). */
export const assistedDailyLimit = defineInt("ASSISTED_DAILY_LIMIT", {
  default: 50,
  description: "Assisted registrations one regional operator may make per day (Asia/Jakarta).",
});

/** Registrations one account may try per day that register nobody: `nik-registered` must not become a lookup service. */
export const registerAttemptLimit = defineInt("REGISTER_ATTEMPT_LIMIT", {
  default: 5,
  description: "Refused registration attempts (NIK or account already registered) one account may make per day before it is told to come back tomorrow.",
});

/** The public randomness beacon of the draws (drand HTTP API); the local stack runs its own. */
export const beaconUrl = defineString("BEACON_URL", {
  default: "https://api.drand.sh/52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971",
  description: "drand-compatible beacon (GET <url>/public/<round>) whose round decides each wave's draw.",
});

/**
 * The beacon chain each new wave's plan records, against which every round is verified (BLS
 * signature under the public key, randomness = SHA-256 of the signature; domain/beaconRound.ts).
 * drand's quicknet by default; the local stack names its development chain (scripts/stack/beacon.ts).
 */
export const beaconChainHash = defineString("BEACON_CHAIN_HASH", {
  default: "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971",
  description: "Hash of the drand chain BEACON_URL serves (64 hex), recorded in each new wave's plan.",
});
export const beaconPublicKey = defineString("BEACON_PUBLIC_KEY", {
  default:
    "83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a",
  description: "Public key of that chain (192 hex, a compressed G2 point), recorded in each new wave's plan.",
});

/** Time between a wave's close and its beacon round: the pool must be frozen before the round is out. */
export const beaconMarginSeconds = defineInt("BEACON_MARGIN_SECONDS", {
  default: 86_400,
  description: "Seconds from a wave's close to the beacon round used for its draw (the freeze must finish first).",
});

/**
 * Where each payment partner is: a JSON object from partner code to its API's base URL
 * (schemas/paymentPartners.ts). Locally the payment-partner simulator (scripts/payments/);
 * in production the partners' hosts, one entry per domain/payouts/partners.ts PAYMENT_PARTNERS.
 */
export const paymentPartnerUrls = defineString("PAYMENT_PARTNER_URLS", {
  default: "{}",
  description: 'Payment partners\' base URLs, JSON {"<partner code>": "https://…"} (docs/payment-partners.md).',
});

/**
 * The keys we speak to payment partners with: a JSON object from partner code to its keys (SNAP:
 * client ID and secret, our RSA private key, the partner's public key, channel ID, source account;
 * token gateway: API key and callback token; schemas/paymentPartners.ts). Bound to the functions
 * that call partners or receive their notifications, and to no other. Locally the launcher writes
 * it once (scripts/stack/index.ts); rotating a key is a new version (docs/payment-partners.md).
 */
export const paymentPartnerKeysSecret = defineSecret("PAYMENT_PARTNER_KEYS");

/**
 * The personal-data vault's key-encryption keys (domain/vault/envelope.ts): JSON
 * `{"current":"<id>","keys":{"<id>":"<base64 of 32 bytes>"}}` (schemas/vault.ts vaultKeys); two
 * or more keys only during a rotation (README, "Personal-data vault"). Bound to every function
 * that seals or opens NIK, KK, name, phone or birth date, and to no other. Locally the launcher
 * writes it once (scripts/stack/index.ts). Losing every key that wrapped a seal loses the data.
 */
export const vaultKeysSecret = defineSecret("VAULT_KEYS");
