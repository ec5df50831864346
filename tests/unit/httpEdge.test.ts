import express from "express";
import type { Request } from "firebase-functions/v2/https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { memoryPartnerKeys, memoryPartnerRegistry, memoryUsedSignatures } from "../../functions/src/adapters/memory/partners.js";
import type { PartnerStanding } from "../../functions/src/usecases/ports.js";
import { partnerSignature as sign } from "../../functions/src/domain/partnerSignature.js";
import { done, refused } from "../../functions/src/domain/outcome.js";
import { http, idToken, partnerSignature, publicAccess } from "../../functions/src/edge/http.js";
import { logs } from "../../functions/src/logs.js";
import { httpError } from "../../functions/src/schemas/http.js";
import { waveId } from "../../functions/src/schemas/ids.js";

/**
 * The HTTP edge behind a real HTTP server on 127.0.0.1: each endpoint below is a deployed
 * function's handler (onRequest), given req/res by express as Cloud Functions does, with the
 * raw body kept. Ports are in memory; the clock is fixed.
 */

const NOW = new Date("2026-11-25T03:00:00Z");
const SECONDS = Math.floor(NOW.getTime() / 1000);
const KEY = "partner-key-0123456789abcdef0123456789abcdef";
const tokens = new Map([
  ["admin-token", { uid: "admin-1", token: { role: "admin" } }],
  ["applicant-token", { uid: "person-1", token: {} }],
]);
const idTokens = { verify: (token: string) => Promise.resolve(tokens.get(token) ?? null) };
let usedSignatures = memoryUsedSignatures();
const ROTATED = "partner-key-rotated-0123456789abcdef0123456789";
const standing = (over: Partial<PartnerStanding> = {}): PartnerStanding => ({ kind: "institution", status: "active", callsPerMinute: 1000, ...over });
let partners = memoryPartnerRegistry();
const partnerPorts = () => ({
  partnerKeys: memoryPartnerKeys({ "lp-demo": KEY, "lp-rotating": [KEY, ROTATED], "dp-demo": KEY, "lp-delisted": KEY, "lp-busy": KEY }),
  partners,
  usedSignatures,
  clock: { now: () => NOW },
});
const calls = { handled: 0 };

const order = http({
  name: "order",
  method: "POST",
  auth: idToken(() => ({ idTokens })),
  input: { query: z.object({ mode: z.enum(["check", "apply"]) }), body: z.object({ waveId, seats: z.number().int().positive() }) },
  refusals: { "not-admin": 403, "wave-closed": 409 },
  texts: { "not-admin": { id: "Hanya admin.", en: "Admins only." }, "wave-closed": { id: "Gelombang ditutup.", en: "The wave is closed." } },
  handle: ({ body }, actor) =>
    Promise.resolve().then(() => {
      calls.handled += 1;
      if (actor.claims.role !== "admin") return refused("not-admin");
      if (body.seats === 13) throw new Error("NIK 3171011203900001 leaked into an error message");
      if (body.seats === 10) throw Object.assign(new Error("contention"), { code: 10 });
      if (body.seats > 100) return refused("wave-closed", { seatsLeft: 100 });
      return done({ waveId: body.waveId, seats: body.seats, by: actor.uid });
    }),
});

const redeem = http({
  name: "redeem",
  method: "POST",
  auth: partnerSignature(["institution"], partnerPorts),
  input: { body: z.object({ redeemCode: z.string().min(1) }) },
  refusals: {},
  texts: {},
  handle: ({ body }, partner) => Promise.resolve(done({ redeemCode: body.redeemCode, clientCode: partner.clientCode })),
});

const files = http({
  name: "files",
  method: "GET",
  auth: publicAccess,
  input: {
    path: z
      .string()
      .regex(/^\/files\/[^/]+$/)
      .transform((p) => p.slice("/files/".length))
      .pipe(waveId),
  },
  refusals: { "not-published": 404 },
  texts: { "not-published": { id: "Belum diumumkan.", en: "Not published yet." } },
  answer: { headers: { "cache-control": "public, max-age=300" } },
  handle: ({ path }) => {
    calls.handled += 1;
    return Promise.resolve(path === "drawn" ? done({ wave: path }) : refused("not-published"));
  },
});

