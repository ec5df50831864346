import { createHmac } from "node:crypto";

/**
 * How a partner's system signs a call, written from the program's published example clients
 * (developer.prakerja.go.id "generate-signature"; github.com/prakerja-dev/example-api-redeem-course)
 * and NOT from our server's code (functions/src/domain/partnerSignature.ts), so the simulator checks
 * the server against the published contract rather than against itself: lowercase hex HMAC-SHA1,
 * under the partner's sign key, of client code + timestamp (Unix seconds) + METHOD + path + body.
 */

/** The published test vector (python/sign-key-generator.py): this input signs to this value. */
export const PUBLISHED_VECTOR = {
  clientCode: "myclient_code",
  timestamp: "1516239022",
  method: "POST",
  path: "/api/v1/integration/payment/redeem-code/commit",
  body: '{"redeem_code":"code"}',
  key: "my_sign_key",
  signature: "943c20a8e36b6243f576404b00fffdc86411ce1f",
} as const;

export function sign(key: string, parts: { clientCode: string; timestamp: string; method: string; path: string; body: string }): string {
  return createHmac("sha1", key).update(`${parts.clientCode}${parts.timestamp}${parts.method}${parts.path}${parts.body}`, "utf8").digest("hex");
}

/**
 * How each published example client writes its request:
 * - `js` (Node, PHP, Java, C#): lowercase header names, the compact JSON body it signs;
 * - `python`: signs the compact `{"redeem_code":"…"}` but sends `json.dumps(data)`, which writes
 *   `{"redeem_code": "…"}` (a space after each colon and comma, non-ASCII as `\uXXXX`);
 * - `ruby`: header names `Client_code`, `Timestamp`, `Signature`;
 * - `go`: the same capitalised names; its signature helper also signs the `Authorization` header's
 *   value between path and body (empty for redeem codes, `Payment <token>` for `authorize`).
 */
export const CLIENT_STYLES = ["js", "python", "ruby", "go"] as const;
export type ClientStyle = (typeof CLIENT_STYLES)[number];

/** `json.dumps(value)` with Python's defaults: `", "` and `": "` separators, ASCII only. */
export function pythonJsonDumps(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const text = JSON.stringify(value) ?? "null";
    return text.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  }
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${pythonJsonDumps(k)}: ${pythonJsonDumps(v)}`).join(", ")}}`;
}

/** The signature headers as a client of `style` names them. */
export function signatureHeaders(style: ClientStyle, values: { clientCode: string; timestamp: string; signature: string }): Record<string, string> {
  const capitalised = style === "ruby" || style === "go";
  return capitalised
    ? { Client_code: values.clientCode, Timestamp: values.timestamp, Signature: values.signature }
    : { client_code: values.clientCode, timestamp: values.timestamp, signature: values.signature };
}
