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
  // The program's published example (developer.prakerja.go.id/generate-signature): HMAC-SHA1, lowercase hex.
  const request = {
    clientCode: "client_code",
    timestamp: "1698289216",
    method: "POST",
    path: "/api/v1/integration/payment/redeem-code/status",
    body: Buffer.from('{"redeem_code":"GHOPNYXUVMT0","sequence":1}'),
  };
  const raw = 'client_code1698289216POST/api/v1/integration/payment/redeem-code/status{"redeem_code":"GHOPNYXUVMT0","sequence":1}';

  it('when the published vector is signed (myclient_code, 1516239022, POST, the commit path, {"redeem_code":"code"}, my_sign_key), then it is 943c20a8…', () => {
    const vector = {
      clientCode: "myclient_code",
      timestamp: "1516239022",
      method: "POST",
      path: "/api/v1/integration/payment/redeem-code/commit",
      body: Buffer.from('{"redeem_code":"code"}'),
    };
    expect(partnerSignature("my_sign_key", vector)).toBe("943c20a8e36b6243f576404b00fffdc86411ce1f");
    expect(signatureMatches(["my_sign_key"], vector, "943c20a8e36b6243f576404b00fffdc86411ce1f")).toBe(true);
  });

  it("when a request is signed, then it is the hex HMAC-SHA1 of client code + timestamp + method + path + body as they are", () => {
    expect(partnerSignature("sign-key", request)).toBe(createHmac("sha1", "sign-key").update(raw).digest("hex"));
  });

  it("when a signature is checked, then either hex case matches and any other value does not", () => {
    const signature = partnerSignature("sign-key", request);
    expect(signatureMatches(["sign-key"], request, signature.toUpperCase())).toBe(true);
    expect(signatureMatches(["sign-key"], request, signature.slice(0, 38))).toBe(false);
    expect(signatureMatches(["other-key"], request, signature)).toBe(false);
    expect(signatureMatches([], request, signature)).toBe(false);
  });

  it("when a key is being rotated, then a signature under the old or the new key matches", () => {
    const old = partnerSignature("old-key", request);
    const rotated = partnerSignature("new-key", request);
    expect([signatureMatches(["old-key", "new-key"], request, old), signatureMatches(["old-key", "new-key"], request, rotated)]).toEqual([true, true]);
    expect(signatureMatches(["new-key"], request, old)).toBe(false);
  });

  it("when the published Python example signs the compact body but sends json.dumps's spaced one, then it matches; a changed value does not", () => {
    const signedCompact = partnerSignature("sign-key", { ...request, body: Buffer.from('{"redeem_code":"GHOPNYXUVMT0"}') });
    const sentSpaced = { ...request, body: Buffer.from('{"redeem_code": "GHOPNYXUVMT0"}') };
    expect(signatureMatches(["sign-key"], sentSpaced, signedCompact)).toBe(true);
    expect(signatureMatches(["sign-key"], { ...request, body: Buffer.from('{"redeem_code": "GHOPNYXUVMT1"}') }, signedCompact)).toBe(false);
  });

  it("when a request carries an Authorization header (a platform's authorize), then it matches signed with or without that value between path and body (the published Go helper's slot)", () => {
    const authorization = "Payment abcdefghijklmnopqrstuvwxyz";
    const withSlot = partnerSignature("sign-key", { ...request, path: `${request.path}${authorization}` });
    const withoutSlot = partnerSignature("sign-key", request);
    expect([
      signatureMatches(["sign-key"], { ...request, authorization }, withSlot),
      signatureMatches(["sign-key"], { ...request, authorization }, withoutSlot),
    ]).toEqual([true, true]);
    expect(signatureMatches(["sign-key"], request, withSlot)).toBe(false);
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
