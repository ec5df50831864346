import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogEntry } from "../../scripts/simulator/client.js";
import {
  auditOf,
  DELISTED_PLATFORM,
  footprint,
  participant,
  partnerCatalogue,
  signatureRecorded,
  simulatorDriver,
  type Participant,
  type SimAnswer,
  type SimulatorDriver,
} from "../support/partnerSimulator.js";

/**
 * What the partner API refuses, on the real emulators over real HTTP through Hosting, sent by the
 * training-partner simulator (scripts/simulator/): requests whose signature is wrong, stale,
 * replayed, from an unknown client or a de-listed partner, and dozens of malformed requests. Each
 * gets its HTTP status and code, and writes nothing: no voucher, purchase, payment token, SMS or
 * settlement changes; a call refused before the partner is known leaves no audit record and no
 * used signature, one refused after it leaves only its audit record, saying how it ended.
 */

const RUN = `R${randomUUID().slice(0, 8)}`;
const P = "/api/v1/integration/payment";
let sim: SimulatorDriver;
let who: Participant;
/** A code bought and not redeemed, and one redeemed (sequence 1 committed). */
let issued: string;
let redeemed: string;
let courses: Awaited<ReturnType<typeof partnerCatalogue>>;

beforeAll(async () => {
  [sim, courses] = await Promise.all([simulatorDriver(), partnerCatalogue(RUN)]);
  who = await participant();
  issued = (await sim.buy(who, courses.webinar, `INV-${RUN}-issued`)).redeemCode;
  redeemed = (await sim.buy(who, courses.selfPaced, `INV-${RUN}-redeemed`)).redeemCode;
  const commit = await sim.post("/institution/commit", { redeemCode: redeemed, sequence: 1 });
  if (!commit.ok) throw new Error(JSON.stringify(commit.answer));
});
afterAll(async () => {
  await sim?.simulator.close();
});

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const sentSignature = async (requestId: string | null): Promise<string> => {
  const log = (await (await fetch(`${sim.simulator.url}/log`)).json()) as LogEntry[];
  const entry = log.find((e) => e.requestId === requestId)!;
  return entry.headers.signature ?? entry.headers.Signature;
};

const otpBody = () => ({
  user_platform_id: `u-${RUN}`,
  prakerja_id: who.pid,
  course_code: courses.design.courseCode,
  schedule_code: courses.design.scheduleCode,
  amount: courses.design.price,
});

