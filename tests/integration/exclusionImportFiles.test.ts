import { describe, expect, it } from "vitest";
import { URLS } from "../../scripts/stack/config.js";
import type { HttpError } from "../../functions/src/schemas/http.js";
import { adminDb } from "../support/admin.js";
import { accountWith } from "../support/stack.js";

/**
 * The file refusals of importExclusionList over real HTTP: their status, words and details reach
 * the caller, and nothing is allocated. Only refused files are sent, so no list gets a version
 * here (exclusionImport.test.ts asserts the versions of its own lists).
 */

const importsOf = async (type: string) => (await adminDb.collection("exclusionImports").where("type", "==", type).get()).size;

async function post(body: Buffer, idToken: string): Promise<{ status: number; error: HttpError["error"] }> {
  const response = await fetch(`${URLS.functions}/importExclusionList?type=social-aid`, {
    method: "POST",
    headers: { "content-type": "text/csv", authorization: `Bearer ${idToken}` },
    body: new Uint8Array(body),
  });
  return { status: response.status, error: ((await response.json()) as HttpError).error };
}

describe("importExclusionList: files refused as a whole", () => {
  it("when the NIK column was saved by Excel as numbers, then 422 says so with the counts, and nothing is allocated", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const before = await importsOf("social-aid");
    const rows = Array.from({ length: 30 }, (_, i) => `3171011203${String(900001 + i).slice(0, 5)}0;Orang ${i + 1}`);
    const answer = await post(Buffer.from(`\uFEFFsep=;\r\nNIK;NAMA\r\n${rows.join("\r\n")}\r\n`), admin.idToken);
    expect(answer.status).toBe(422);
    expect(answer.error).toMatchObject({ code: "nik-damaged-by-excel", details: { column: 1, checked: 30, endingInZero: 30, excelNumbers: 0 } });
    expect(answer.error.message.id).toMatch(/^Excel telah merusak NIK.*sebagai teks/);
    expect(answer.error.message.en).toMatch(/^Excel has damaged the NIKs.*as text/);
    expect(await importsOf("social-aid")).toBe(before);
  });

  it("when the bytes are not UTF-8, then 415 names the line and the byte found", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const answer = await post(Buffer.concat([Buffer.from("nama;nik\r\nJos"), Buffer.from([0xe9]), Buffer.from(";3171011203900001\r\n")]), admin.idToken);
    expect(answer.status).toBe(415);
    expect(answer.error).toMatchObject({ code: "file-not-utf8", details: { line: 2, offset: 13, byte: "0xE9" } });
  });
});