const progress = http({
  name: "progress",
  method: "POST",
  auth: publicAccess,
  input: { query: z.object({ upTo: z.coerce.number().int(), fail: z.enum(["refuse", "throw", "no"]) }) },
  refusals: { "too-few": 422 },
  texts: { "too-few": { id: "Terlalu sedikit.", en: "Too few." } },
  answer: { kind: "ndjson" },
  handle: ({ query }, _caller, { line }) =>
    Promise.resolve().then(() => {
      for (let n = 1; n <= query.upTo; n++) line({ progress: n });
      if (query.fail === "refuse") return refused("too-few");
      if (query.fail === "throw") throw new Error("disk full");
      return done({ count: query.upTo });
    }),
});

let base = "";
let close: () => Promise<void> = async () => {};

beforeAll(async () => {
  const app = express();
  // As Cloud Functions gives it: the body read already, its bytes in `rawBody`.
  app.use(express.raw({ type: () => true, limit: "40mb" }), (req, _res, next) => {
    Object.assign(req, { rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) });
    next();
  });
  const routes = { order, redeem, files, progress };
  app.use((req, res) => {
    const name = req.path.split("/")[1] as keyof typeof routes;
    const fn = routes[name];
    if (fn === undefined) res.status(418).end();
    else void fn(req as unknown as Request, res);
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

beforeEach(() => {
  usedSignatures = memoryUsedSignatures();
  partners = memoryPartnerRegistry({
    "lp-demo": standing(),
    "lp-rotating": standing(),
    "dp-demo": standing({ kind: "digital-platform" }),
    "lp-delisted": standing({ status: "delisted" }),
    "lp-busy": standing({ callsPerMinute: 2 }),
  });
  calls.handled = 0;
  vi.restoreAllMocks();
  for (const name of ["httpInputRejected", "httpUnauthenticated", "httpRefused", "httpFailed"] as const) vi.spyOn(logs, name).mockImplementation(() => {});
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { response, status: response.status, text: await response.text() };
}
const errorOf = (text: string) => httpError.parse(JSON.parse(text)).error;

function signed(body: string, overrides: { clientCode?: string; timestamp?: number; key?: string; path?: string } = {}) {
  const clientCode = overrides.clientCode ?? "lp-demo";
  const timestamp = String(overrides.timestamp ?? SECONDS);
  const path = overrides.path ?? "/redeem";
  const signature = sign(overrides.key ?? KEY, { clientCode, timestamp, method: "POST", path, body: Buffer.from(body) });
  return { client_code: clientCode, timestamp, signature };
}

describe("HTTP edge: input", () => {
  it("when the body and query do not match their schemas, then it is 400 with every field named in both languages and the handler never runs", async () => {
    const { status, text, response } = await post("/order?mode=later", { waveId: "__x__", seats: 0 }, { authorization: "Bearer admin-token" });
    expect(status).toBe(400);
    const error = errorOf(text);
    expect(error.code).toBe("invalid-argument");
    expect(error.fields.map((f) => f.field).sort()).toEqual(["body.seats", "body.waveId", "query.mode"]);
    for (const field of error.fields) {
      expect(field.message.id.length).toBeGreaterThan(0);
      expect(field.message.en.length).toBeGreaterThan(0);
      expect(field.message.id).not.toBe(field.message.en);
    }
    expect(error.fields.find((f) => f.field === "body.waveId")?.message.en).toMatch(/wave ID/);
    expect(error.requestId).toBe(response.headers.get("x-request-id"));
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(calls.handled).toBe(0);
    expect(logs.httpInputRejected).toHaveBeenCalledWith("order", error.requestId, expect.arrayContaining(["body.waveId"]));
  });

  it("when the body is not JSON, or nested beyond the limits, then it is 400 on the field `body`", async () => {
    const notJson = await post("/order?mode=check", "{seats: 1", { authorization: "Bearer admin-token" });
    expect(notJson.status).toBe(400);
    const [field, ...more] = errorOf(notJson.text).fields;
    expect([field?.field, field?.code, field?.message.en, more.length]).toEqual(["body", "body-not-json", "The request body is not valid JSON.", 0]);
    expect(field?.message.id).toBe("Isi permintaan bukan JSON yang sah.");
    const deep = await post("/order?mode=check", "[".repeat(5000) + "]".repeat(5000), { authorization: "Bearer admin-token" });
    expect(deep.status).toBe(400);
    expect(errorOf(deep.text).fields[0]?.code).toBe("body-shape");
  });

  it("when a path does not parse (a reserved `__…__` ID), then it is 404 at once and the handler never runs", async () => {
    const response = await fetch(`${base}/files/__x__`);
    expect(response.status).toBe(404);
    expect(errorOf(await response.text())).toMatchObject({ code: "not-found", fields: [] });
    expect(calls.handled).toBe(0);
  });

  it("when the method is not the endpoint's, then it is 405 with Allow; a GET endpoint also answers HEAD", async () => {
    const wrong = await fetch(`${base}/files/drawn`, { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, HEAD");
    expect(errorOf(await wrong.text()).code).toBe("method-not-allowed");
    expect((await fetch(`${base}/files/drawn`, { method: "HEAD" })).status).toBe(200);
  });
});

describe("HTTP edge: ID tokens", () => {
  it("when the token is missing, malformed or unknown, then it is 401 `unauthenticated` and the handler never runs", async () => {
    for (const headers of [{}, { authorization: "admin-token" }, { authorization: "Bearer not-a-token" }] as Array<Record<string, string>>) {
      const { status, text } = await post("/order?mode=check", { waveId: "2026-1", seats: 1 }, headers);
      expect(status).toBe(401);
      const error = errorOf(text);
      expect(error.code).toBe("unauthenticated");
      expect(error.message.id).toMatch(/masuk/);
      expect(error.message.en).toMatch(/sign in/);
    }
    expect(calls.handled).toBe(0);
  });

  it("when the caller's role may not do it, then the use case's refusal is 403 with its code", async () => {
    const { status, text } = await post("/order?mode=check", { waveId: "2026-1", seats: 1 }, { authorization: "Bearer applicant-token" });
    expect(status).toBe(403);
    expect(errorOf(text)).toMatchObject({ code: "not-admin", message: { id: "Hanya admin.", en: "Admins only." }, fields: [] });
    expect(logs.httpRefused).toHaveBeenCalledWith("order", expect.any(String), "not-admin", "person-1");
  });

  it("when the caller is an admin, then the use case's value is the JSON answer, with a request ID", async () => {
    const { status, text, response } = await post("/order?mode=apply", { waveId: "2026-1", seats: 3 }, { authorization: "Bearer admin-token" });
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ waveId: "2026-1", seats: 3, by: "admin-1" });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("HTTP edge: refusals and failures", () => {
  it("when the use case refuses, then the answer is its declared status and code, with its details", async () => {
    const { status, text } = await post("/order?mode=apply", { waveId: "2026-1", seats: 500 }, { authorization: "Bearer admin-token" });
    expect(status).toBe(409);
    expect(errorOf(text)).toMatchObject({ code: "wave-closed", message: { id: "Gelombang ditutup.", en: "The wave is closed." }, details: { seatsLeft: 100 } });
  });

  it("when the handler throws, then it is 500 `internal` with no detail, and the error is logged with the request ID", async () => {
    const { status, text, response } = await post("/order?mode=apply", { waveId: "2026-1", seats: 13 }, { authorization: "Bearer admin-token" });
    expect(status).toBe(500);
    const error = errorOf(text);
    expect(error).toEqual({
      code: "internal",
      message: { id: "Terjadi kesalahan. Coba lagi nanti.", en: "Something went wrong. Try again later." },
      fields: [],
      requestId: response.headers.get("x-request-id"),
    });
    expect(text).not.toMatch(/NIK|3171|leaked|stack/);
    expect(logs.httpFailed).toHaveBeenCalledWith("order", error.requestId, "internal", expect.any(Error));
  });

  it("when Firestore aborts on contention, then it is 409 `aborted`: the client may send it again", async () => {
    const { status, text } = await post("/order?mode=apply", { waveId: "2026-1", seats: 10 }, { authorization: "Bearer admin-token" });
    expect(status).toBe(409);
    expect(errorOf(text).code).toBe("aborted");
  });
});

describe("HTTP edge: request IDs", () => {
  it("when a well-formed X-Request-Id comes in, then it is the answer's and the logs'; a malformed one is replaced", async () => {
    const kept = await post("/order?mode=x", {}, { authorization: "Bearer admin-token", "x-request-id": "trace-2026.11.25:abc" });
    expect(kept.response.headers.get("x-request-id")).toBe("trace-2026.11.25:abc");
    expect(errorOf(kept.text).requestId).toBe("trace-2026.11.25:abc");
    expect(logs.httpInputRejected).toHaveBeenCalledWith("order", "trace-2026.11.25:abc", expect.any(Array));

    const replaced = await post("/order?mode=x", {}, { authorization: "Bearer admin-token", "x-request-id": "<script>alert(1)</script>" });
    const id = replaced.response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(errorOf(replaced.text).requestId).toBe(id);
  });

  it("when an answer succeeds, then it carries a request ID too, and its own cache headers", async () => {
    const response = await fetch(`${base}/files/drawn`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(await response.json()).toEqual({ wave: "drawn" });
  });
});

describe("HTTP edge: partner signatures", () => {
  const body = JSON.stringify({ redeemCode: "PRAT-ABC123" });

  it("when a partner signs client code + timestamp + method + path + raw body with its key, then the request is carried out as theirs", async () => {
    const { status, text } = await post("/redeem", body, signed(body));
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ redeemCode: "PRAT-ABC123", clientCode: "lp-demo" });
    expect(usedSignatures.records.size).toBe(1);
    expect([...partners.calls.values()]).toEqual([{ clientCode: "lp-demo", endpoint: "redeem", outcome: "ok", at: NOW }]);
    const [record] = usedSignatures.records.values();
    expect(record).toEqual({ clientCode: "lp-demo", expiresAt: new Date((SECONDS + 301) * 1000) });
  });

  it("when the signature does not match (wrong key, changed body, other path, unknown client), then it is 401 `signature-invalid`", async () => {
    const cases = [
      { headers: signed(body, { key: "another-key-0123456789abcdef0123456789abcdef" }), sent: body },
      { headers: signed(body), sent: body.replace("ABC", "XYZ") },
      { headers: signed(body, { path: "/redeem/other" }), sent: body },
      { headers: signed(body, { clientCode: "lp-unknown" }), sent: body },
    ];
    for (const { headers, sent } of cases) {
      const { status, text } = await post("/redeem", sent, headers);
      expect(status).toBe(401);
      expect(errorOf(text).code).toBe("signature-invalid");
    }
    expect(usedSignatures.records.size).toBe(0);
  });

  it("when the timestamp is more than 5 minutes from our clock, either way, then it is 401 `timestamp-out-of-window`", async () => {
    for (const timestamp of [SECONDS - 301, SECONDS + 301]) {
      const { status, text } = await post("/redeem", body, signed(body, { timestamp }));
      expect(status).toBe(401);
      expect(errorOf(text).code).toBe("timestamp-out-of-window");
    }
    expect((await post("/redeem", body, signed(body, { timestamp: SECONDS - 300 }))).status).toBe(200);
  });

  it("when the same signed request comes again, even at the same moment, then one is carried out and the others are 409 `signature-replayed`", async () => {
    const headers = signed(body);
    const answers = await Promise.all([post("/redeem", body, headers), post("/redeem", body, headers), post("/redeem", body, headers)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    expect(errorOf(answers.find((a) => a.status === 409)!.text).code).toBe("signature-replayed");
  });

  it("when a partner's key is being rotated, then requests signed with the old and with the new key are both carried out", async () => {
    expect((await post("/redeem", body, signed(body, { clientCode: "lp-rotating" }))).status).toBe(200);
    expect((await post("/redeem", body, signed(body, { clientCode: "lp-rotating", key: ROTATED, timestamp: SECONDS - 1 }))).status).toBe(200);
  });

  it("when a de-listed partner or a partner of another kind signs correctly, then it is 403 `partner-not-allowed`, nothing is recorded as used", async () => {
    for (const clientCode of ["lp-delisted", "dp-demo"]) {
      const { status, text } = await post("/redeem", body, signed(body, { clientCode }));
      expect(status).toBe(403);
      expect(errorOf(text).code).toBe("partner-not-allowed");
    }
    expect(usedSignatures.records.size).toBe(0);
    expect(partners.calls.size).toBe(0);
  });

  it("when a partner has made its calls of the minute, then the next is 429 `rate-limited` and is not carried out", async () => {
    const first = await post("/redeem", body, signed(body, { clientCode: "lp-busy" }));
    const second = await post("/redeem", body, signed(body, { clientCode: "lp-busy", timestamp: SECONDS - 1 }));
    const third = await post("/redeem", body, signed(body, { clientCode: "lp-busy", timestamp: SECONDS - 2 }));
    expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
    expect(errorOf(third.text).code).toBe("rate-limited");
    expect(partners.calls.size).toBe(2);
  });

  it("when a partner's proxy drops underscored header names and it sends X-Client-Code, X-Timestamp and X-Signature instead, then the request is carried out", async () => {
    const { client_code, timestamp, signature } = signed(body);
    const { status } = await post("/redeem", body, { "X-Client-Code": client_code, "X-Timestamp": timestamp, "X-Signature": signature });
    expect(status).toBe(200);
  });

  it("when the published Ruby and Go clients send Client_code, Timestamp and Signature, then the request is carried out", async () => {
    const { client_code, timestamp, signature } = signed(body);
    expect((await post("/redeem", body, { Client_code: client_code, Timestamp: timestamp, Signature: signature })).status).toBe(200);
  });

  it("when the signature headers are missing or malformed, then it is 401 `unauthenticated` naming each header", async () => {
    const { status, text } = await post("/redeem", body, { client_code: "lp demo", timestamp: "yesterday" });
    expect(status).toBe(401);
    const error = errorOf(text);
    expect(error.code).toBe("unauthenticated");
    expect(error.fields.map((f) => f.field).sort()).toEqual(["headers.client_code", "headers.signature", "headers.timestamp"]);
  });
});

describe("HTTP edge: streamed answers", () => {
  const lines = (text: string) =>
    text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it("when the handler sends lines, then they go out as NDJSON and the answer ends with `done`", async () => {
    const { status, text, response } = await post("/progress?upTo=3&fail=no", "");
    expect(status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    expect(lines(text)).toEqual([{ progress: 1 }, { progress: 2 }, { progress: 3 }, { done: { count: 3 } }]);
  });

  it("when it refuses or fails after the first line, then the last line is the error in the one shape; before any line, the status says it", async () => {
    const late = await post("/progress?upTo=2&fail=refuse", "");
    expect(late.status).toBe(200);
    expect(httpError.parse(lines(late.text).at(-1)).error).toMatchObject({ code: "too-few", message: { en: "Too few." } });
    const crashed = await post("/progress?upTo=1&fail=throw", "");
    expect(httpError.parse(lines(crashed.text).at(-1)).error.code).toBe("internal");
    expect(crashed.text).not.toMatch(/disk/);
    const early = await post("/progress?upTo=0&fail=refuse", "");
    expect(early.status).toBe(422);
    expect(errorOf(early.text).code).toBe("too-few");
  });
});
