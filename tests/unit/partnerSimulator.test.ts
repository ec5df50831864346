import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { signatureMatches, withinWindow } from "../../functions/src/domain/partnerSignature.js";
import { PartnerClient } from "../../scripts/simulator/client.js";
import { PUBLISHED_VECTOR, pythonJsonDumps, sign } from "../../scripts/simulator/signing.js";

/**
 * The training-partner simulator's client (scripts/simulator/client.ts) against a fake partner API
 * on 127.0.0.1: it signs as the published examples do (and as our verifier accepts, in every
 * client style), re-signs each retry, and injects the faults it is asked for.
 */

const KEY = "k".repeat(40);
const PATH = "/api/v1/integration/payment/redeem-code/commit";

interface Received {
  method: string;
  path: string;
  rawHeaders: string[];
  headers: IncomingMessage["headers"];
  body: Buffer;
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A fake API answering each request with the next of `answers` (the last one repeats). */
async function fakeApi(answers: Array<{ status: number; body: unknown }>) {
  const received: Received[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ method: req.method!, path: req.url!, rawHeaders: req.rawHeaders, headers: req.headers, body: Buffer.concat(chunks) });
      const answer = answers[Math.min(received.length - 1, answers.length - 1)];
      res
        .writeHead(answer.status, { "content-type": "application/json", "x-request-id": String(req.headers["x-request-id"]) })
        .end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const client = new PartnerClient({
    apiBase: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    keyOf: (code) => (code === "akademi-digital" ? KEY : undefined),
    style: "js",
  });
  return { received, client };
}

/** Whether our server's verifier (domain/partnerSignature.ts) accepts what was received. */
function accepted(r: Received, key = KEY): boolean {
  const header = (name: string) => String(r.headers[name]);
  const signed = {
    clientCode: header("client_code"),
    timestamp: header("timestamp"),
    method: r.method,
    path: r.path,
    body: r.body,
    authorization: r.headers.authorization,
  };
  return withinWindow(Number(signed.timestamp), new Date()) && signatureMatches([key], signed, header("signature"));
}

const ok = { status: 200, body: { success: true, message: "OK", data: {} } };

describe("signing as the published example clients do", () => {
  it("when the published vector is signed, then the published signature comes out", () => {
    expect(sign(PUBLISHED_VECTOR.key, PUBLISHED_VECTOR)).toBe(PUBLISHED_VECTOR.signature);
  });

  it("when a body is written as Python's json.dumps does, then it has a space after each colon and comma, and ASCII only", () => {
    expect(pythonJsonDumps({ redeem_code: "X", sequence: 2 })).toBe('{"redeem_code": "X", "sequence": 2}');
    expect(pythonJsonDumps({ a: ["é", null, true] })).toBe('{"a": ["\\u00e9", null, true]}');
  });

  it("when the client signs in each published style, then our verifier accepts every one, with the headers as that client names them", async () => {
    const { received, client } = await fakeApi([ok]);
    for (const style of ["js", "python", "ruby", "go"] as const)
      await client.call("institution", "akademi-digital", PATH, { redeem_code: "ABC" }, { style, headers: { Authorization: "Payment tok" } });
    expect(received.map((r) => accepted(r))).toEqual([true, true, true, true]);
    expect(received[1].body.toString()).toBe('{"redeem_code": "ABC"}');
    const names = received.map((r) => r.rawHeaders.filter((_, i) => i % 2 === 0).filter((n) => /^(client_code|timestamp|signature)$/i.test(n)));
    expect(names).toEqual([
      ["client_code", "timestamp", "signature"],
      ["client_code", "timestamp", "signature"],
      ["Client_code", "Timestamp", "Signature"],
      ["Client_code", "Timestamp", "Signature"],
    ]);
  });
});

describe("a partner's retries and faults", () => {
  it("when the API answers 503 and then 409 aborted, then the client sends again, each time with a new timestamp and signature", async () => {
    const aborted = { status: 409, body: { success: false, code: "aborted", error: { code: "aborted" } } };
    const { received, client } = await fakeApi([{ status: 503, body: { success: false } }, aborted, ok]);
    const sent = await client.call("institution", "akademi-digital", PATH, { redeem_code: "ABC" });
    expect(sent.answer.status).toBe(200);
    expect(sent.deliveries).toMatchObject([{ status: 200, attempts: 3 }]);
    expect(received.every((r) => accepted(r))).toBe(true);
    expect(new Set(received.map((r) => r.headers.signature)).size).toBe(3);
    expect(new Set(received.map((r) => r.headers.timestamp)).size).toBe(3);
  });

  it("when the API answers 409 signature-replayed, then the client does not send it again", async () => {
    const { received, client } = await fakeApi([{ status: 409, body: { success: false, code: "signature-replayed", error: { code: "signature-replayed" } } }]);
    const sent = await client.call("institution", "akademi-digital", PATH, { redeem_code: "ABC" });
    expect(sent.answer.status).toBe(409);
    expect(received).toHaveLength(1);
  });

  it("when a request is duplicated, then it is resent signed anew, or replayed byte for byte", async () => {
    const { received, client } = await fakeApi([ok]);
    await client.call("institution", "akademi-digital", PATH, { redeem_code: "ABC" }, { faults: { duplicate: true } });
    expect(new Set(received.map((r) => r.headers.signature)).size).toBe(2);
    received.length = 0;
    await client.call("institution", "akademi-digital", PATH, { redeem_code: "ABC" }, { faults: { duplicate: "replay" } });
    expect(received).toHaveLength(2);
    expect(received[0].headers.signature).toBe(received[1].headers.signature);
    expect(received[0].headers.timestamp).toBe(received[1].headers.timestamp);
  });

  it("when the clock is skewed, the key is wrong or the client code unknown, then what is sent carries that fault", async () => {
    const { received, client } = await fakeApi([ok]);
    await client.call("institution", "akademi-digital", PATH, { redeem_code: "ABC" }, { faults: { clockSkewSeconds: 301 } });
    expect(Number(received[0].headers.timestamp) - Date.now() / 1000).toBeGreaterThan(299);
    expect(accepted(received[0])).toBe(false);
    await client.call("institution", "akademi-digital", PATH, { redeem_code: "ABC" }, { faults: { wrongKey: true } });
    expect(accepted(received[1])).toBe(false);
    await client.call("institution", "akademi-digital", PATH, { redeem_code: "ABC" }, { clientCode: "nobody" });
    expect(received[2].headers.client_code).toBe("nobody");
    const began = Date.now();
    await client.call("institution", "akademi-digital", PATH, { redeem_code: "ABC" }, { faults: { delayMs: 300 } });
    expect(Date.now() - began).toBeGreaterThanOrEqual(290);
    expect(client.log.map((e) => e.faults)).toEqual([["clock skew 301 s"], ["wrong key"], [], ["held 300 ms"]]);
  });

  it("when equal requests are sent within one second, then each gets its own timestamp, so none is a replay", async () => {
    const { received, client } = await fakeApi([ok]);
    await Promise.all(Array.from({ length: 5 }, () => client.call("institution", "akademi-digital", PATH, { redeem_code: "ABC" })));
    expect(new Set(received.map((r) => r.headers.signature)).size).toBe(5);
    expect(received.every((r) => accepted(r))).toBe(true);
  });
});
