import { z } from "zod";
import { PAYMENT_PARTNERS } from "../../functions/src/domain/payouts/partners.js";
import { accountInput } from "./accounts.js";
import { faultRule } from "./faults.js";
import type { SimulatorKeys } from "./keys.js";
import type { Transaction } from "./ledger.js";
import type { Notifier } from "./notifier.js";
import type { Answer, SimulatorState } from "./types.js";

const notifyInput = z.object({
  partner: z.string(),
  reference: z.string().min(1),
  state: z.enum(["paid", "failed", "reversed", "accepted"]),
  signing: z.enum(["valid", "forged", "unsigned", "stale"]).default("valid"),
  /** The event ID to send (SNAP X-EXTERNAL-ID); default a new one. */
  eventId: z.string().optional(),
  /** Sent as the body instead of the partner's own (signed as it is): a garbled notification. */
  rawBody: z.string().optional(),
  /** For a reference the simulator does not hold. */
  amount: z.number().int().nonnegative().default(600_000),
  /** Report this amount instead of the transaction's (a notification that disagrees with the payout). */
  amountOverride: z.number().int().nonnegative().optional(),
});

export const ROUTES = [
  "GET  /                              this list",
  "POST /<code>/v1.0/access-token/b2b  SNAP partners (bank-nusantara, dompet-kita): B2B token",
  "POST /<code>/v1.0/transfer-interbank, /v1.0/emoney/topup, /v1.0/transfer/status, /v1.0/emoney/topup-status,",
  "     /v1.0/account-inquiry-external, /v1.0/emoney/account-inquiry     SNAP services (signed)",
  "POST /kirim-dana/disbursements, GET /kirim-dana/disbursements?reference_id=…, POST /kirim-dana/bank_account_data_requests",
  "GET  /<code>/statement/<YYYY-MM-DD> the day's statement (CSV)",
  "GET  /_control/transactions         every transaction, and how many duplicate payouts were answered",
  "GET  /_control/deliveries           every notification sent and the answer got",
  "POST /_control/faults               add a fault rule (docs/payment-partners.md); GET lists, DELETE clears",
  "GET|POST /_control/accounts         list, or add {number, holderName, closed?}",
  "POST /_control/notify               send {partner, reference, state, signing?: valid|forged|unsigned|stale, eventId?, rawBody?, amountOverride?}",
  "POST /_control/expire-tokens        forget every SNAP access token issued",
  "POST /_control/reset                forget transactions, deliveries, faults, tokens, added accounts",
];

interface Control {
  state: SimulatorState;
  notifier: Notifier;
  keys: SimulatorKeys;
  reset: () => void;
}

/** The simulator's own JSON API: what it holds, and what to do next. */
export async function controlRoute(control: Control, method: string, path: string, rawBody: Buffer): Promise<Answer> {
  const { state } = control;
  const json = (): unknown => {
    try {
      return rawBody.length === 0 ? {} : JSON.parse(rawBody.toString("utf8"));
    } catch {
      return null;
    }
  };
  const invalid = (error: z.ZodError): Answer => ({ status: 400, json: { error: z.prettifyError(error) } });
  switch (`${method} ${path}`) {
    case "GET /":
      return { status: 200, json: { partners: PAYMENT_PARTNERS.filter((p) => Object.hasOwn(control.keys, p.code)).map((p) => p.code), routes: ROUTES } };
    case "GET /_control/transactions":
      return { status: 200, json: { transactions: state.ledger.all(), duplicates: state.ledger.duplicates() } };
    case "GET /_control/deliveries":
      return { status: 200, json: { deliveries: control.notifier.deliveries() } };
    case "GET /_control/faults":
      return { status: 200, json: { faults: state.faults.list() } };
    case "DELETE /_control/faults":
      state.faults.clear();
      return { status: 200, json: { faults: [] } };
    case "POST /_control/faults": {
      const rule = faultRule.safeParse(json());
      if (!rule.success) return invalid(rule.error);
      state.faults.add(rule.data);
      return { status: 200, json: { faults: state.faults.list() } };
    }
    case "GET /_control/accounts":
      return { status: 200, json: { accounts: state.accounts.all() } };
    case "POST /_control/accounts": {
      const account = accountInput.safeParse(json());
      if (!account.success) return invalid(account.error);
      state.accounts.put(account.data);
      return { status: 200, json: { account: account.data } };
    }
    case "POST /_control/expire-tokens":
      state.tokens.clear();
      return { status: 200, json: { ok: true } };
    case "POST /_control/reset":
      control.reset();
      return { status: 200, json: { ok: true } };
    case "POST /_control/notify": {
      const input = notifyInput.safeParse(json());
      if (!input.success) return invalid(input.error);
      if (!Object.hasOwn(control.keys, input.data.partner)) return { status: 400, json: { error: `unknown partner ${input.data.partner}` } };
      const held = state.ledger.find(input.data.partner, input.data.reference) ?? standIn(input.data.partner, input.data.reference, input.data.amount);
      const transaction = input.data.amountOverride === undefined ? held : { ...held, amount: input.data.amountOverride };
      const delivery = await control.notifier.send(input.data.partner, transaction, input.data.state, {
        signing: input.data.signing,
        retry: false,
        ...(input.data.eventId === undefined ? {} : { eventId: input.data.eventId }),
        ...(input.data.rawBody === undefined ? {} : { rawBody: input.data.rawBody }),
      });
      return { status: 200, json: { delivery } };
    }
    default:
      return { status: 404, json: { error: "no such route; GET / lists them" } };
  }
}

/** A transaction the simulator never held, for a notification about it. */
function standIn(partner: string, reference: string, amount: number): Transaction {
  const at = new Date().toISOString();
  return {
    partner,
    reference,
    externalId: "0",
    partnerReference: `SIM-${reference}`.slice(0, 64),
    amount,
    institution: "",
    accountNumber: "",
    state: "pending",
    failure: null,
    refusedOnReceipt: false,
    createdAt: at,
    paidAt: null,
    reversedAt: null,
    duplicates: 0,
  };
}
