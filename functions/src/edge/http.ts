import { randomUUID } from "node:crypto";
import type { Response } from "express";
import { onRequest, type HttpsFunction, type HttpsOptions, type Request } from "firebase-functions/v2/https";
import type { z } from "zod";
import type { Outcome, RefusalDetails } from "../domain/outcome.js";
import { wibTime } from "../domain/wave.js";
import { logs } from "../logs.js";
import { HTTP_EDGE_ERRORS, HTTP_FIELD_MESSAGES, REQUEST_ID, type HttpEdgeError, type HttpError } from "../schemas/http.js";
import { fieldErrors, type FieldError } from "../schemas/messages.js";
import type { Authenticator, EdgeRequest } from "./httpAuth.js";
import { inputShapeProblem } from "./inputShape.js";
import { transportCodeOf } from "./transportErrors.js";

export { idToken, partnerSignature, publicAccess } from "./httpAuth.js";

type Text = { id: string; en: string };

/** The parts of a request an endpoint reads, each with its schema. */
export interface HttpInput {
  /** Parses the request's path (`/draws/2026-1/manifest.json`): a path that does not parse is 404. */
  path?: z.ZodType;
  query?: z.ZodType;
  /** Header names in lower case, as Node gives them. */
  headers?: z.ZodType;
  /** A JSON body (at most 1 MiB). Without it, the handler reads only the raw bytes. */
  body?: z.ZodType;
}

export type Parsed<I extends HttpInput> = { [K in keyof I]: I[K] extends z.ZodType ? z.output<I[K]> : never };

export interface HttpContext {
  requestId: string;
  /** The body's bytes as they arrived. */
  rawBody: Buffer;
  /** Every header, names in lower case (repeated ones joined with ", "): for a webhook whose adapter checks its own signature headers. */
  headers: Record<string, string | undefined>;
  /** A streamed (`ndjson`) answer: sends this line now, with status 200 if it is the first. */
  line: (value: unknown) => void;
  /**
   * A `stream` answer (a download): `open` sends status 200 with the answer's content type and these
   * headers (e.g. the expected total); `write` sends a chunk and resolves once the client can take
   * more (backpressure), or rejects when the client has gone.
   */
  stream: { open: (headers: Record<string, string>) => void; write: (chunk: string) => Promise<void> };
}

export interface HttpSpec<I extends HttpInput, C, T, Reason extends string> {
  /** The deployed function's name, for logs. */
  name: string;
  /** The one method served (GET also answers HEAD, except for streams); another is 405. */
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  auth: Authenticator<C>;
  input: I;
  /** The HTTP status of each refusal the use case can return; its `code` is the reason itself. */
  refusals: Record<NoInfer<Reason>, number>;
  /** What each refusal says, in Bahasa Indonesia and English. */
  texts: Record<NoInfer<Reason>, Text>;
  /**
   * `json` (the default): the value, with these headers. `ndjson`: the lines the handler sends as it
   * goes, then `{"done": value}`; a failure after the first line ends it with an `{"error": …}` line.
   * `stream`: the bytes the handler writes (`context.stream`), of `contentType`; the value is only
   * logged. A failure after the first byte breaks the connection off, so a partial download fails
   * in the client instead of passing for a whole one.
   */
  answer?: { kind?: "json" | "ndjson" | "stream"; headers?: Record<string, string>; contentType?: string };
  /**
   * `edge` (the default): the value as it is, errors in the one shape of schemas/http.ts.
   * `partner-api`: the program's published partner API envelope — `{success: true, message, data}`,
   * and errors `{success: false, code, message}` (message in Bahasa Indonesia, as published) with
   * the edge's own error object beside them under `error` (both languages, fields, requestId).
   */
  envelope?: { kind: "partner-api"; message: string; codes?: Partial<Record<string, string>> };
  /** Runtime options; the authenticator's secrets are added to them. */
  options?: HttpsOptions;
  handle(input: Parsed<I>, caller: C, context: HttpContext): Promise<Outcome<T, Reason>>;
}

/** The deployed function of an endpoint. */
export function http<I extends HttpInput, C, T, Reason extends string>(spec: HttpSpec<I, C, T, Reason>): HttpsFunction {
  const secrets = [...(spec.options?.secrets ?? []), ...(spec.auth.secrets ?? [])];
  return onRequest({ ...spec.options, ...(secrets.length > 0 ? { secrets } : {}) }, httpHandler(spec));
}

/** An endpoint ready to sit behind a router: its handler and the secrets it needs. */
export interface Route {
  handle: (req: Request, res: Response) => Promise<void>;
  secrets: NonNullable<HttpsOptions["secrets"]>;
}

/** An endpoint as a route of `httpRouter`: exactly `http(spec)`, without its own deployed function. */
export function route<I extends HttpInput, C, T, Reason extends string>(spec: HttpSpec<I, C, T, Reason>): Route {
  return { handle: httpHandler(spec), secrets: [...(spec.options?.secrets ?? []), ...(spec.auth.secrets ?? [])] };
}

