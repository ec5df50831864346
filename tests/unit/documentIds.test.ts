import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { partnerSignature, signatureMatches, withinWindow } from "../../functions/src/domain/partnerSignature.js";
import { documentId, isDocumentId, waveId } from "../../functions/src/schemas/ids.js";
import { fieldErrors } from "../../functions/src/schemas/messages.js";
import { joinWaveInput } from "../../functions/src/schemas/waves.js";

describe("document IDs from outside", () => {
  it.each(["__x__", "____", "__.*__", ".", "..", "", "a/b", "x".repeat(1501), "é".repeat(751)])(
    "when an ID is %j, then Firestore would refuse it and so do we",
    (id) => {
      expect(isDocumentId(id)).toBe(false);
      expect(documentId.safeParse(id).success).toBe(false);
    },
  );

  it.each(["2026-1", "_x_", "__x", "x__", "__", "a.b", "x".repeat(1500)])("when an ID is %j, then it is accepted", (id) => {
    expect(isDocumentId(id)).toBe(true);
  });

  it("when any string of wave-ID characters is checked, then the wave-ID schema accepts it only if Firestore would", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), (id) => {
        expect(waveId.safeParse(id).success).toBe(isDocumentId(id));
      }),
    );
  });

  it("when joinWave is sent a reserved wave ID, then it is a field error in both languages, before any read", () => {
    const parsed = joinWaveInput.safeParse({ waveId: "__x__" });
    expect(parsed.success).toBe(false);
    const errors = fieldErrors(parsed.error!);
    expect(errors.map((e) => [e.field, e.code])).toEqual([["waveId", "custom"]]);
    expect(errors[0]?.message.id).toMatch(/^ID gelombang/);
    expect(errors[0]?.message.en).toMatch(/^A wave ID/);
  });
});

describe("partner signatures", () => {
  // The layout of the real program's example (developer.prakerja.go.id/generate-signature), with SHA-256.
  const request = {
    clientCode: "client_code",
    timestamp: "1698289216",
    method: "POST",
    path: "/api/v1/integration/payment/redeem-code/status",
    body: Buffer.from('{"redeem_code":"GHOPNYXUVMT0","sequence":1}'),
  };
  const raw = 'client_code1698289216POST/api/v1/integration/payment/redeem-code/status{"redeem_code":"GHOPNYXUVMT0","sequence":1}';

  it("when a request is signed, then it is the hex HMAC-SHA256 of client code + timestamp + method + path + body as they are", () => {
    expect(partnerSignature("sign-key", request)).toBe(createHmac("sha256", "sign-key").update(raw).digest("hex"));
  });

  it("when a signature is checked, then either hex case matches and any other value does not", () => {
    const signature = partnerSignature("sign-key", request);
    expect(signatureMatches("sign-key", request, signature.toUpperCase())).toBe(true);
    expect(signatureMatches("sign-key", request, signature.slice(0, 62))).toBe(false);
    expect(signatureMatches("other-key", request, signature)).toBe(false);
  });

  it("when a timestamp is 300 s away, then it is inside the window; 301 s is outside", () => {
    const now = new Date(1_698_289_216_000);
    expect([withinWindow(1_698_288_916, now), withinWindow(1_698_289_516, now), withinWindow(1_698_288_915, now), withinWindow(1_698_289_517, now)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
