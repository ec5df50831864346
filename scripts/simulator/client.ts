import { createHash, randomBytes, randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { pythonJsonDumps, sign, signatureHeaders, type ClientStyle } from "./signing.js";

/**
 * A partner's system calling the program's partner API over real HTTP, as a well-behaved partner
 * does — and, on request, as a badly behaved network or clock makes it behave:
 * - every call is signed (signing.ts) in the client style asked for;
 * - a call answered 5xx, or 409 `aborted` (contention), is sent again, signed anew with a new
 *   timestamp (never the same signature twice: the API refuses a replayed one with 409);
 * - it never signs the same bytes with the same timestamp twice, so two logical requests with
 *   equal bodies within one second get distinct signatures, as a partner's retry a second later would;
 * - faults (`Faults`) can be injected per call.
 * Everything it sends and gets is kept in the call log (GET /log of the simulator).
 */

export interface Faults {
  /**
   * Deliver the same logical request twice, at the same time: `true` or `"resend"` signs each
   * delivery anew (an at-least-once queue); `"replay"` sends the very same bytes, timestamp and
   * signature twice (a proxy or load balancer re-sending).
   */
  duplicate?: boolean | "resend" | "replay";
  /** Seconds added to the partner's clock when it stamps the request (301: just past the 5-minute window). */
  clockSkewSeconds?: number;
  /** Sign with a key that is not the partner's. */
  wrongKey?: boolean;
  /** Hold the signed request this long (ms) before sending it, as a slow queue would. */
  delayMs?: number;
}

export interface CallOptions {
  faults?: Faults | undefined;
  style?: ClientStyle | undefined;
  /** Sign as this client code instead of the role's (one the simulator has no key for is signed with a random key). */
  clientCode?: string | undefined;
  /** More headers, e.g. `Authorization: Payment <token>`, or a `Content-Type` other than JSON. */
  headers?: Record<string, string> | undefined;
  /** Send (and sign) this text as the body instead of the JSON of the body given. */
  rawBody?: string | undefined;
  /** Send no signature headers at all. */
  unsigned?: boolean | undefined;
  /** Replace signature headers after signing (a malformed `timestamp`, a `signature` that is not hex…). */
  headerOverrides?: Record<string, string> | undefined;
  method?: string | undefined;
  /** Attempts in all when the API answers 5xx or 409 `aborted` (default 3). */
  attempts?: number | undefined;
}

export type Role = "platform" | "institution";

export interface Answer {
  status: number;
  /** The JSON answer (the published envelope), or the text when it was not JSON. */
  body: unknown;
  requestId: string | null;
}

export interface Delivery extends Answer {
  /** 1 for the first send, more for retries. */
  attempts: number;
}

export interface Sent {
  /** The answer the partner acts on: the first successful delivery's, else the first delivery's. */
  answer: Answer;
  /** Every delivery of the logical request (two with `duplicate`), each after its retries. */
  deliveries: Delivery[];
}

export interface LogEntry {
  seq: number;
  at: string;
  role: Role;
  clientCode: string;
  method: string;
  url: string;
  /** Header names as sent (capitalised for the Ruby and Go styles). */
  headers: Record<string, string>;
  /** The body as sent (first 2,000 characters). */
  body: string;
  /** Which delivery of the logical request (1, or 2 with `duplicate`) and which attempt. */
  delivery: number;
  attempt: number;
  faults: string[];
  status: number;
  answer: unknown;
  requestId: string | null;
  ms: number;
}

export interface PartnerClientConfig {
  /** Where the partner API is, e.g. the Hosting emulator `http://127.0.0.1:5000`: paths are signed as sent. */
  apiBase: string;
  /** A partner's sign key, or undefined when the simulator has none for it. */
  keyOf: (clientCode: string) => string | undefined;
  /** The client style used when a call names none. */
  style: ClientStyle;
}

const LOG_LIMIT = 2_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class PartnerClient {
  readonly log: LogEntry[] = [];
  private seq = 0;
  /** The last timestamp used per signed content, so equal bytes are never signed twice with one timestamp. */
  private readonly stamps = new Map<string, number>();

  constructor(private readonly config: PartnerClientConfig) {}

  clearLog(): void {
    this.log.length = 0;
  }

  /** One logical request: signed, sent (twice with `duplicate`), retried on 5xx and 409 `aborted`. */
  async call(role: Role, defaultClientCode: string, path: string, body: unknown, options: CallOptions = {}): Promise<Sent> {
    const faults = options.faults ?? {};
    const clientCode = options.clientCode ?? defaultClientCode;
    const deliveries: Delivery[] =
      faults.duplicate === "replay"
        ? await this.replayed(role, clientCode, path, body, options)
        : await Promise.all(
            (faults.duplicate === true || faults.duplicate === "resend" ? [1, 2] : [1]).map((delivery) =>
              this.delivered(role, clientCode, path, body, options, delivery),
            ),
          );
    const answer = deliveries.find((d) => d.status >= 200 && d.status < 300) ?? deliveries[0];
    return { answer: { status: answer.status, body: answer.body, requestId: answer.requestId }, deliveries };
  }

  /** One delivery, signed anew for each attempt. */
  private async delivered(role: Role, clientCode: string, path: string, body: unknown, options: CallOptions, delivery: number): Promise<Delivery> {
    const attempts = Math.max(1, options.attempts ?? 3);
    let last: Answer | undefined;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      const prepared = this.prepare(clientCode, path, body, options);
      last = await this.send(role, clientCode, prepared, options, { delivery, attempt });
      if (!retryable(last)) return { ...last, attempts: attempt };
      await sleep(200 * attempt);
    }
    return { ...last!, attempts };
  }

  /** The same bytes, timestamp and signature sent twice at once. */
  private async replayed(role: Role, clientCode: string, path: string, body: unknown, options: CallOptions): Promise<Delivery[]> {
    const prepared = this.prepare(clientCode, path, body, options);
    const answers = await Promise.all([1, 2].map((delivery) => this.send(role, clientCode, prepared, options, { delivery, attempt: 1 })));
    return answers.map((a) => ({ ...a, attempts: 1 }));
  }

  private prepare(clientCode: string, path: string, body: unknown, options: CallOptions): Prepared {
    const style = options.style ?? this.config.style;
    const method = (options.method ?? "POST").toUpperCase();
    const compact = options.rawBody ?? (body === undefined ? "" : JSON.stringify(body));
    const sent = options.rawBody === undefined && style === "python" && body !== undefined ? pythonJsonDumps(body) : compact;
    const headers: Record<string, string> = { "Content-Type": "application/json", ...(options.headers ?? {}) };
    const authorization = Object.entries(headers).find(([name]) => name.toLowerCase() === "authorization")?.[1];
    // The Go helper signs the Authorization header's value between path and body.
    const signedPath = style === "go" && authorization !== undefined ? `${path}${authorization}` : path;
    const faults = options.faults ?? {};
    const timestamp = this.stamp(`${clientCode}\n${method}\n${signedPath}\n${compact}`, faults.clockSkewSeconds ?? 0);
    const key = faults.wrongKey ? `wrong-${randomBytes(24).toString("base64url")}` : (this.config.keyOf(clientCode) ?? randomBytes(32).toString("base64url"));
    const signature = sign(key, { clientCode, timestamp, method, path: signedPath, body: compact });
    if (options.unsigned !== true) Object.assign(headers, signatureHeaders(style, { clientCode, timestamp, signature }));
    Object.assign(headers, options.headerOverrides ?? {});
    return { method, path, sent, headers };
  }

  /** Unix seconds on the partner's (possibly skewed) clock, later than any used before for the same content. */
  private stamp(content: string, skewSeconds: number): string {
    const id = createHash("sha256").update(content).digest("base64url");
    const now = Math.floor(Date.now() / 1000) + skewSeconds;
    const previous = this.stamps.get(id);
    const timestamp = previous === undefined || now > previous ? now : previous + 1;
    this.stamps.set(id, timestamp);
    if (this.stamps.size > 50_000) this.stamps.clear();
    return String(timestamp);
  }

  private async send(role: Role, clientCode: string, prepared: Prepared, options: CallOptions, at: { delivery: number; attempt: number }): Promise<Answer> {
    const faults = options.faults ?? {};
    if (faults.delayMs !== undefined && faults.delayMs > 0) await sleep(faults.delayMs);
    const requestId = randomUUID();
    const url = new URL(prepared.path, this.config.apiBase);
    const headers = { ...prepared.headers, "X-Request-Id": requestId };
    const began = Date.now();
    const answer = await exchange(url, prepared.method, headers, prepared.sent);
    this.seq += 1;
    this.log.push({
      seq: this.seq,
      at: new Date(began).toISOString(),
      role,
      clientCode,
      method: prepared.method,
      url: url.toString(),
      headers,
      body: prepared.sent.length > 2_000 ? `${prepared.sent.slice(0, 2_000)}…(${prepared.sent.length} characters)` : prepared.sent,
      delivery: at.delivery,
      attempt: at.attempt,
      faults: describeFaults(options),
      status: answer.status,
      answer: answer.body,
      requestId: answer.requestId,
      ms: Date.now() - began,
    });
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
    return answer;
  }
}