describe("requests whose signature does not stand are refused, and write nothing", () => {
  /** Checks a refused call left no trace: the participant's footprint, the audit trail, the replay store. */
  async function refusedCleanly(answer: SimAnswer, status: number, code: string, before: Awaited<ReturnType<typeof footprint>>, signatureKept = false) {
    expect(answer.answer.status).toBe(status);
    expect(answer.answer.body).toMatchObject({ success: false, code, error: { code } });
    expect(await footprint(who, redeemed)).toEqual(before);
    // The audit trail is written after the answer: give it time to show up if it (wrongly) would.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await auditOf(answer.answer.requestId)).toBeNull();
    expect(await signatureRecorded(await sentSignature(answer.answer.requestId))).toBe(signatureKept);
  }

  it("when a commit is signed with a wrong key, then it is 401 signature-invalid", async () => {
    const before = await footprint(who, redeemed);
    const answer = await sim.post("/institution/commit", { redeemCode: issued, faults: { wrongKey: true } });
    await refusedCleanly(answer, 401, "signature-invalid", before);
  });

  it("when the partner's clock is 301 s off either way, then it is 401 timestamp-out-of-window", async () => {
    const before = await footprint(who, redeemed);
    for (const clockSkewSeconds of [301, -301]) {
      const answer = await sim.post("/institution/commit", { redeemCode: issued, faults: { clockSkewSeconds } });
      await refusedCleanly(answer, 401, "timestamp-out-of-window", before);
    }
    // Within the window, a skewed clock is fine (a status call: it changes nothing).
    expect((await sim.post("/institution/status", { redeemCode: issued, faults: { clockSkewSeconds: -290 } })).ok).toBe(true);
  });

  it("when an unknown client code signs, then it is 401 signature-invalid, told apart from nothing else", async () => {
    const before = await footprint(who, redeemed);
    const answer = await sim.post("/institution/commit", { redeemCode: issued, clientCode: `lpk-${RUN.toLowerCase()}` });
    await refusedCleanly(answer, 401, "signature-invalid", before);
  });

  it("when a de-listed platform asks for an OTP with its right key, then it is 403 partner-not-allowed and no OTP is sent", async () => {
    const before = await footprint(who, redeemed);
    const answer = await sim.post("/send", { as: "platform", clientCode: DELISTED_PLATFORM, path: `${P}/send-otp`, body: otpBody() });
    await refusedCleanly(answer, 403, "partner-not-allowed", before);
  });

  it("when a send-otp is delivered twice with the same signature, then one OTP is sent and the copy is 409 signature-replayed", async () => {
    const before = await footprint(who, redeemed);
    const answer = await sim.post("/send", { as: "platform", path: `${P}/send-otp`, body: otpBody(), faults: { duplicate: "replay" } });
    expect(answer.deliveries.map((d) => d.status).sort()).toEqual([200, 409]);
    const copy = answer.deliveries.find((d) => d.status === 409)!;
    expect(copy.body).toMatchObject({ success: false, code: "signature-replayed", error: { code: "signature-replayed" } });
    const after = await footprint(who, redeemed);
    expect(after).toEqual({ ...before, paymentTokens: before.paymentTokens + 1, sms: before.sms + 1 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await auditOf(copy.requestId)).toBeNull();
  });
});

interface Case {
  name: string;
  as?: "platform" | "institution";
  path: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  headerOverrides?: Record<string, string>;
  unsigned?: boolean;
  method?: string;
  clientCode?: string;
  /** HTTP status, the envelope's `code`, and the edge's `error.code` when it differs. */
  status: number;
  code: string;
  errorCode?: string;
  /** A field the error must name. */
  field?: string;
}

const TEXT = { "Content-Type": "text/plain" };
const token = "A".repeat(43);
const authorizeBody = { otp: "123456", invoice_url: "https://platform.test/i/1", invoice_code: `INV-${RUN}-x` };
const bad = (name: string, field: string, body: unknown, path = `${P}/redeem-code/commit`): Case => ({
  name,
  path,
  body,
  status: 400,
  code: "invalid-argument",
  field,
});

/** Built once the codes are known. */
const cases = (): Case[] => [
  // Bodies that are not JSON, or not an object.
  // Declared as text: a body the runtime's JSON parser would refuse first reaches the edge (see the test below).
  { name: "bad JSON", path: `${P}/redeem-code/status`, rawBody: '{"redeem_code":', headers: TEXT, status: 400, code: "invalid-argument", field: "body" },
  { name: "empty body", path: `${P}/redeem-code/status`, rawBody: "", status: 400, code: "invalid-argument", field: "body" },
  { name: "a JSON array", path: `${P}/redeem-code/status`, rawBody: "[]", status: 400, code: "invalid-argument", field: "body" },
  { name: "JSON null", path: `${P}/redeem-code/status`, rawBody: "null", headers: TEXT, status: 400, code: "invalid-argument", field: "body" },
  { name: "a JSON string", path: `${P}/redeem-code/status`, rawBody: `"${issued}"`, headers: TEXT, status: 400, code: "invalid-argument", field: "body" },
  {
    name: "form-encoded content",
    path: `${P}/redeem-code/status`,
    rawBody: `redeem_code=${issued}`,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    status: 400,
    code: "invalid-argument",
    field: "body",
  },
  {
    name: "XML content",
    path: `${P}/redeem-code/commit`,
    rawBody: `<redeem_code>${issued}</redeem_code>`,
    headers: { "Content-Type": "application/xml" },
    status: 400,
    code: "invalid-argument",
    field: "body",
  },
  {
    name: "nested 40 deep",
    path: `${P}/redeem-code/commit`,
    rawBody: `{"redeem_code":${"[".repeat(40)}${"]".repeat(40)}}`,
    status: 400,
    code: "invalid-argument",
    field: "body",
  },
  {
    name: "a reserved key",
    path: `${P}/redeem-code/commit`,
    rawBody: `{"redeem_code":"${issued}","__proto__":{"x":1}}`,
    status: 400,
    code: "invalid-argument",
    field: "body",
  },
  {
    name: "a body over 1 MiB",
    path: `${P}/redeem-code/commit`,
    body: { redeem_code: issued, padding: "x".repeat(1_100_000) },
    status: 413,
    code: "payload-too-large",
  },
  // Missing fields and wrong types.
  bad("no redeem_code", "body.redeem_code", { sequence: 1 }),
  bad("redeem_code a number", "body.redeem_code", { redeem_code: 12345 }),
  bad("redeem_code empty", "body.redeem_code", { redeem_code: "" }),
  bad("redeem_code blank", "body.redeem_code", { redeem_code: "   " }),
  bad("redeem_code 65 characters", "body.redeem_code", { redeem_code: "A".repeat(65) }),
  bad("sequence 0", "body.sequence", { redeem_code: redeemed, sequence: 0 }),
  bad("sequence 11", "body.sequence", { redeem_code: redeemed, sequence: 11 }),
  bad("sequence 1000", "body.sequence", { redeem_code: redeemed, sequence: 1000 }),
  bad("sequence -1", "body.sequence", { redeem_code: redeemed, sequence: -1 }),
  bad("sequence a string", "body.sequence", { redeem_code: redeemed, sequence: "2" }),
  bad("sequence 1.5", "body.sequence", { redeem_code: redeemed, sequence: 1.5 }),
  bad("sequence null", "body.sequence", { redeem_code: redeemed, sequence: null }),
  bad("status with sequence 998", "body.sequence", { redeem_code: redeemed, sequence: 998 }, `${P}/redeem-code/status`),
  bad("score 101", "body.score", { redeem_code: redeemed, sequence: 999, score: 101 }),
  bad("score -0.5", "body.score", { redeem_code: redeemed, sequence: 999, score: -0.5 }),
  bad("score a string", "body.score", { redeem_code: redeemed, sequence: 999, score: "90" }),
  // Well-formed, refused by the rules.
  {
    name: "post-test without score",
    path: `${P}/redeem-code/commit`,
    body: { redeem_code: redeemed, sequence: 999 },
    status: 400,
    code: "post-test-score-required",
  },
  { name: "session 2 before redeeming", path: `${P}/redeem-code/commit`, body: { redeem_code: issued, sequence: 2 }, status: 400, code: "not-redeemed" },
  { name: "an unknown code", path: `${P}/redeem-code/commit`, body: { redeem_code: `NOPE${RUN}` }, status: 400, code: "redeem-code-unknown" },
  {
    name: "another institution's code",
    path: `${P}/redeem-code/status`,
    clientCode: "lpk-nusantara",
    body: { redeem_code: issued },
    status: 400,
    code: "redeem-code-unknown",
  },
  // Method, path, caller kind.
  { name: "GET", path: `${P}/redeem-code/status`, method: "GET", rawBody: "", status: 405, code: "method-not-allowed" },
  { name: "PUT", path: `${P}/redeem-code/commit`, method: "PUT", body: { redeem_code: issued }, status: 405, code: "method-not-allowed" },
  { name: "an unknown path", path: `${P}/redeem-code/delete`, body: { redeem_code: issued }, status: 404, code: "not-found" },
  {
    name: "a platform at an institution's endpoint",
    as: "platform",
    path: `${P}/redeem-code/status`,
    body: { redeem_code: issued },
    status: 403,
    code: "partner-not-allowed",
  },
  { name: "an institution at a platform's endpoint", path: `${P}/send-otp`, body: otpBody(), status: 403, code: "partner-not-allowed" },
  // Malformed signature headers.
  {
    name: "no signature headers",
    path: `${P}/redeem-code/status`,
    body: { redeem_code: issued },
    unsigned: true,
    status: 401,
    code: "unauthenticated",
    field: "headers.signature",
  },
  {
    name: "signature not hex",
    path: `${P}/redeem-code/status`,
    body: { redeem_code: issued },
    headerOverrides: { signature: "z".repeat(40) },
    status: 401,
    code: "unauthenticated",
    field: "headers.signature",
  },
  {
    name: "signature base64",
    path: `${P}/redeem-code/status`,
    body: { redeem_code: issued },
    headerOverrides: { signature: "lDwgqONrYkP1dkBLAP/9yGQRzh8=" },
    status: 401,
    code: "unauthenticated",
    field: "headers.signature",
  },
  {
    name: "timestamp in words",
    path: `${P}/redeem-code/status`,
    body: { redeem_code: issued },
    headerOverrides: { timestamp: "yesterday" },
    status: 401,
    code: "unauthenticated",
    field: "headers.timestamp",
  },
  {
    name: "timestamp in milliseconds",
    path: `${P}/redeem-code/status`,
    body: { redeem_code: issued },
    headerOverrides: { timestamp: String(Date.now()) },
    status: 401,
    code: "unauthenticated",
    field: "headers.timestamp",
  },
  {
    name: "client_code with a space",
    path: `${P}/redeem-code/status`,
    body: { redeem_code: issued },
    headerOverrides: { client_code: "akademi digital" },
    status: 401,
    code: "unauthenticated",
    field: "headers.client_code",
  },
  // The platform's endpoints.
  {
    name: "quota without course_code",
    as: "platform",
    path: `${P}/quota-schedule`,
    body: { schedule_code: courses.design.scheduleCode },
    status: 400,
    code: "ERRPLT40036",
    errorCode: "invalid-argument",
    field: "body.course_code",
  },
  {
    name: "quota with a path in course_code",
    as: "platform",
    path: `${P}/quota-schedule`,
    body: { schedule_code: courses.design.scheduleCode, course_code: "../trainings" },
    status: 400,
    code: "ERRPLT40036",
    errorCode: "invalid-argument",
    field: "body.course_code",
  },
  {
    name: "quota of an unknown course",
    as: "platform",
    path: `${P}/quota-schedule`,
    body: { schedule_code: "X-1", course_code: `NOPE-${RUN}` },
    status: 400,
    code: "course-unknown",
  },
  {
    name: "send-otp amount 0",
    as: "platform",
    path: `${P}/send-otp`,
    body: { ...otpBody(), amount: 0 },
    status: 400,
    code: "invalid-argument",
    field: "body.amount",
  },
  {
    name: "send-otp amount with cents",
    as: "platform",
    path: `${P}/send-otp`,
    body: { ...otpBody(), amount: 650_000.5 },
    status: 400,
    code: "invalid-argument",
    field: "body.amount",
  },
  {
    name: "send-otp amount a string",
    as: "platform",
    path: `${P}/send-otp`,
    body: { ...otpBody(), amount: "650000" },
    status: 400,
    code: "invalid-argument",
    field: "body.amount",
  },
  {
    name: "send-otp without prakerja_id",
    as: "platform",
    path: `${P}/send-otp`,
    body: { ...otpBody(), prakerja_id: undefined },
    status: 400,
    code: "invalid-argument",
    field: "body.prakerja_id",
  },
  {
    name: "send-otp for nobody",
    as: "platform",
    path: `${P}/send-otp`,
    body: { ...otpBody(), prakerja_id: `pid-${RUN}` },
    status: 400,
    code: "participant-unknown",
  },
  {
    name: "send-otp with the wrong price",
    as: "platform",
    path: `${P}/send-otp`,
    body: { ...otpBody(), amount: courses.design.price + 1 },
    status: 400,
    code: "amount-mismatch",
  },
  {
    name: "send-otp for a training already bought",
    as: "platform",
    path: `${P}/send-otp`,
    body: { ...otpBody(), course_code: courses.webinar.courseCode, schedule_code: courses.webinar.scheduleCode, amount: courses.webinar.price },
    status: 400,
    code: "already-bought",
  },
  {
    name: "authorize without Authorization",
    as: "platform",
    path: `${P}/authorize`,
    body: authorizeBody,
    status: 400,
    code: "invalid-argument",
    field: "headers.authorization",
  },
  {
    name: "authorize with a Bearer token",
    as: "platform",
    path: `${P}/authorize`,
    body: authorizeBody,
    headers: { Authorization: `Bearer ${token}` },
    status: 400,
    code: "invalid-argument",
    field: "headers.authorization",
  },
  {
    name: "authorize with a short payment token",
    as: "platform",
    path: `${P}/authorize`,
    body: authorizeBody,
    headers: { Authorization: "Payment abc" },
    status: 400,
    code: "invalid-argument",
    field: "headers.authorization",
  },
  {
    name: "authorize with a 5-digit OTP",
    as: "platform",
    path: `${P}/authorize`,
    body: { ...authorizeBody, otp: "12345" },
    headers: { Authorization: `Payment ${token}` },
    status: 400,
    code: "invalid-argument",
    field: "body.otp",
  },
  {
    name: "authorize with an OTP in letters",
    as: "platform",
    path: `${P}/authorize`,
    body: { ...authorizeBody, otp: "abcdef" },
    headers: { Authorization: `Payment ${token}` },
    status: 400,
    code: "invalid-argument",
    field: "body.otp",
  },
  {
    name: "authorize with an invoice_url that is no URL",
    as: "platform",
    path: `${P}/authorize`,
    body: { ...authorizeBody, invoice_url: "not a url" },
    headers: { Authorization: `Payment ${token}` },
    status: 400,
    code: "invalid-argument",
    field: "body.invoice_url",
  },
  {
    name: "authorize with an unknown payment token",
    as: "platform",
    path: `${P}/authorize`,
    body: authorizeBody,
    headers: { Authorization: `Payment ${token}` },
    status: 400,
    code: "payment-token-invalid",
  },
  {
    name: "status of an unknown invoice",
    as: "platform",
    path: `${P}/status`,
    body: { invoice_code: `INV-${RUN}-none` },
    status: 400,
    code: "invoice-unknown",
  },
  {
    name: "void of an unknown transaction",
    as: "platform",
    path: `${P}/void`,
    body: { invoice_code: `INV-${RUN}-issued`, transaction_code: "PKJ0000000000000" },
    status: 400,
    code: "ERRVOD40001",
    errorCode: "transaction-not-found",
  },
  {
    name: "void without transaction_code",
    as: "platform",
    path: `${P}/void`,
    body: { invoice_code: `INV-${RUN}-issued` },
    status: 400,
    code: "invalid-argument",
    field: "body.transaction_code",
  },
];

describe("malformed partner requests", () => {
  it("when a body declared application/json is not JSON, then the functions runtime's parser refuses it 400 before the edge, and nothing is written", async () => {
    const before = await footprint(who, redeemed);
    for (const rawBody of ['{"redeem_code":', "null", `"${issued}"`]) {
      const answer = await sim.post("/send", { as: "institution", path: `${P}/redeem-code/commit`, rawBody, attempts: 1 });
      // Known limitation (README, partner API): not the published envelope, as the edge never sees the request.
      expect(answer.answer.status).toBe(400);
      expect(answer.ok).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await auditOf(answer.answer.requestId)).toBeNull();
    }
    expect(await footprint(who, redeemed)).toEqual(before);
  });

  it("when partners send malformed requests, then each gets its status and code and nothing is written but its audit record", async () => {
    const all = cases();
    expect(all.length).toBeGreaterThanOrEqual(30);
    const before = await footprint(who, redeemed);
    const seen: Array<{ name: string; success: unknown; status: number; code: unknown; errorCode: unknown; fields: string[]; audited: string | null }> = [];
    const wanted: typeof seen = [];
    for (const c of all) {
      const answer = await sim.post("/send", {
        as: c.as ?? "institution",
        path: c.path,
        ...(c.body === undefined ? {} : { body: c.body }),
        ...(c.rawBody === undefined ? {} : { rawBody: c.rawBody }),
        ...(c.headers === undefined ? {} : { headers: c.headers }),
        ...(c.headerOverrides === undefined ? {} : { headerOverrides: c.headerOverrides }),
        ...(c.unsigned === undefined ? {} : { unsigned: c.unsigned }),
        ...(c.method === undefined ? {} : { method: c.method }),
        ...(c.clientCode === undefined ? {} : { clientCode: c.clientCode }),
        attempts: 1,
      });
      const body = answer.answer.body;
      const errorCode = c.errorCode ?? c.code;
      // Refused after the partner is known (400, 413): the audit trail says how the call ended; before (401, 403, 404, 405): no record.
      const audited = c.status === 400 || c.status === 413;
      const trail = await eventually(
        () => auditOf(answer.answer.requestId),
        (outcome) => !audited || outcome !== null,
      );
      const fields = body.error?.fields.map((f) => f.field) ?? [];
      seen.push({
        name: c.name,
        success: typeof body === "object" ? body.success : body,
        status: answer.answer.status,
        code: body.code,
        errorCode: body.error?.code,
        fields: c.field === undefined ? [] : fields.filter((f) => f === c.field),
        audited: trail,
      });
      wanted.push({
        name: c.name,
        success: false,
        status: c.status,
        code: c.code,
        errorCode,
        fields: c.field === undefined ? [] : [c.field],
        audited: audited ? errorCode : null,
      });
    }
    expect(seen).toEqual(wanted);
    expect(await footprint(who, redeemed)).toEqual(before);
  }, 300_000);
});