/**
 * One deployed function serving several endpoints by exact path (the program's partner API:
 * `/api/v1/integration/…`: one Hosting rewrite, one pool of warm instances). A path it does not
 * know is 404 in the published envelope, with the edge's error beside it.
 */
export function httpRouter(routes: Record<string, Route>, options: HttpsOptions = {}): HttpsFunction {
  const secrets = [...new Set(Object.values(routes).flatMap((r) => r.secrets))];
  return onRequest({ ...options, ...(secrets.length > 0 ? { secrets } : {}) }, async (req, res) => {
    const found = Object.hasOwn(routes, req.path) ? routes[req.path] : undefined;
    if (found !== undefined) return found.handle(req, res);
    const requestId = randomUUID();
    const { status, message } = HTTP_EDGE_ERRORS["not-found"];
    res
      .status(status)
      .set({ "x-request-id": requestId, "cache-control": "no-store" })
      .json({ success: false, code: "not-found", message: message.id, error: { code: "not-found", message, fields: [], requestId } });
  });
}

const MAX_JSON_BYTES = 1024 * 1024;

/**
 * The one place where HTTP requests that are not callables meet the code (partner APIs, webhooks,
 * public downloads, imports). In order: the method (405), the path (404), the caller (401, 409 for
 * a replayed signature), the query, headers and body (400, every bad field named in both
 * languages), then one use-case call whose refusals become their declared statuses. Anything
 * unexpected is logged and answered without detail (409 `aborted` or 503 `unavailable` when
 * sending it again may work, otherwise 500 `internal`). Every answer carries `x-request-id`;
 * every error has the one shape of schemas/http.ts; every log line carries the request ID.
 */
export function httpHandler<I extends HttpInput, C, T, Reason extends string>(spec: HttpSpec<I, C, T, Reason>) {
  return async (req: Request, res: Response): Promise<void> => {
    const incoming = req.get("x-request-id");
    const requestId = incoming !== undefined && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.set({ "x-request-id": requestId, "x-content-type-options": "nosniff" });
    const out = answers<C>(res, requestId, spec.envelope, spec.answer?.kind === "stream");
    try {
      await serve(spec, req, res, requestId, out);
    } catch (error) {
      const code = transportCodeOf(error);
      logs.httpFailed(spec.name, requestId, code, error);
      out.error(code, HTTP_EDGE_ERRORS[code]);
    }
    if (out.known !== null && spec.auth.record !== undefined) {
      // The caller's audit trail: what was asked and how it ended, never the body.
      await spec.auth.record(out.known.caller, { requestId, endpoint: spec.name, outcome: out.outcome }).catch((error: unknown) => {
        logs.httpFailed(spec.name, requestId, "audit-trail", error);
      });
    }
  };
}

