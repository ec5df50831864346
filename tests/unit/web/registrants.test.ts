import { afterEach, describe, expect, it, vi } from "vitest";
import { REFUSAL_TEXT } from "../../../functions/src/schemas/refusalMessages.js";
import { downloadRegistrants, exportUrl, type ExportProgress } from "../../../hosting/src/pages/registrants/exportCsv.js";
import { registrantsFailure } from "../../../hosting/src/pages/registrants/failure.js";

/** The registrants page in the web app: the export's URL, its streamed reading with progress, and what each failure shows. */

const refusedWith = (reason: string, code = "not-found") => ({ code: `functions/${code}`, details: { reason, fields: [] } });

/** A CSV answer arriving in these chunks, then ending, or breaking off. */
function answer(chunks: string[], options: { total?: string; breaks?: boolean } = {}): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (options.breaks === true) controller.error(new Error("connection reset"));
      else controller.close();
    },
  });
  const headers: Record<string, string> = { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="pendaftar-3171.csv"' };
  if (options.total !== undefined) headers["x-total-count"] = options.total;
  return new Response(body, { status: 200, headers });
}

afterEach(() => vi.unstubAllGlobals());

describe("the registrants' export in the web app", () => {
  it("when filters are set, then only those go in the query, and none gives the bare path", () => {
    expect(exportUrl({})).toBe("/api/v1/registrants.csv");
    expect(exportUrl({ scope: "3171", districtCode: "317101", status: "registered" })).toBe(
      "/api/v1/registrants.csv?scope=3171&districtCode=317101&status=registered",
    );
  });

  it("when the CSV streams in, then progress counts rows (not the header) against X-Total-Count, and the file is whole with the server's name", async () => {
    const fetched = vi.fn(() => Promise.resolve(answer(["uid,nik_masked\n", "a,3171********0001\nb,3171", "********0002\n"], { total: "2" })));
    vi.stubGlobal("fetch", fetched);
    const seen: ExportProgress[] = [];
    const result = await downloadRegistrants("token", { scope: "3171" }, (progress) => seen.push(progress));
    expect(fetched).toHaveBeenCalledWith("/api/v1/registrants.csv?scope=3171", { headers: { Authorization: "Bearer token" } });
    expect(seen.at(-1)).toEqual({ done: 2, total: 2 });
    expect(result.kind === "done" && { rows: result.rows, name: result.name, text: await result.file.text() }).toEqual({
      rows: 2,
      name: "pendaftar-3171.csv",
      text: "uid,nik_masked\na,3171********0001\nb,3171********0002\n",
    });
  });

  it("when the connection breaks off mid-way, then there is no file: the answer is broken", async () => {
    vi.stubGlobal("fetch", () => Promise.resolve(answer(["uid\n", "a\n"], { total: "5", breaks: true })));
    expect(await downloadRegistrants("token", {}, () => undefined)).toEqual({ kind: "broken" });
  });

  it("when the server refuses, then the answer carries its status and error in both languages", async () => {
    const error = { code: "region-outside-scope", message: REFUSAL_TEXT["region-outside-scope"], fields: [], requestId: "r-12345678" };
    vi.stubGlobal("fetch", () => Promise.resolve(new Response(JSON.stringify({ error }), { status: 403, headers: { "content-type": "application/json" } })));
    expect(await downloadRegistrants("token", { scope: "3172" }, () => undefined)).toEqual({ kind: "error", status: 403, error });
  });
});

describe("the registrants list's failures", () => {
  it("when a search finds nobody in the region, then the refusal's own words are shown", () => {
    expect(registrantsFailure(refusedWith("registrant-not-in-region"))).toEqual({
      kind: "refusal",
      reason: "registrant-not-in-region",
      text: REFUSAL_TEXT["registrant-not-in-region"],
    });
  });

  it("when the session ended or something unexpected happened, then the page's own words are shown", () => {
    expect(registrantsFailure({ code: "functions/unauthenticated" })).toEqual({ kind: "message", message: "registrants.failure.unauthenticated" });
    expect(registrantsFailure(new Error("offline"))).toEqual({ kind: "message", message: "registrants.failure.other" });
  });
});
