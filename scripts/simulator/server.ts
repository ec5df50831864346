import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { HOST, SIMULATOR_PORT, URLS } from "../stack/config.js";
import { LOCAL_SECRETS } from "../stack/index.js";
import { PartnerClient, type CallOptions, type Role, type Sent } from "./client.js";
import { CLIENT_STYLES, type ClientStyle } from "./signing.js";

/**
 * The training-partner simulator: a real HTTP server (node:http) that plays a digital platform
 * (sells trainings: quota-schedule, send-otp, authorize, payment status and void) and a training
 * institution (redeem-code status and commit: redeem, sessions, post-test) against the program's
 * partner API, over real HTTP, through Hosting (`/api/v1/integration/payment/…`), signing every
 * call as the published example clients do. A test or the demo drives it with JSON:
 *
 *   POST /platform/buy        {prakerjaId, courseCode, scheduleCode, amount, invoiceCode?, userPlatformId?}
 *                             quota-schedule, then send-otp: answers the payment token; the OTP goes to the participant
 *   POST /platform/authorize  {paymentToken, otp, invoiceCode?, invoiceUrl?}   (invoiceCode defaults to buy's)
 *   POST /platform/quota      {courseCode, scheduleCode}
 *   POST /platform/status     {invoiceCode}
 *   POST /platform/void       {invoiceCode, transactionCode}
 *   POST /institution/status  {redeemCode, sequence?}
 *   POST /institution/commit  {redeemCode, sequence?, score?, certificateCode?}
 *   POST /send                {as: "platform"|"institution", path, body?, rawBody?, method?, headers?, unsigned?, headerOverrides?}
 *                             anything at all, signed as that partner (malformed requests on purpose)
 *   GET  /log                 every request sent and answer got (DELETE /log empties it)
 *   GET  /                    what it plays, and where
 *
 * Every POST also takes `faults` ({duplicate, clockSkewSeconds, wrongKey, delayMs}, client.ts),
 * `style` ("js" | "python" | "ruby" | "go", signing.ts), `clientCode` (sign as another partner) and
 * `attempts`. Each answers 200 with `{ok, answer: {status, body, requestId}, deliveries}` — `ok`
 * when the partner API said `success: true` — and 400 when the simulator's own input is wrong.
 */

export interface SimulatorOptions {
  /** Default SIMULATOR_PORT (scripts/stack/config.ts); 0 for any free port (tests). */
  port?: number;
  /** The partner API's base URL: default the Hosting emulator, as partners call through Hosting. */
  apiBase?: string;
  /** The client codes it plays (default the demo `platform-belajar` and `akademi-digital`). */
  platform?: string;
  institution?: string;
  style?: ClientStyle;
  /** Sign keys by client code; default functions/.secret.local `PARTNER_SIGN_KEYS`, re-read when a code is missing. */
  keys?: Record<string, string>;
}

export interface Simulator {
  url: string;
  port: number;
  client: PartnerClient;
  close(): Promise<void>;
}

const PATHS = {
  quota: "/api/v1/integration/payment/quota-schedule",
  sendOtp: "/api/v1/integration/payment/send-otp",
  authorize: "/api/v1/integration/payment/authorize",
  paymentStatus: "/api/v1/integration/payment/status",
  void: "/api/v1/integration/payment/void",
  redeemStatus: "/api/v1/integration/payment/redeem-code/status",
  redeemCommit: "/api/v1/integration/payment/redeem-code/commit",
} as const;
export const PARTNER_API_PATHS = PATHS;

/** The local sign keys (PARTNER_SIGN_KEYS in functions/.secret.local, written by the stack launcher); the newest of two during a rotation. */
export function localPartnerKeys(file: string = LOCAL_SECRETS): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return {};
  }
  const json = /^PARTNER_SIGN_KEYS='(.+)'$/m.exec(text)?.[1];
  if (json === undefined) return {};
  const parsed = JSON.parse(json) as Record<string, string | string[]>;
  return Object.fromEntries(Object.entries(parsed).map(([code, key]) => [code, Array.isArray(key) ? key[key.length - 1] : key]));
}

const faults = z
  .object({
    duplicate: z.union([z.boolean(), z.enum(["resend", "replay"])]).optional(),
    clockSkewSeconds: z.number().int().min(-86_400).max(86_400).optional(),
    wrongKey: z.boolean().optional(),
    delayMs: z.number().int().min(0).max(600_000).optional(),
  })
  .strict();
