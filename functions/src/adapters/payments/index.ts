import type { z } from "zod";
import { paymentPartnerKeysSecret, paymentPartnerUrls } from "../../config.js";
import { paymentPartner, type PaymentPartnerCode } from "../../domain/payouts/partners.js";
import { paymentPartnerKeys, paymentPartnerUrls as urlsSchema, snapPartnerKeys, tokenGatewayKeys } from "../../schemas/paymentPartners.js";
import type { PaymentPartner, PaymentPartners } from "../../usecases/ports.js";
import { SNAP_DIALECTS, type SnapPartnerCode } from "./dialects.js";
import { snapPaymentPartner } from "./snap.js";
import { tokenGatewayPartner } from "./tokenGateway.js";

export interface PaymentPartnerSources {
  /** The `PAYMENT_PARTNER_URLS` JSON. */
  urls: () => string;
  /** The `PAYMENT_PARTNER_KEYS` JSON (a secret: read only inside a function bound to it). */
  keys: () => string;
  timeoutMs?: number;
  clock?: () => Date;
}

const fromConfig: PaymentPartnerSources = { urls: () => paymentPartnerUrls.value(), keys: () => paymentPartnerKeysSecret.value() };

const isSnapCode = (code: PaymentPartnerCode): code is SnapPartnerCode => Object.hasOwn(SNAP_DIALECTS, code);

/**
 * The configured payment partners: one adapter per PAYMENT_PARTNERS entry, by its protocol, built
 * on first use (no I/O and no secret read when the module loads) and kept. A partner without a URL
 * or with keys that do not fit its protocol throws when first asked for, naming the partner and
 * the field, never the key.
 */
export function configuredPaymentPartners(sources: PaymentPartnerSources = fromConfig): PaymentPartners {
  const built = new Map<PaymentPartnerCode, PaymentPartner>();
  let config: { urls: Record<string, string>; keys: Record<string, Record<string, unknown>> } | null = null;
  const load = () => (config ??= { urls: urlsSchema.parse(JSON.parse(sources.urls())), keys: paymentPartnerKeys.parse(JSON.parse(sources.keys())) });

  function build(code: PaymentPartnerCode): PaymentPartner {
    const spec = paymentPartner(code);
    const { urls, keys } = load();
    const baseUrl = urls[code];
    if (baseUrl === undefined) throw new Error(`PAYMENT_PARTNER_URLS has no URL for ${code}`);
    const entry = keys[code] ?? {};
    const common = { baseUrl, timeoutMs: sources.timeoutMs, clock: sources.clock };
    if (spec.protocol === "token") return tokenGatewayPartner({ ...common, code, keys: parseKeys(code, tokenGatewayKeys, entry) });
    if (!isSnapCode(code)) throw new Error(`${code} speaks SNAP but has no dialect in adapters/payments/dialects.ts`);
    // A SNAP partner pays into one channel (one service: transfer or top-up).
    const channel = spec.channels[0];
    if (channel === undefined || spec.channels.length !== 1) throw new Error(`${code}: a SNAP partner has exactly one channel`);
    return snapPaymentPartner({ ...common, code, channel, keys: parseKeys(code, snapPartnerKeys, entry), minify: SNAP_DIALECTS[code].minify });
  }

  return {
    get(code) {
      const partner = built.get(code) ?? build(code);
      built.set(code, partner);
      return partner;
    },
  };
}

/** A partner's keys checked against its protocol; the error names the fields, never their values. */
function parseKeys<T>(code: string, schema: z.ZodType<T>, entry: unknown): T {
  const parsed = schema.safeParse(entry);
  if (parsed.success) return parsed.data;
  throw new Error(
    `PAYMENT_PARTNER_KEYS ${code}: ${parsed.error.issues.map((issue) => issue.path.map(String).join(".") || "(entry)").join(", ")} missing or not valid`,
  );
}

export { paymentPartnerKeysSecret } from "../../config.js";
