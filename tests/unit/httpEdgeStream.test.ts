import express from "express";
import type { Request } from "firebase-functions/v2/https";
import type { AddressInfo } from "node:net";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { done, refused } from "../../functions/src/domain/outcome.js";
import { http, publicAccess } from "../../functions/src/edge/http.js";
import { logs } from "../../functions/src/logs.js";
import { REGISTRANT_CSV_COLUMNS, csvRecordOf, exportRegistrantsQuery, type RegistrantRow } from "../../functions/src/schemas/registrants.js";

/**
 * The HTTP edge's `stream` answer (downloads such as the registrants' CSV) behind a real HTTP
 * server on 127.0.0.1: headers sent with the first byte, chunks as the handler writes them, a
 * refusal before the first byte as the one JSON error, and a failure after it breaking the
 * connection off so the client never takes a partial file for a whole one.
 */

/** How many times the handler ran. */
let handled = 0;

const download = http({
  name: "download",
  method: "GET",
  auth: publicAccess,
  input: { query: z.object({ rows: z.coerce.number().int(), fail: z.enum(["refuse", "throw", "no"]) }) },
  refusals: { "not-yours": 403 },
  texts: { "not-yours": { id: "Bukan wilayah Anda.", en: "Not your region." } },
  answer: { kind: "stream", contentType: "text/csv; charset=utf-8" },
  async handle({ query }, _caller, { stream }) {
    handled += 1;
    if (query.fail === "refuse") return refused("not-yours");
    stream.open({ "x-total-count": String(query.rows) });
    for (let n = 1; n <= query.rows; n++) await stream.write(`row-${n}\n`);
    if (query.fail === "throw") throw new Error("Firestore went away");
    return done({ rows: query.rows });
  },
});

let base = "";
let close: () => Promise<void> = async () => {};

beforeAll(async () => {
  const app = express();
  app.use((req, res) => void download(req as unknown as Request, res));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

describe("the HTTP edge: a streamed download", () => {
  it("when the handler opens the stream and writes rows, then the answer is 200 with its content type and headers, then every row", async () => {
    const response = await fetch(`${base}/download?rows=3&fail=no`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("x-total-count")).toBe("3");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.text()).toBe("row-1\nrow-2\nrow-3\n");
  });

  it("when a HEAD comes, then it is 405 with Allow: GET, and the handler never runs (an export is audited as it goes)", async () => {
    vi.spyOn(logs, "httpRefused").mockImplementation(() => undefined);
    const before = handled;
    const response = await fetch(`${base}/download?rows=3&fail=no`, { method: "HEAD" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
    expect(handled).toBe(before);
  });

  it("when the handler refuses before the first byte, then the answer is the one JSON error with the refusal's status", async () => {
    vi.spyOn(logs, "httpRefused").mockImplementation(() => undefined);
    const response = await fetch(`${base}/download?rows=3&fail=refuse`);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not-yours");
  });

  it("when the handler fails after the first rows, then the connection is broken off: the client's read fails instead of ending in a partial file", async () => {
    vi.spyOn(logs, "httpFailed").mockImplementation(() => undefined);
    // The headers may not have left yet: then the request itself fails; either way no file is whole.
    await expect(fetch(`${base}/download?rows=2&fail=throw`).then((response) => response.text())).rejects.toThrow();
  });

  it("when the query is not valid, then it is 400 with the field named, before the handler runs", async () => {
    vi.spyOn(logs, "httpInputRejected").mockImplementation(() => undefined);
    const response = await fetch(`${base}/download?rows=x&fail=no`);
    expect(response.status).toBe(400);
  });
});

describe("the registrants' CSV", () => {
  const row: RegistrantRow = {
    uid: "abc",
    nikMasked: "3171********0001",
    nameMasked: "Dewi L******",
    regencyCode: "3171",
    regency: "Kota Administrasi Jakarta Pusat",
    districtCode: "317101",
    district: "Gambir",
    status: "registered",
    eligible: false,
    reasons: ["under-age", "excluded-occupation"],
    verification: null,
    joinedWave: "2026-1",
    selectedWave: null,
    registeredAt: "2026-03-02T03:00:00.000Z",
    channel: "assisted",
  };

  it("when a row is written, then csv-parse reads back the documented columns, with the reasons joined by ';' and empty cells for none", () => {
    const columns = REGISTRANT_CSV_COLUMNS.map(({ key, header }) => ({ key, header }));
    const text = stringify([csvRecordOf(row)], { header: true, columns });
    const [parsed] = parse<Record<string, string>>(text, { columns: true });
    expect(Object.keys(parsed ?? {})).toEqual(REGISTRANT_CSV_COLUMNS.map((c) => c.header));
    expect(parsed).toMatchObject({
      nik_masked: "3171********0001",
      eligible: "false",
      reasons: "under-age;excluded-occupation",
      verification: "",
      joined_wave: "2026-1",
    });
  });

  it("when an export asks for clear NIKs (include=nik), then the query is refused: the export is masked, always", () => {
    expect(exportRegistrantsQuery.safeParse({ include: "nik" }).success).toBe(false);
    expect(exportRegistrantsQuery.safeParse({ scope: "3171", status: "registered" }).success).toBe(true);
  });
});