const common = {
  faults: faults.optional(),
  style: z.enum(CLIENT_STYLES).optional(),
  clientCode: z.string().min(1).max(200).optional(),
  attempts: z.number().int().min(1).max(10).optional(),
};
const text = z.string().min(1);
const inputs = {
  quota: z.object({ courseCode: text, scheduleCode: text, ...common }),
  buy: z.object({
    prakerjaId: text,
    courseCode: text,
    scheduleCode: text,
    amount: z.number(),
    invoiceCode: text.optional(),
    userPlatformId: text.optional(),
    ...common,
  }),
  authorize: z.object({ paymentToken: text, otp: z.string(), invoiceCode: text.optional(), invoiceUrl: z.string().optional(), ...common }),
  paymentStatus: z.object({ invoiceCode: text, ...common }),
  void: z.object({ invoiceCode: text, transactionCode: text, ...common }),
  redeemStatus: z.object({ redeemCode: text, sequence: z.number().optional(), ...common }),
  redeemCommit: z.object({
    redeemCode: text,
    sequence: z.number().optional(),
    score: z.number().optional(),
    certificateCode: z.string().optional(),
    ...common,
  }),
  send: z.object({
    as: z.enum(["platform", "institution"]),
    path: z.string().startsWith("/"),
    body: z.unknown().optional(),
    rawBody: z.string().optional(),
    method: z
      .string()
      .regex(/^[A-Za-z]+$/)
      .optional(),
    headers: z.record(z.string(), z.string()).optional(),
    unsigned: z.boolean().optional(),
    headerOverrides: z.record(z.string(), z.string()).optional(),
    ...common,
  }),
};

type Common = { faults?: CallOptions["faults"]; style?: ClientStyle | undefined; clientCode?: string | undefined; attempts?: number | undefined };
const optionsOf = (input: Common): CallOptions => ({ faults: input.faults, style: input.style, clientCode: input.clientCode, attempts: input.attempts });

