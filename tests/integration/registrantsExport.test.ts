import { parse } from "csv-parse/sync";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { URLS } from "../../scripts/stack/config.js";
import { filtersKey, readAuditKey } from "../../functions/src/domain/audit/acts.js";
import { actKeyId, entryId } from "../../functions/src/domain/audit/chain.js";
import type { HttpError } from "../../functions/src/schemas/http.js";
import { REGISTRANT_CSV_COLUMNS } from "../../functions/src/schemas/registrants.js";
import { adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { accountWith, call, type SignedIn } from "../support/stack.js";

/**
 * Registrant lists and the CSV export over real HTTP: the callables through the functions emulator,
 * the export through Hosting's rewrite (`/api/v1/registrants.csv`, as the web app fetches it) with
 * Auth emulator ID tokens. Each test reads a district that only this file registers people in
 * (Johar Baru 317107 in Jakarta Pusat, Cilincing 317206 in Jakarta Utara), so other files' people
 * never change its counts.
 */

const EXPORT_URL = `${URLS.webApp}/api/v1/registrants.csv`;
const PUSAT = "317107";
const UTARA = "317206";

interface Registered {
  uid: string;
  nik: string;
}

async function registered(districtCode: string): Promise<Registered> {
  const account = await accountWith(null, "registrant");
  const form = person({ districtCode });
  const response = await call("register", form, account.idToken);
  expect(response.error).toBeUndefined();
  return { uid: account.uid, nik: form.nik };
}

interface Exported {
  status: number;
  total: string | null;
  type: string | null;
  text: string;
}

async function exported(query: string, who: SignedIn | null, requestId = randomUUID()): Promise<Exported> {
  const response = await fetch(`${EXPORT_URL}${query}`, {
    headers: { "x-request-id": requestId, ...(who === null ? {} : { authorization: `Bearer ${who.idToken}` }) },
  });
  return { status: response.status, total: response.headers.get("x-total-count"), type: response.headers.get("content-type"), text: await response.text() };
}

const rowsOf = (text: string) => parse<Record<string, string>>(text, { columns: true });
const errorOf = (text: string) => (JSON.parse(text) as HttpError).error;

/** The audit entry an act was recorded under (adapters/auditLog.ts: its key names the chain and the entry). */
async function auditEntry(act: string, actor: string, key: string) {
  const found = (await adminDb.doc(`auditKeys/${actKeyId(act, actor, key)}`).get()).data() as { chain: string; seq: number } | undefined;
  if (found === undefined) return null;
  return (await adminDb.doc(`auditChains/${found.chain}/entries/${entryId(found.seq)}`).get()).data() ?? null;
}

let pusat: Registered[] = [];
let utara: Registered[] = [];
let operator3171: SignedIn;
let operator3172: SignedIn;

beforeAll(async () => {
  await ensureProgramYear();
  pusat = await Promise.all([registered(PUSAT), registered(PUSAT), registered(PUSAT)]);
  utara = await Promise.all([registered(UTARA), registered(UTARA)]);
  [operator3171, operator3172] = await Promise.all([
    accountWith({ role: "operator", region: "3171" }, "operator"),
    accountWith({ role: "operator", region: "3172" }, "operator"),
  ]);
}, 60_000);

describe("GET /api/v1/registrants.csv", () => {
  it("when an operator of 3171 exports a district of theirs, then the count comes first and the rows are that district's, masked, with the documented header", async () => {
    const requestId = randomUUID();
    const answer = await exported(`?districtCode=${PUSAT}`, operator3171, requestId);
    expect(answer.status).toBe(200);
    expect(answer.type).toBe("text/csv; charset=utf-8");
    const rows = rowsOf(answer.text);
    expect(answer.text.split("\n")[0]).toBe(REGISTRANT_CSV_COLUMNS.map((c) => c.header).join(","));
    expect(Number(answer.total)).toBe(rows.length);
    expect(rows.map((row) => row.uid)).toEqual(expect.arrayContaining(pusat.map((p) => p.uid)));
    expect(rows.every((row) => row.district_code === PUSAT && /^\d{4}\*{8}\d{4}$/.test(row.nik_masked ?? ""))).toBe(true);
    for (const { nik } of pusat) expect(answer.text).not.toContain(nik);

    const entry = await auditEntry("export-registrants", operator3171.uid, readAuditKey(requestId, filtersKey({ districtCode: PUSAT })));
    expect(entry).toMatchObject({
      act: "export-registrants",
      role: "operator",
      target: PUSAT,
      details: { districtCode: PUSAT, rows: rows.length, masked: true },
    });
  });

  it("when an operator of 3171 exports regency 3172, then it is 403 region-outside-scope, nothing is sent and nothing is audited", async () => {
    const requestId = randomUUID();
    const answer = await exported("?scope=3172", operator3171, requestId);
    expect(answer.status).toBe(403);
    expect(errorOf(answer.text).code).toBe("region-outside-scope");
    expect(answer.text).not.toContain(utara[0]?.uid ?? "-");
    expect(await auditEntry("export-registrants", operator3171.uid, readAuditKey(requestId, filtersKey({ scope: "3172" })))).toBeNull();
  });

  it("when an operator of 3171 exports a district of 3172, then it is refused the same way", async () => {
    const answer = await exported(`?districtCode=${UTARA}`, operator3171);
    expect(answer.status).toBe(403);
    expect(errorOf(answer.text).code).toBe("region-outside-scope");
  });

  it("when an operator of 3172 exports their own region, then their people come and none of 3171's", async () => {
    const answer = await exported(`?districtCode=${UTARA}`, operator3172);
    expect(answer.status).toBe(200);
    const uids = rowsOf(answer.text).map((row) => row.uid);
    expect(uids).toEqual(expect.arrayContaining(utara.map((p) => p.uid)));
    for (const { uid } of pusat) expect(uids).not.toContain(uid);
  });

  it("when an auditor exports a district anywhere, then it is allowed (a read), and an applicant or nobody is refused", async () => {
    const auditor = await accountWith({ role: "auditor" }, "auditor");
    expect((await exported(`?districtCode=${UTARA}`, auditor)).status).toBe(200);
    const applicant = await accountWith(null, "applicant");
    const refused = await exported(`?districtCode=${UTARA}`, applicant);
    expect(refused.status).toBe(403);
    expect(errorOf(refused.text).code).toBe("not-operator-admin-or-auditor");
    expect((await exported("", null)).status).toBe(401);
  });

  it("when clear NIKs are asked for (include=nik), then it is 400 naming the parameter: the export is masked, always", async () => {
    const answer = await exported(`?districtCode=${PUSAT}&include=nik`, operator3171);
    expect(answer.status).toBe(400);
    expect(errorOf(answer.text).fields.map((f) => f.field)).toContain("query");
  });
});

describe("listRegistrants and getRegistrant over HTTP", () => {
  it("when an operator of 3171 searches a NIK of their district, then that person comes; a NIK of 3172 is not found in their region", async () => {
    const mine = await call("listRegistrants", { nik: pusat[0]?.nik }, operator3171.idToken);
    expect(mine.result).toMatchObject({ rows: [{ uid: pusat[0]?.uid, districtCode: PUSAT }], nextCursor: null });
    const other = await call("listRegistrants", { nik: utara[0]?.nik }, operator3171.idToken);
    expect(other.error).toMatchObject({ status: "NOT_FOUND", details: { reason: "registrant-not-in-region" } });
  });

  it("when an operator of 3171 lists a district a page at a time, then the pages follow by cursor", async () => {
    const first = (await call("listRegistrants", { districtCode: PUSAT, pageSize: 2 }, operator3171.idToken)).result as {
      rows: Array<{ uid: string }>;
      nextCursor: string;
    };
    expect(first.rows).toHaveLength(2);
    const second = (await call("listRegistrants", { districtCode: PUSAT, pageSize: 2, cursor: first.nextCursor }, operator3171.idToken)).result as {
      rows: Array<{ uid: string }>;
    };
    const seen = [...first.rows, ...second.rows].map((row) => row.uid);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(pusat.map((p) => p.uid)));
  });

  it("when an operator of 3171 opens a person of theirs, then the record and timeline come and the view is audited; a person of 3172 is not found", async () => {
    const requestId = randomUUID();
    const record = await call("getRegistrant", { uid: pusat[1]?.uid, requestId }, operator3171.idToken);
    expect(record.result).toMatchObject({ row: { uid: pusat[1]?.uid, channel: "online" }, timeline: [{ kind: "registered" }] });
    expect(JSON.stringify(record.result)).not.toContain(pusat[1]?.nik);
    expect(await auditEntry("view-registrant", operator3171.uid, readAuditKey(requestId, pusat[1]?.uid ?? ""))).toMatchObject({
      act: "view-registrant",
      target: pusat[1]?.uid,
      region: PUSAT,
    });
    const other = await call("getRegistrant", { uid: utara[1]?.uid, requestId: randomUUID() }, operator3171.idToken);
    expect(other.error).toMatchObject({ status: "NOT_FOUND", details: { reason: "registrant-not-in-region" } });
  });
});