interface Prepared {
  method: string;
  path: string;
  sent: string;
  headers: Record<string, string>;
}

/** No answer, a 5xx, or a 409 that is contention (`aborted`), not a replayed signature: worth sending again, signed anew. */
export function retryable(answer: Answer): boolean {
  return answer.status === 0 || answer.status >= 500 || (answer.status === 409 && errorCode(answer.body) === "aborted");
}

/** The edge's error code of an answer (`error.code`), whatever the envelope's published `code`. */
export function errorCode(body: unknown): string | undefined {
  const error = (body as { error?: { code?: unknown } } | null)?.error;
  return typeof error?.code === "string" ? error.code : undefined;
}

function describeFaults(options: CallOptions): string[] {
  const f = options.faults ?? {};
  return [
    ...(f.duplicate === true || f.duplicate === "resend" ? ["duplicate: resent"] : f.duplicate === "replay" ? ["duplicate: replayed"] : []),
    ...(f.clockSkewSeconds ? [`clock skew ${f.clockSkewSeconds} s`] : []),
    ...(f.wrongKey ? ["wrong key"] : []),
    ...(f.delayMs ? [`held ${f.delayMs} ms`] : []),
    ...(options.style !== undefined ? [`style ${options.style}`] : []),
    ...(options.unsigned ? ["unsigned"] : []),
    ...(options.rawBody !== undefined ? ["raw body"] : []),
    ...(options.headerOverrides !== undefined ? [`headers replaced: ${Object.keys(options.headerOverrides).join(", ")}`] : []),
  ];
}

/**
 * One HTTP exchange with node:http, which sends header names exactly as written (fetch would
 * lower-case them, and the Ruby and Go styles are about their capitals). A network failure is
 * answered as status 0, like a partner's HTTP library reporting no answer.
 */
function exchange(url: URL, method: string, headers: Record<string, string>, body: string): Promise<Answer> {
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  const bytes = Buffer.from(body, "utf8");
  return new Promise((resolve) => {
    const req = send(url, { method, headers: { ...headers, "Content-Length": String(bytes.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // Not JSON (an HTML error page from a proxy): kept as text.
        }
        const id = res.headers["x-request-id"];
        resolve({ status: res.statusCode ?? 0, body: parsed, requestId: typeof id === "string" ? id : null });
      });
      res.on("error", (error) => resolve({ status: 0, body: String(error), requestId: null }));
    });
    req.on("error", (error) => resolve({ status: 0, body: String(error), requestId: null }));
    req.end(bytes);
  });
}
