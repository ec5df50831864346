import { FieldPath } from "firebase-admin/firestore";
import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { URLS } from "../../scripts/stack/config.js";
import { adminDb } from "../support/admin.js";
import { nikKey } from "../support/secrets.js";
import { accountWith, call } from "../support/stack.js";
import { exclusionListsReader } from "../../functions/src/adapters/exclusionLists.js";
import type { HttpError } from "../../functions/src/schemas/http.js";

/**
 * importExclusionList over real HTTP (NDJSON streamed back) and exclusionListDiff as a callable,
 * reading back what they wrote. Each test uses its own list type, so that versions asserted here
 * are this file's own (other test files import no exclusion list).
 */

const IMPORT_URL = `${URLS.functions}/importExclusionList`;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * Distinct valid-looking NIKs of people born in 2005 in `district` (test people elsewhere are born
 * 1970–1999, so a registration test never meets one of these on a list).
 */
function niks(count: number, district: string): string[] {
  const start = randomInt(0, 1_000_000);
  return Array.from({ length: count }, (_, k) => {
    const i = start + k;
    const rest = Math.floor(i / 9999);
    const day = (rest % 28) + 1 + (Math.floor(rest / 28) % 2) * 40;
    return `${district}${pad(day)}${pad((Math.floor(rest / 56) % 12) + 1)}05${pad((i % 9999) + 1, 4)}`;
  });
}

interface Streamed {
  status: number;
  requestId: string | null;
  text: string;
  /** NDJSON lines; a refusal before any line is one JSON object in the edge's error shape. */
  lines: Array<{ progress?: number; done?: Record<string, unknown>; error?: HttpError["error"] }>;
  /** Milliseconds from the request to the arrival of each line. */
  arrivals: number[];
}

async function postList(type: string, csv: string, idToken?: string): Promise<Streamed> {
  const began = Date.now();
  const response = await fetch(`${IMPORT_URL}?type=${type}`, {
    method: "POST",
    headers: { "content-type": "text/csv", ...(idToken ? { authorization: `Bearer ${idToken}` } : {}) },
    body: csv,
  });
  const streamed: Streamed = { status: response.status, requestId: response.headers.get("x-request-id"), text: "", lines: [], arrivals: [] };
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let pending = "";
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    const text = decoder.decode(chunk.value, { stream: true });
    streamed.text += text;
    const parts = (pending + text).split("\n");
    pending = parts.pop() ?? "";
    for (const part of parts) {
      streamed.lines.push(JSON.parse(part) as Streamed["lines"][number]);
      streamed.arrivals.push(Date.now() - began);
    }
  }
  if (pending.trim() !== "") streamed.lines.push(JSON.parse(pending) as Streamed["lines"][number]);
  return streamed;
}

const currentVersion = async (type: string) => ((await adminDb.doc(`exclusionLists/${type}`).get()).get("currentVersion") as number | undefined) ?? 0;
const importsOf = async (type: string) => (await adminDb.collection("exclusionImports").where("type", "==", type).get()).size;
const highestStarted = async (type: string) =>
  Math.max(0, ...(await adminDb.collection("exclusionImports").where("type", "==", type).get()).docs.map((d) => d.get("version") as number));
const versionsField = (type: string) => new FieldPath("lists", type, "versions");
const versionsOf = async (type: string, nik: string) =>
  ((await adminDb.doc(`exclusionEntries/${nikKey(nik)}`).get()).get(versionsField(type)) as number[] | undefined) ?? [];

