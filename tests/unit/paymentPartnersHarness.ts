import { createServer, type Server } from "node:http";
import { z } from "zod";
import { configuredPaymentPartners } from "../../functions/src/adapters/payments/index.js";
import type { PaymentPartnerCode } from "../../functions/src/domain/payouts/partners.js";
import type { IncomingNotification, PaymentPartners } from "../../functions/src/usecases/ports.js";
import { generatePaymentPartnerKeys, type PaymentPartnerKeyPair } from "../../scripts/payments/keys.js";
import { startPaymentsSimulator, type PaymentsSimulator } from "../../scripts/payments/server.js";

/**
 * The payment adapters against the payment-partner simulator, both in this process on free ports,
 * and a webhook that records every notification the simulator sends (answering `webhookStatus`).
 */
export interface Harness {
  simulator: PaymentsSimulator;
  partners: PaymentPartners;
  keys: PaymentPartnerKeyPair;
  received: IncomingNotification[];
  webhookStatus: { value: number };
  control(path: string, body?: unknown, method?: string): Promise<unknown>;
  /** What the simulator holds (`GET /_control/transactions`). */
  transactions(): Promise<z.infer<typeof heldTransactions>>;
  /** Every notification it sent (`GET /_control/deliveries`). */
  deliveries(): Promise<z.infer<typeof sentDeliveries>["deliveries"]>;
  /** Resolves once `count` notifications arrived (or rejects after 5 s). */
  notifications(count: number): Promise<IncomingNotification[]>;
  close(): Promise<void>;
}

const heldTransactions = z.object({ transactions: z.array(z.looseObject({ reference: z.string(), state: z.string() })), duplicates: z.number() });
const sentDeliveries = z.object({ deliveries: z.array(z.looseObject({ partner: z.string(), status: z.number().nullable(), state: z.string() })) });

export async function startHarness(settings: { timeoutMs?: number; retrySpacingMs?: number } = {}): Promise<Harness> {
  const received: IncomingNotification[] = [];
  const webhookStatus = { value: 200 };
  const webhook: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : value]));
      received.push({ method: request.method ?? "", path: request.url ?? "", headers, rawBody: Buffer.concat(chunks) });
      response.writeHead(webhookStatus.value).end();
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, "127.0.0.1", resolve));
  const address = webhook.address();
  const webhookPort = typeof address === "object" && address !== null ? address.port : 0;

  const keys = generatePaymentPartnerKeys();
  const simulator = await startPaymentsSimulator({
    port: 0,
    keys: keys.simulator,
    webhookBase: `http://127.0.0.1:${webhookPort}/api/v1/payments`,
    callbackDelayMs: 20,
    callbackRetry: { attempts: 5, spacingMs: settings.retrySpacingMs ?? 30 },
  });
  const codes: PaymentPartnerCode[] = ["bank-nusantara", "dompet-kita", "kirim-dana"];
  const partners = configuredPaymentPartners({
    urls: () => JSON.stringify(Object.fromEntries(codes.map((code) => [code, `${simulator.url}/${code}`]))),
    keys: () => JSON.stringify(keys.program),
    timeoutMs: settings.timeoutMs ?? 1_000,
  });

  return {
    simulator,
    partners,
    keys,
    received,
    webhookStatus,
    async control(path, body, method = body === undefined ? "GET" : "POST") {
      const response = await fetch(`${simulator.url}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const answer: unknown = await response.json();
      return answer;
    },
    transactions: async () => heldTransactions.parse(await (await fetch(`${simulator.url}/_control/transactions`)).json()),
    deliveries: async () => sentDeliveries.parse(await (await fetch(`${simulator.url}/_control/deliveries`)).json()).deliveries,
    async notifications(count) {
      const deadline = Date.now() + 5_000;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`${received.length} notifications arrived, not ${count}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received.slice(0, count);
    },
    async close() {
      await simulator.close();
      await new Promise((resolve) => webhook.close(resolve));
    },
  };
}

/** Waits `ms`. */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
