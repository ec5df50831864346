import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { snapTimestamp } from "../../functions/src/domain/payouts/snap.js";
import { HOST, PAYMENTS_SIMULATOR_PORT, URLS } from "../stack/config.js";
import { accountBook } from "./accounts.js";
import { controlRoute } from "./control.js";
import { faultRules } from "./faults.js";
import { readSimulatorKeys, type SimulatorKeys } from "./keys.js";
import { ledger } from "./ledger.js";
import { notifier, type RetryPolicy } from "./notifier.js";
import { snapRoute } from "./snapRoutes.js";
import { tokenRoute } from "./tokenRoutes.js";
import type { Answer, PartnerRequest, SimulatorState } from "./types.js";

/**
 * The payment-partner simulator: a real HTTP server (node:http) playing every payment partner of
 * PAYMENT_PARTNERS under `/<code>/…` — the SNAP bank and e-wallet and the token gateway — exactly as
 * the adapters (functions/src/adapters/payments/) speak to them, checking our signatures and
 * keys, keeping transactions in memory, and notifying the program's webhook
 * (`<webhookBase>/<code>/notify`) of each outcome, with faults on demand. Its control API and
 * faults are in docs/payment-partners.md and at `GET /`.
 */

export interface PaymentsSimulatorOptions {
  /** Default PAYMENTS_SIMULATOR_PORT (scripts/stack/config.ts); 0 for any free port (tests). */
  port?: number;
  /** The simulator's side of the keys; default `.stack/payment-partners.json` (written by the launcher). */
  keys?: SimulatorKeys;
  /** Where notifications go: `<webhookBase>/<code>/notify`. Default the Hosting emulator's `/api/v1/payments`. */
  webhookBase?: string;
  /** How long after accepting a payout its outcome happens and is notified (default 500 ms). */
  callbackDelayMs?: number;
  /** How a delivery answered other than 2xx is retried (default 5 more attempts, 2 minutes apart, as real partners do). */
  callbackRetry?: RetryPolicy;
}

export interface PaymentsSimulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startPaymentsSimulator(options: PaymentsSimulatorOptions = {}): Promise<PaymentsSimulator> {
  const found = options.keys ?? readSimulatorKeys();
  if (found === null) throw new Error("No payment-partner keys: .stack/payment-partners.json is written by the stack's start (scripts/payments/keys.ts).");
  const keys: SimulatorKeys = found;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };
  const book = accountBook();
  const transactions = ledger();
  const faults = faultRules();
  const notifications = notifier({
    keys,
    webhookBase: options.webhookBase ?? `${URLS.webApp}/api/v1/payments`,
    retry: options.callbackRetry ?? { attempts: 5, spacingMs: 120_000 },
    later,
  });
  const state: SimulatorState = {
    ledger: transactions,
    accounts: book,
    faults,
    tokens: new Map(),
    payoutContext: { ledger: transactions, accounts: book, notifier: notifications, later, callbackDelayMs: options.callbackDelayMs ?? 500 },
  };
  const reset = () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    transactions.reset();
    notifications.reset();
    faults.clear();
    state.tokens.clear();
    book.reset();
  };

  async function route(request: IncomingMessage, rawBody: Buffer): Promise<Answer> {
    const url = request.url ?? "/";
    const parsed = new URL(url, "http://simulator");
    const method = request.method ?? "GET";
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : value]));
    if (parsed.pathname.startsWith("/_control/") || parsed.pathname === "/")
      return controlRoute({ state, notifier: notifications, keys, reset }, method, parsed.pathname, rawBody);
    const match = /^\/([a-z0-9-]+)(\/.*)$/.exec(parsed.pathname);
    const partnerKeys = match === null ? undefined : keys[match[1] ?? ""];
    if (match === null || partnerKeys === undefined) return { status: 404, json: { error: "no such partner; GET / lists the routes" } };
    const partnerRequest: PartnerRequest = { partner: match[1] ?? "", method, url, subpath: match[2] ?? "", query: parsed.searchParams, headers, rawBody };
    return partnerKeys.protocol === "snap" ? snapRoute(state, partnerKeys, partnerRequest) : tokenRoute(state, partnerKeys, partnerRequest);
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      void route(request, Buffer.concat(chunks))
        .catch((error: unknown): Answer => ({ status: 500, json: { error: error instanceof Error ? error.message : String(error) } }))
        .then((answer) => {
          const write = () => {
            if (response.destroyed) return;
            const body = answer.text ?? JSON.stringify(answer.json ?? null);
            response.writeHead(answer.status, { "content-type": answer.contentType ?? "application/json", "x-timestamp": snapTimestamp(new Date()) }).end(body);
          };
          if (answer.delayMs === undefined) write();
          else later(answer.delayMs, write);
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? PAYMENTS_SIMULATOR_PORT, HOST, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    url: `http://${HOST}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        reset();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