describe("importExclusionList", () => {
  it("when an admin imports a CSV list, then the version becomes current and entries exist under keyed IDs only", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const people = niks(10, "527101");
    const before = await currentVersion("police");
    const csv = [
      "\uFEFFnama,nik,instansi",
      ...people.map((n, i) => `"Budi ${i}, S.H.",${n},Polda NTB`),
      "Ani,31710112039,Polda",
      "",
      `Tono,${people[0]},Polda`,
    ].join("\r\n");

    const response = await postList("police", csv, admin.idToken);

    expect(response.status).toBe(200);
    const done = response.lines.at(-1)?.done;
    expect(done).toEqual({ type: "police", version: before + 1, entries: 10, rejectedLines: 1, rejectedLineNumbers: [12], current: true });
    expect(await currentVersion("police")).toBe(before + 1);
    const record = (await adminDb.doc(`exclusionImports/police-v${before + 1}`).get()).data();
    expect(record).toMatchObject({ type: "police", version: before + 1, status: "completed", entries: 10, rejectedLines: 1, by: admin.uid });
    for (const nik of people) expect(await versionsOf("police", nik)).toContain(before + 1);

    const stored = await adminDb
      .collection("exclusionEntries")
      .where(versionsField("police"), "array-contains", before + 1)
      .get();
    expect(stored.size).toBe(10);
    const everything = JSON.stringify([stored.docs.map((d) => [d.id, d.data()]), record, response.text]);
    for (const nik of people) expect(everything).not.toContain(nik);
    expect(everything).not.toMatch(/\d{16}|31710112039|Budi|Polda/);
  });

  it("when someone who is not an admin posts a list, then it is 401 or 403 with a message in both languages and nothing is written", async () => {
    const operator = await accountWith({ role: "operator", region: "52" }, "operator");
    const people = niks(3, "527102");
    const before = await importsOf("block-list");

    const forbidden = await postList("block-list", people.join("\n"), operator.idToken);
    const anonymous = await postList("block-list", people.join("\n"));
    const garbled = await postList("block-list", people.join("\n"), "not-a-token");

    expect(forbidden.status).toBe(403);
    const refusal = forbidden.lines[0]?.error;
    expect([refusal?.code, refusal?.fields, refusal?.requestId]).toEqual(["not-admin", [], forbidden.requestId]);
    expect(refusal?.message.id).toMatch(/^Hanya admin program/);
    expect(refusal?.message.en).toMatch(/^Only program admins/);
    expect([anonymous.status, garbled.status]).toEqual([401, 401]);
    expect(anonymous.lines[0]?.error).toMatchObject({ code: "unauthenticated", requestId: anonymous.requestId });
    expect(await importsOf("block-list")).toBe(before);
    for (const nik of people) expect(await versionsOf("block-list", nik)).toEqual([]);
  });

  it("when the type is unknown or the header names no nik column, then it is 400 and nothing is allocated", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const unknownType = await postList("pns", "3171011203900001\n", admin.idToken);
    expect(unknownType.status).toBe(400);
    const invalid = unknownType.lines[0]?.error;
    expect([invalid?.code, invalid?.fields.map((f) => f.field)]).toEqual(["invalid-argument", ["query.type"]]);
    expect(invalid?.fields[0]?.message.id).not.toBe(invalid?.fields[0]?.message.en);

    const before = await importsOf("block-list");
    const noColumn = await postList("block-list", "nama,alamat\nBudi,Jl. Merdeka\n", admin.idToken);
    expect(noColumn.status).toBe(400);
    expect(noColumn.lines[0]?.error?.code).toBe("nik-column-missing");
    expect(await importsOf("block-list")).toBe(before);
  });

  it("when no line holds a valid NIK, then it is refused with the rejected lines counted, and no import record or version is used", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const [records, version, started] = [await importsOf("student"), await currentVersion("student"), await highestStarted("student")];
    const junk = await postList("student", ["nik", "31710112039", "not a nik", "3171011203900001x", "", "Budi"].join("\n"), admin.idToken);

    expect(junk.status).toBe(422);
    expect(junk.lines).toHaveLength(1);
    expect(junk.lines[0]?.error).toMatchObject({ code: "no-entries", details: { rejectedLines: 4 } });
    expect(junk.lines[0]?.error?.message.en).toMatch(/no valid 16-digit NIK \(4 lines rejected\)/);
    expect([await importsOf("student"), await currentVersion("student")]).toEqual([records, version]);
    // The next real list takes the very next version: the junk file used none.
    const real = await postList("student", ["nik", ...niks(2, "527106")].join("\n"), admin.idToken);
    expect(real.lines.at(-1)?.done).toMatchObject({ version: started + 1, entries: 2 });
  });

  it("when a second import drops some NIKs and adds others, then the diff counts them and only the current version hits", async () => {
    const [admin, auditor, applicant] = await Promise.all([
      accountWith({ role: "admin" }, "admin"),
      accountWith({ role: "auditor" }, "auditor"),
      accountWith(null, "applicant"),
    ]);
    const pool = niks(15, "527103");
    const [dropped, kept, added] = [pool.slice(0, 3), pool.slice(3, 10), pool.slice(10)];
    const first = (await postList("official", ["nik", ...dropped, ...kept].join("\n"), admin.idToken)).lines.at(-1)?.done;
    const second = (await postList("official", ["nik", ...kept, ...added].join("\n"), admin.idToken)).lines.at(-1)?.done;
    const [from, to] = [first?.version as number, second?.version as number];
    expect(to).toBe(from + 1);

    const diff = await call("exclusionListDiff", { type: "official", from, to }, auditor.idToken);
    expect(diff.result).toEqual({ type: "official", from, to, added: 5, removed: 3, unchanged: 7 });
    const backwards = await call("exclusionListDiff", { type: "official", from: to, to: from }, admin.idToken);
    expect(backwards.result).toMatchObject({ added: 3, removed: 5, unchanged: 7 });
    expect((await call("exclusionListDiff", { type: "official", from, to }, applicant.idToken)).error?.status).toBe("PERMISSION_DENIED");
    expect((await call("exclusionListDiff", { type: "official", from, to: to + 50 }, auditor.idToken)).error?.status).toBe("NOT_FOUND");

    const lists = exclusionListsReader({ cacheMs: 0 });
    const checked = await Promise.all([dropped[0], kept[0], added[0]].map((nik) => lists.check(nikKey(nik))));
    expect(checked.map((c) => c.hits.includes("official"))).toEqual([false, true, true]);
    expect(checked[0]?.versions.official).toBe(to);
  });

  it("when two imports of one list run at once, then they get distinct versions and the higher one ends current", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const pool = niks(6_000, "527104");
    const results = await Promise.all([
      postList("social-aid", pool.slice(0, 4_000).join("\n"), admin.idToken),
      postList("social-aid", pool.slice(2_000).join("\n"), admin.idToken),
    ]);
    const versions = results.map((r) => r.lines.at(-1)?.done?.version as number);
    expect(new Set(versions).size).toBe(2);
    expect(results.map((r) => r.lines.at(-1)?.done?.entries)).toEqual([4_000, 4_000]);
    expect(await currentVersion("social-aid")).toBe(Math.max(...versions));
    const [from, to] = [Math.min(...versions), Math.max(...versions)];
    const diff = await call("exclusionListDiff", { type: "social-aid", from, to }, admin.idToken);
    // Exact when the lower one completed before the higher began; refused, never guessed, otherwise.
    if (diff.error) expect(diff.error).toMatchObject({ status: "FAILED_PRECONDITION", details: { reason: "imports-overlapped" } });
    else expect(diff.result).toMatchObject({ added: 2_000, removed: 2_000, unchanged: 2_000 });
  });

  it("when an admin imports 100,000 entries, then progress streams as it goes and all 100,000 are counted", { timeout: 240_000 }, async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const people = niks(100_000, "527105");
    const importsBefore = await importsOf("military");
    const began = Date.now();
    const response = await postList("military", ["nik", ...people].join("\n"), admin.idToken);
    const seconds = (Date.now() - began) / 1000;

    const done = response.lines.at(-1)?.done;
    expect(done).toMatchObject({ type: "military", entries: 100_000, rejectedLines: 0, current: true });
    const progress = response.lines.flatMap((l) => (l.progress === undefined ? [] : [l.progress]));
    expect(progress).toEqual([10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000, 80_000, 90_000, 100_000]);
    // Streamed, not buffered: the first progress line arrives well before the end.
    expect(response.arrivals[0]).toBeLessThan(response.arrivals.at(-1)! - 1_000);
    const stored = await adminDb.collection("exclusionEntries").where(versionsField("military"), "array-contains", done?.version).count().get();
    expect(stored.data().count).toBe(100_000);

    const writes = 100_000 + 3;
    // Allocation reads the list and every earlier import of the type (an empty query bills 1); completion reads 2.
    const overhead = 1 + Math.max(1, importsBefore) + 2;
    const reads = 100_000 + overhead;
    console.log(
      `100,000-entry import: ${seconds.toFixed(1)} s (${Math.round(100_000 / seconds)} entries/s), first progress after ${(response.arrivals[0] / 1000).toFixed(1)} s; ` +
        `${writes} document writes (1 per entry + 3), ${reads} reads (1 per entry + ${overhead})`,
    );
  });
});