async function serve<I extends HttpInput, C, T, Reason extends string>(
  spec: HttpSpec<I, C, T, Reason>,
  req: Request,
  res: Response,
  requestId: string,
  out: ReturnType<typeof answers<C>>,
): Promise<void> {
  const edge = (code: HttpEdgeError, more: { fields?: FieldError[] } = {}) => out.error(code, HTTP_EDGE_ERRORS[code], more);
  // A stream's handler does its work (and records it: an export is audited) as it writes, so a
  // HEAD would run a whole export to send no body: streams answer GET only.
  const headServed = spec.method === "GET" && spec.answer?.kind !== "stream";
  if (req.method !== spec.method && !(req.method === "HEAD" && headServed)) {
    res.set("allow", headServed ? "GET, HEAD" : spec.method);
    return edge("method-not-allowed");
  }
  const path = spec.input.path?.safeParse(req.path);
  if (path !== undefined && !path.success) return edge("not-found");

  const request: EdgeRequest = {
    method: req.method,
    path: req.path,
    target: req.originalUrl,
    headers: req.headers,
    rawBody: req.rawBody ?? Buffer.alloc(0),
    requestId,
  };
  const auth = await spec.auth.authenticate(request);
  if (!auth.ok) {
    logs.httpUnauthenticated(spec.name, requestId, auth.code, auth.id);
    return edge(auth.code, { fields: auth.fields ?? [] });
  }
  out.known = { caller: auth.caller };

  if (spec.input.body !== undefined && request.rawBody.length > MAX_JSON_BYTES) return edge("payload-too-large");
  const parsed: Record<string, unknown> = { path: path?.data };
  const fields: FieldError[] = [];
  for (const part of ["query", "headers", "body"] as const) {
    const schema = spec.input[part];
    if (schema === undefined) continue;
    const value = part === "body" ? jsonOf(request.rawBody) : part === "query" ? req.query : req.headers;
    if (value instanceof Problem) {
      fields.push({ field: "body", code: value.code, message: HTTP_FIELD_MESSAGES[value.code] });
      continue;
    }
    const result = schema.safeParse(value, { reportInput: true });
    if (result.success) parsed[part] = result.data;
    else fields.push(...fieldErrors(result.error).map((f) => ({ ...f, field: f.field === "" ? part : `${part}.${f.field}` })));
  }
  if (fields.length > 0) {
    logs.httpInputRejected(
      spec.name,
      requestId,
      fields.map((f) => f.field),
    );
    return edge("invalid-argument", { fields });
  }

  const streamed = spec.answer?.kind === "ndjson";
  const line = (value: unknown) => {
    if (!streamed) throw new Error(`${spec.name}: a line sent on a JSON answer`);
    out.line(value);
  };
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : value]));
  const raw = spec.answer?.kind === "stream";
  const stream: HttpContext["stream"] = {
    open(extra) {
      if (!raw) throw new Error(`${spec.name}: a stream opened on a ${spec.answer?.kind ?? "json"} answer`);
      if (res.headersSent) return;
      res.status(200).set({ "content-type": spec.answer?.contentType ?? "application/octet-stream", "cache-control": "no-store", ...extra });
    },
    write(chunk) {
      stream.open({});
      if (res.destroyed || res.writableEnded) return Promise.reject(new Error(`${spec.name}: the client went away`));
      if (res.write(chunk)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const gone = () => reject(new Error(`${spec.name}: the client went away`));
        res.once("close", gone);
        res.once("drain", () => {
          res.off("close", gone);
          resolve();
        });
      });
    },
  };
  const context: HttpContext = { requestId, rawBody: request.rawBody, headers, line, stream };
  const outcome = await spec.handle(parsed as Parsed<I>, auth.caller, context);
  if (!outcome.ok) {
    logs.httpRefused(spec.name, requestId, outcome.reason, auth.id);
    const text = spec.texts[outcome.reason];
    const message = { id: filled(text.id, outcome.details), en: filled(text.en, outcome.details) };
    return out.error(outcome.reason, { status: spec.refusals[outcome.reason], message }, { details: outcome.details });
  }
  out.outcome = "ok";
  if (raw) {
    stream.open({});
    res.end();
    return;
  }
  if (streamed) {
    out.line({ done: outcome.value });
    res.end();
    return;
  }
  res
    .status(200)
    .set(spec.answer?.headers ?? {})
    .json(spec.envelope === undefined ? outcome.value : { success: true, message: spec.envelope.message, data: outcome.value });
}

class Problem {
  constructor(readonly code: keyof typeof HTTP_FIELD_MESSAGES) {}
}

/** The body as JSON, or why it is not usable: not JSON, or out of the shape limits (inputShape.ts). */
function jsonOf(raw: Buffer): unknown {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString("utf8"));
  } catch {
    return new Problem("body-not-json");
  }
  return inputShapeProblem(value) === null ? value : new Problem("body-shape");
}

/** Writing the answer: JSON, or NDJSON lines; an error in the one shape, however far the answer got. */
function answers<C>(res: Response, requestId: string, envelope: HttpSpec<HttpInput, C, unknown, string>["envelope"], download = false) {
  return {
    /** The authenticated caller, once known: its call goes into its audit trail. */
    known: null as { caller: C } | null,
    /** How the call ended: "ok", or the error code sent. */
    outcome: "internal",
    line(value: unknown) {
      if (!res.headersSent) res.status(200).set({ "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" });
      res.write(`${JSON.stringify(value)}\n`);
    },
    error(code: string, how: { status: number; message: Text }, more: { fields?: FieldError[]; details?: RefusalDetails | undefined } = {}) {
      const body: HttpError = {
        error: {
          code,
          message: { ...how.message },
          fields: more.fields ?? [],
          ...(more.details === undefined ? {} : { details: { ...more.details } }),
          requestId,
        },
      };
      this.outcome = code;
      if (res.writableEnded) return;
      // A download's status is gone with its first byte: break the connection off, so it fails in the client.
      if (res.headersSent && download) res.destroy();
      // A streamed answer's status is gone with its first line: the error is its last line instead.
      else if (res.headersSent) res.end(`${JSON.stringify(body)}\n`);
      else
        res
          .status(how.status)
          .set("cache-control", "no-store")
          .json(envelope === undefined ? body : { success: false, code: envelope.codes?.[code] ?? code, message: how.message.id, ...body });
    },
  };
}

/** An instant as details carry it (`toISOString`, UTC). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/**
 * A refusal text with its `{name}` places filled from the refusal's details: the message says what
 * was found. Details keep instants as ISO strings in UTC, for programs; the message shows them in
 * the program's time, WIB (`2026-03-16 10:00 WIB`), as every other message does.
 */
export function filled(text: string, details: RefusalDetails | undefined): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (details === undefined || !Object.hasOwn(details, name)) return whole;
    const value = details[name];
    return typeof value === "string" && ISO_INSTANT.test(value) ? wibTime(new Date(value)) : String(value);
  });
}