/** What the simulator answers for one partner call: `ok` when the API said `success: true`. */
function result(sent: Sent, more: Record<string, unknown> = {}) {
  const body = sent.answer.body as { success?: unknown } | null;
  return { ok: sent.answer.status === 200 && body?.success === true, answer: sent.answer, deliveries: sent.deliveries, ...more };
}
const dataOf = (sent: Sent) => (sent.answer.body as { data?: Record<string, unknown> } | null)?.data ?? {};

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const platform = options.platform ?? "platform-belajar";
  const institution = options.institution ?? "akademi-digital";
  let keys = options.keys ?? localPartnerKeys();
  const keyOf = (code: string) => {
    if (keys[code] === undefined && options.keys === undefined) keys = localPartnerKeys();
    return keys[code];
  };
  const apiBase = options.apiBase ?? URLS.webApp;
  const client = new PartnerClient({ apiBase, keyOf, style: options.style ?? "js" });
  /** Invoices the platform opened at `buy`, by payment token: `authorize` finds its invoice there. */
  const invoices = new Map<string, string>();
  const as = (role: Role) => (role === "platform" ? platform : institution);

  const routes: Record<string, (body: unknown) => Promise<unknown>> = {
    "POST /platform/quota": async (raw) => {
      const input = inputs.quota.parse(raw);
      return result(
        await client.call("platform", platform, PATHS.quota, { schedule_code: input.scheduleCode, course_code: input.courseCode }, optionsOf(input)),
      );
    },
    "POST /platform/buy": async (raw) => {
      const input = inputs.buy.parse(raw);
      const quota = await client.call(
        "platform",
        platform,
        PATHS.quota,
        { schedule_code: input.scheduleCode, course_code: input.courseCode },
        optionsOf(input),
      );
      if (!result(quota).ok) return { ...result(quota), step: "quota-schedule" };
      const sent = await client.call(
        "platform",
        platform,
        PATHS.sendOtp,
        {
          user_platform_id: input.userPlatformId ?? `sim-user-${input.prakerjaId.slice(0, 40)}`,
          prakerja_id: input.prakerjaId,
          course_code: input.courseCode,
          schedule_code: input.scheduleCode,
          amount: input.amount,
        },
        optionsOf(input),
      );
      const paymentToken = dataOf(sent).payment_token;
      if (typeof paymentToken === "string" && input.invoiceCode !== undefined) invoices.set(paymentToken, input.invoiceCode);
      return { ...result(sent), step: "send-otp", quota: quota.answer, paymentToken, expiresAt: dataOf(sent).expires_at };
    },
    "POST /platform/authorize": async (raw) => {
      const input = inputs.authorize.parse(raw);
      const invoiceCode = input.invoiceCode ?? invoices.get(input.paymentToken);
      if (invoiceCode === undefined) throw new SimulatorInputError("invoiceCode: give one, or buy with one first");
      const sent = await client.call(
        "platform",
        platform,
        PATHS.authorize,
        {
          otp: input.otp,
          invoice_url: input.invoiceUrl ?? `https://${platform}.simulator.test/invoice/${encodeURIComponent(invoiceCode)}`,
          invoice_code: invoiceCode,
        },
        { ...optionsOf(input), headers: { Authorization: `Payment ${input.paymentToken}` } },
      );
      return result(sent, { invoiceCode, transactionCode: dataOf(sent).transaction_code });
    },
    "POST /platform/status": async (raw) => {
      const input = inputs.paymentStatus.parse(raw);
      return result(await client.call("platform", platform, PATHS.paymentStatus, { invoice_code: input.invoiceCode }, optionsOf(input)));
    },
    "POST /platform/void": async (raw) => {
      const input = inputs.void.parse(raw);
      const body = { invoice_code: input.invoiceCode, transaction_code: input.transactionCode };
      return result(await client.call("platform", platform, PATHS.void, body, optionsOf(input)));
    },
    "POST /institution/status": async (raw) => {
      const input = inputs.redeemStatus.parse(raw);
      const body = { redeem_code: input.redeemCode, ...(input.sequence === undefined ? {} : { sequence: input.sequence }) };
      return result(await client.call("institution", institution, PATHS.redeemStatus, body, optionsOf(input)));
    },
    "POST /institution/commit": async (raw) => {
      const input = inputs.redeemCommit.parse(raw);
      const body = {
        redeem_code: input.redeemCode,
        ...(input.sequence === undefined ? {} : { sequence: input.sequence }),
        ...(input.score === undefined ? {} : { score: input.score }),
        ...(input.certificateCode === undefined ? {} : { certificate_code: input.certificateCode }),
      };
      return result(await client.call("institution", institution, PATHS.redeemCommit, body, optionsOf(input)));
    },
    "POST /send": async (raw) => {
      const input = inputs.send.parse(raw);
      const sent = await client.call(input.as, as(input.as), input.path, input.body, {
        ...optionsOf(input),
        rawBody: input.rawBody,
        method: input.method,
        headers: input.headers,
        unsigned: input.unsigned,
        headerOverrides: input.headerOverrides,
      });
      return result(sent);
    },
    "GET /log": () => Promise.resolve(client.log),
    "DELETE /log": () => {
      client.clearLog();
      return Promise.resolve({ cleared: true });
    },
    "GET /": () =>
      Promise.resolve({
        plays: { platform, institution },
        apiBase,
        style: options.style ?? "js",
        keysFor: Object.keys(keys),
        routes: Object.keys(routes),
      }),
  };

  const server = createServer((req, res) => void serve(routes, req, res));
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? SIMULATOR_PORT, HOST, () => resolve((server.address() as AddressInfo).port));
  });
  return {
    url: `http://${HOST}:${port}`,
    port,
    client,
    close: () => closeServer(server),
  };
}

class SimulatorInputError extends Error {}

async function serve(routes: Record<string, (body: unknown) => Promise<unknown>>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? "/", "http://simulator").pathname;
  const route = routes[`${req.method} ${path}`];
  if (route === undefined) return answer(res, 404, { error: `no route ${req.method} ${path}`, routes: Object.keys(routes) });
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  let body: unknown;
  try {
    body = raw.trim() === "" ? {} : JSON.parse(raw);
  } catch {
    return answer(res, 400, { error: "the simulator takes JSON" });
  }
  try {
    answer(res, 200, await route(body));
  } catch (error) {
    if (error instanceof z.ZodError) return answer(res, 400, { error: "bad simulator input", issues: error.issues });
    if (error instanceof SimulatorInputError) return answer(res, 400, { error: error.message });
    answer(res, 500, { error: String(error) });
  }
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body, null, 2));
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** `npx tsx scripts/simulator/server.ts`: the simulator alone, against a stack already running (`npm start` runs it too). */
if (import.meta.url === `file://${process.argv[1]}`) {
  const simulator = await startSimulator();
  console.log(`Training-partner simulator on ${simulator.url} (GET / for its routes); Ctrl-C stops it.`);
  const stop = () => void simulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
