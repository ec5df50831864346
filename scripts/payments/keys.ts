import { generateKeyPairSync, randomBytes, randomInt } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { PAYMENT_PARTNERS, type PaymentPartnerCode } from "../../functions/src/domain/payouts/partners.js";
import type { SnapPartnerKeys, TokenGatewayKeys } from "../../functions/src/schemas/paymentPartners.js";
import { ROOT } from "../stack/config.js";

/**
 * The local payment partners' keys, both halves: the program's (`PAYMENT_PARTNER_KEYS` in
 * functions/.secret.local, as the functions read it) and the simulator's
 * (`.stack/payment-partners.json`, git-ignored: each partner's RSA private key, our public keys,
 * the client secrets and tokens). Made together, so they always fit each other.
 */

export const PAYMENT_PARTNERS_FILE = join(ROOT, ".stack", "payment-partners.json");

const snapSide = z.object({
  protocol: z.literal("snap"),
  clientId: z.string(),
  clientSecret: z.string(),
  /** Our public key: checks our B2B token requests. */
  programPublicKey: z.string(),
  /** The partner's private key: signs its notifications. */
  partnerPrivateKey: z.string(),
  channelId: z.string(),
  sourceAccountNo: z.string(),
});
const tokenSide = z.object({ protocol: z.literal("token"), apiKey: z.string(), callbackToken: z.string() });
export const simulatorKeys = z.record(z.string(), z.discriminatedUnion("protocol", [snapSide, tokenSide]));
export type SimulatorKeys = z.infer<typeof simulatorKeys>;
export type SimulatorSnapKeys = z.infer<typeof snapSide>;
export type SimulatorTokenKeys = z.infer<typeof tokenSide>;

export interface PaymentPartnerKeyPair {
  program: Record<string, SnapPartnerKeys | TokenGatewayKeys>;
  simulator: SimulatorKeys;
}

const rsa = () =>
  generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } });
const secret = () => randomBytes(32).toString("base64url");

/** Fresh keys for every partner in PAYMENT_PARTNERS (RSA 2048 key pairs for SNAP partners, random secrets). */
export function generatePaymentPartnerKeys(codes: readonly PaymentPartnerCode[] = PAYMENT_PARTNERS.map((p) => p.code)): PaymentPartnerKeyPair {
  const program: PaymentPartnerKeyPair["program"] = {};
  const simulator: SimulatorKeys = {};
  for (const spec of PAYMENT_PARTNERS.filter((p) => codes.includes(p.code))) {
    if (spec.protocol === "token") {
      const keys = { apiKey: `key_${secret()}`, callbackToken: secret() };
      program[spec.code] = keys;
      simulator[spec.code] = { protocol: "token", ...keys };
      continue;
    }
    const ours = rsa();
    const theirs = rsa();
    const shared = {
      clientId: `prakerja-${spec.code}`,
      clientSecret: secret(),
      channelId: String(randomInt(10_000, 99_999)),
      sourceAccountNo: "1200098765432",
    };
    program[spec.code] = { ...shared, privateKey: ours.privateKey, partnerPublicKey: theirs.publicKey };
    simulator[spec.code] = { protocol: "snap", ...shared, programPublicKey: ours.publicKey, partnerPrivateKey: theirs.privateKey };
  }
  return { program, simulator };
}

/** The simulator's side as the launcher wrote it; `null` when there is none (or it does not parse). */
export function readSimulatorKeys(file = PAYMENT_PARTNERS_FILE): SimulatorKeys | null {
  if (!existsSync(file)) return null;
  try {
    return simulatorKeys.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return null;
  }
}

const SECRET_LINE = /^PAYMENT_PARTNER_KEYS='(.+)'$/m;

/**
 * Makes sure functions/.secret.local has `PAYMENT_PARTNER_KEYS` and the simulator its side, for
 * every partner. Kept across runs; made again (both halves together) only when either half is
 * missing, unreadable or lacks a partner — one half alone could not be matched to the other.
 */
export function ensureLocalPaymentPartnerKeys(secretsFile: string, simulatorFile = PAYMENT_PARTNERS_FILE): void {
  const text = readFileSync(secretsFile, "utf8");
  const line = SECRET_LINE.exec(text);
  const simulator = readSimulatorKeys(simulatorFile);
  const codes = PAYMENT_PARTNERS.map((p) => p.code);
  let program: Record<string, unknown> | null = null;
  try {
    program = line === null ? null : z.record(z.string(), z.unknown()).parse(JSON.parse(line[1] ?? ""));
  } catch {
    program = null;
  }
  if (program !== null && simulator !== null && codes.every((code) => Object.hasOwn(program, code) && Object.hasOwn(simulator, code))) return;
  const keys = generatePaymentPartnerKeys();
  const entry = `PAYMENT_PARTNER_KEYS='${JSON.stringify(keys.program)}'`;
  writeFileSync(secretsFile, line === null ? `${text.replace(/\n?$/, "\n")}${entry}\n` : text.replace(line[0], () => entry), { mode: 0o600 });
  writeFileSync(simulatorFile, `${JSON.stringify(keys.simulator, null, 2)}\n`, { mode: 0o600 });
}

/**
 * The payment partners as the local functions emulator has them (functions/.env.demo-prakerja
 * `PAYMENT_PARTNER_URLS`, functions/.secret.local `PAYMENT_PARTNER_KEYS`), for scripts and tests
 * that run payout use cases in-process against the simulator.
 */
export function localPaymentPartnerSources(secretsFile: string): { urls: () => string; keys: () => string } {
  const env = readFileSync(join(ROOT, "functions", ".env.demo-prakerja"), "utf8");
  const urls = /^PAYMENT_PARTNER_URLS=(.+)$/m.exec(env)?.[1];
  const keys = /^PAYMENT_PARTNER_KEYS='(.+)'$/m.exec(readFileSync(secretsFile, "utf8"))?.[1];
  if (urls === undefined || keys === undefined) throw new Error("no PAYMENT_PARTNER_URLS or PAYMENT_PARTNER_KEYS: start the local stack first");
  return { urls: () => urls, keys: () => keys };
}
