import { readAuditKey } from "../../../functions/src/domain/audit/acts.js";
import { describe, expect, it } from "vitest";
import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import type { Actor } from "../../../functions/src/domain/roles.js";
import { listRegistrantsInput, type ListRegistrantsInput, type RegistrantRow } from "../../../functions/src/schemas/registrants.js";
import type { RegisterInput } from "../../../functions/src/schemas/registration.js";
import { joinWave } from "../../../functions/src/usecases/joinWave.js";
import { register } from "../../../functions/src/usecases/register.js";
import { exportRegistrants, type ExportSink } from "../../../functions/src/usecases/registrants/export.js";
import { listRegistrants } from "../../../functions/src/usecases/registrants/list.js";
import { getRegistrant } from "../../../functions/src/usecases/registrants/record.js";
import { admin, applicantActor, auditor, createdWave, operatorOf, person, setup } from "./fixtures.js";

/**
 * Registrant lists, records and exports through the memory adapters: who may see which region
 * (province 31 vs 32, regency 3171 vs 3172), paging, filters, the NIK search through the keyed
 * hash, the audit records, and masked values only.
 */

const requestId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

async function registered(memory: MemoryPorts, uid: string, form: RegisterInput, by = "self"): Promise<void> {
  const outcome = await register(memory, { uid, by, requestId: `${by}:${uid}`, attemptLimit: 5 }, form);
  if (!outcome.ok) throw new Error(outcome.reason);
}

/** Five people: two in Jakarta Pusat (3171), one in Jakarta Utara (3172), two in Kabupaten Bandung (3204, province 32). */
async function region(): Promise<MemoryPorts> {
  const memory = setup();
  await registered(memory, "pusat-1", person(1, { districtCode: "317101" }));
  await registered(memory, "pusat-2", person(2, { districtCode: "317102" }), "operator-3171");
  await registered(memory, "utara-1", person(3, { districtCode: "317201" }));
  await registered(memory, "bandung-1", person(4, { districtCode: "320405" }));
  await registered(memory, "bandung-2", person(5, { districtCode: "320406" }));
  return memory;
}

const list = (memory: MemoryPorts, actor: Actor, input: Partial<ListRegistrantsInput> = {}) =>
  listRegistrants(memory, actor, listRegistrantsInput.parse({ ...input }));

const uidsOf = (outcome: Awaited<ReturnType<typeof list>>) => (outcome.ok ? outcome.value.rows.map((row) => row.uid) : outcome.reason);

describe("listRegistrants: who sees which region", () => {
  it.each([
    ["an operator of province 31", operatorOf("31"), ["pusat-1", "pusat-2", "utara-1"]],
    ["an operator of regency 3171", operatorOf("3171"), ["pusat-1", "pusat-2"]],
    ["an operator of regency 3172", operatorOf("3172"), ["utara-1"]],
    ["an operator of province 32", operatorOf("32"), ["bandung-1", "bandung-2"]],
    ["an admin", admin, ["bandung-1", "bandung-2", "pusat-1", "pusat-2", "utara-1"]],
    ["an auditor", auditor, ["bandung-1", "bandung-2", "pusat-1", "pusat-2", "utara-1"]],
  ])("when %s lists registrants, then they see exactly those of their region, in account order", async (_, actor, uids) => {
    const memory = await region();
    expect(uidsOf(await list(memory, actor))).toEqual(uids);
  });

  it.each([
    ["an applicant", applicantActor("pusat-1")],
    ["an operator without a region", { uid: "op", claims: { role: "operator" } } satisfies Actor],
    ["partner staff", { uid: "p", claims: { role: "partner", partner: "akademi-digital" } } satisfies Actor],
  ])("when %s lists registrants, then they are refused before anything is read", async (_, actor) => {
    const memory = await region();
    expect(await list(memory, actor)).toEqual({ ok: false, reason: "not-operator-admin-or-auditor" });
    expect(await list(memory, actor, { nik: person(1, { districtCode: "317101" }).nik })).toEqual({ ok: false, reason: "not-operator-admin-or-auditor" });
  });

  it.each([
    ["province 31 asks for province 32", operatorOf("31"), { scope: "32" }],
    ["regency 3171 asks for regency 3172", operatorOf("3171"), { scope: "3172" }],
    ["regency 3171 asks for province 31", operatorOf("3171"), { scope: "31" }],
    ["regency 3171 asks for a district of 3172", operatorOf("3171"), { districtCode: "317201" }],
    ["province 31 narrows to 3171 and asks for a district of 3172", operatorOf("31"), { scope: "3171", districtCode: "317201" }],
  ])("when an operator of %s, then it is region-outside-scope", async (_, actor, input) => {
    const memory = await region();
    expect(await list(memory, actor, input)).toEqual({ ok: false, reason: "region-outside-scope" });
  });

  it("when an operator of province 31 narrows to regency 3172, or an admin to province 32, then the list is that part only", async () => {
    const memory = await region();
    expect(uidsOf(await list(memory, operatorOf("31"), { scope: "3172" }))).toEqual(["utara-1"]);
    expect(uidsOf(await list(memory, admin, { scope: "32" }))).toEqual(["bandung-1", "bandung-2"]);
  });
});

describe("listRegistrants: rows, filters and pages", () => {
  it("when a row is shown, then it holds masked values, the district's name, the channel and the eligibility, never the full NIK or name", async () => {
    const memory = await region();
    const outcome = await list(memory, operatorOf("3171"));
    if (!outcome.ok) throw new Error(outcome.reason);
    const [self, assisted] = outcome.value.rows;
    expect(self).toMatchObject({
      uid: "pusat-1",
      nikMasked: "3171********0001",
      districtCode: "317101",
      district: "Gambir",
      regencyCode: "3171",
      status: "registered",
      eligible: true,
      reasons: [],
      verification: null,
      joinedWave: null,
      selectedWave: null,
      channel: "online",
    });
    expect(assisted?.channel).toBe("assisted");
    const text = JSON.stringify(outcome.value);
    expect(text).not.toContain(person(1, { districtCode: "317101" }).nik);
    expect(text).not.toContain("Siti Nurhaliza");
  });

  it("when filtered by district, status or wave, then only the matching registrants come", async () => {
    const memory = await region();
    const waveId = await createdWave(memory);
    const joined = await joinWave(memory, "pusat-2", waveId);
    expect(joined.ok).toBe(true);
    expect(uidsOf(await list(memory, operatorOf("31"), { districtCode: "317102" }))).toEqual(["pusat-2"]);
    expect(uidsOf(await list(memory, operatorOf("31"), { waveId }))).toEqual(["pusat-2"]);
    expect(uidsOf(await list(memory, operatorOf("31"), { waveId, status: "registered" }))).toEqual(["pusat-2"]);
    expect(uidsOf(await list(memory, operatorOf("31"), { status: "participant" }))).toEqual([]);
    expect(uidsOf(await list(memory, admin, { status: "registered", scope: "32" }))).toEqual(["bandung-1", "bandung-2"]);
  });

  it("when the region holds more than a page, then the pages follow each other by cursor without a gap or a repeat", async () => {
    const memory = setup();
    for (let n = 1; n <= 7; n++) await registered(memory, `p-${n}`, person(n, { districtCode: "317101" }));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 5; pages++) {
      const outcome = await list(memory, operatorOf("3171"), { pageSize: 3, ...(cursor === undefined ? {} : { cursor }) });
      if (!outcome.ok) throw new Error(outcome.reason);
      seen.push(...outcome.value.rows.map((row) => row.uid));
      if (outcome.value.nextCursor === null) break;
      cursor = outcome.value.nextCursor;
    }
    expect(seen).toEqual(["p-1", "p-2", "p-3", "p-4", "p-5", "p-6", "p-7"]);
  });

  it("when a page ends exactly at the last registrant, then it says there is no next page", async () => {
    const memory = setup();
    for (let n = 1; n <= 3; n++) await registered(memory, `p-${n}`, person(n, { districtCode: "317101" }));
    const outcome = await list(memory, operatorOf("3171"), { pageSize: 3 });
    expect(outcome.ok && outcome.value.nextCursor).toBeNull();
  });

  it("when the page size is above 100, then the input is refused by the schema", () => {
    expect(listRegistrantsInput.safeParse({ pageSize: 101 }).success).toBe(false);
    expect(listRegistrantsInput.parse({}).pageSize).toBe(25);
  });
});

describe("listRegistrants: search by NIK", () => {
  it("when an operator of 3171 searches a NIK of their regency (typed with spaces), then that one person comes, found through the keyed hash", async () => {
    const memory = await region();
    const nik = person(2, { districtCode: "317102" }).nik;
    const typed = `${nik.slice(0, 4)} ${nik.slice(4, 8)} ${nik.slice(8, 12)} ${nik.slice(12)}`;
    expect(uidsOf(await list(memory, operatorOf("3171"), { nik: typed }))).toEqual(["pusat-2"]);
  });

  it("when an operator of 3171 searches a NIK registered in 3172, then it reads exactly as a NIK registered nowhere", async () => {
    const memory = await region();
    const elsewhere = await list(memory, operatorOf("3171"), { nik: person(3, { districtCode: "317201" }).nik });
    const nowhere = await list(memory, operatorOf("3171"), { nik: person(9, { districtCode: "317101" }).nik });
    expect(elsewhere).toEqual({ ok: false, reason: "registrant-not-in-region" });
    expect(nowhere).toEqual(elsewhere);
  });

  it("when an operator of province 31 searches a NIK of province 32, then it is not found; an admin or an auditor finds it", async () => {
    const memory = await region();
    const nik = person(4, { districtCode: "320405" }).nik;
    expect(await list(memory, operatorOf("31"), { nik })).toEqual({ ok: false, reason: "registrant-not-in-region" });
    expect(uidsOf(await list(memory, admin, { nik }))).toEqual(["bandung-1"]);
    expect(uidsOf(await list(memory, auditor, { nik }))).toEqual(["bandung-1"]);
  });
});

describe("getRegistrant", () => {
  it("when an operator of 3171 opens a person of 3171, then they get the masked record and its timeline, and the view is on the audit log once", async () => {
    const memory = await region();
    const input = { uid: "pusat-2", requestId: requestId(1) };
    const outcome = await getRegistrant(memory, operatorOf("3171"), input);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.value.row.nikMasked).toBe("3171********0002");
    expect(outcome.value.phoneMasked).toMatch(/^\+62812\*+\d{4}$/);
    expect(outcome.value.registeredBy).toBe("operator-3171");
    expect(outcome.value.timeline.map((event) => event.kind)).toEqual(["registered-assisted"]);
    expect(JSON.stringify(outcome.value)).not.toContain("Siti Nurhaliza");
    await getRegistrant(memory, operatorOf("3171"), input);
    expect(memory.audit.records).toEqual([
      {
        act: "view-registrant",
        actor: "operator-3171",
        role: "operator",
        target: "pusat-2",
        key: readAuditKey(requestId(1), "pusat-2"),
        at: memory.clock.now(),
        region: "317102",
      },
    ]);
  });

  it("when one request ID is reused to open another person, then that view is on the audit log too", async () => {
    const memory = await region();
    await getRegistrant(memory, operatorOf("3171"), { uid: "pusat-1", requestId: requestId(3) });
    await getRegistrant(memory, operatorOf("3171"), { uid: "pusat-2", requestId: requestId(3) });
    expect(memory.audit.records.map((record) => record.target)).toEqual(["pusat-1", "pusat-2"]);
  });

  it.each([
    ["an operator of 3171 opens a person of 3172", operatorOf("3171"), "utara-1"],
    ["an operator of 31 opens a person of 32", operatorOf("31"), "bandung-1"],
    ["an operator of 3171 opens an account that does not exist", operatorOf("3171"), "nobody"],
  ])("when %s, then it is registrant-not-in-region and nothing is on the audit log", async (_, actor, uid) => {
    const memory = await region();
    expect(await getRegistrant(memory, actor, { uid, requestId: requestId(2) })).toEqual({ ok: false, reason: "registrant-not-in-region" });
    expect(memory.audit.records).toEqual([]);
  });

  it("when an applicant opens a record, even their own, then they are refused: their own data is on /status", async () => {
    const memory = await region();
    expect(await getRegistrant(memory, applicantActor("pusat-1"), { uid: "pusat-1", requestId: requestId(3) })).toEqual({
      ok: false,
      reason: "not-operator-admin-or-auditor",
    });
  });

  it("when an auditor opens a person of any region, then they read it, and the view is on the audit log under the auditor's role", async () => {
    const memory = await region();
    expect((await getRegistrant(memory, auditor, { uid: "bandung-1", requestId: requestId(4) })).ok).toBe(true);
    expect(memory.audit.records[0]).toMatchObject({ act: "view-registrant", role: "auditor", target: "bandung-1", region: "320405" });
  });
});

describe("exportRegistrants", () => {
  const sink = () => {
    const got = { total: null as number | null, rows: [] as RegistrantRow[], pages: 0 };
    const into: ExportSink = {
      begin: (total) => {
        got.total = total;
        return Promise.resolve();
      },
      rows: (rows) => {
        got.rows.push(...rows);
        got.pages += 1;
        return Promise.resolve();
      },
    };
    return { got, into };
  };

  it("when an operator of province 31 exports, then every registrant of 31 comes page by page after the count, and the export is audited first", async () => {
    const memory = await region();
    const { got, into } = sink();
    let auditedBeforeTotal = false;
    const counting: ExportSink = {
      begin: (total) => {
        auditedBeforeTotal = memory.audit.records.length === 1;
        return into.begin(total);
      },
      rows: (rows) => into.rows(rows),
    };
    const outcome = await exportRegistrants(memory, operatorOf("31"), {}, "req-1", counting, 2);
    expect(outcome).toEqual({ ok: true, value: { rows: 3, total: 3 } });
    expect(auditedBeforeTotal).toBe(true);
    expect(got.total).toBe(3);
    expect(got.pages).toBe(2);
    expect(got.rows.map((row) => row.uid)).toEqual(["pusat-1", "pusat-2", "utara-1"]);
    expect(got.rows.every((row) => /^\d{4}\*{8}\d{4}$/.test(row.nikMasked))).toBe(true);
    expect(memory.audit.records).toEqual([
      {
        act: "export-registrants",
        actor: "operator-31",
        role: "operator",
        target: "31",
        key: readAuditKey("req-1", "[]"),
        at: memory.clock.now(),
        region: "31",
        details: { rows: 3, masked: true },
      },
    ]);
  });

  it("when one request ID is reused for an export with other filters, then that export is on the audit log too; a plain retry is not", async () => {
    const memory = await region();
    await exportRegistrants(memory, operatorOf("31"), {}, "req-9", sink().into);
    await exportRegistrants(memory, operatorOf("31"), {}, "req-9", sink().into);
    await exportRegistrants(memory, operatorOf("31"), { scope: "3172" }, "req-9", sink().into);
    expect(memory.audit.records.map((record) => record.target)).toEqual(["31", "3172"]);
  });

  it("when an operator of 3171 exports regency 3172, then it is refused, nothing is read and nothing is audited", async () => {
    const memory = await region();
    const { got, into } = sink();
    expect(await exportRegistrants(memory, operatorOf("3171"), { scope: "3172" }, "req-2", into)).toEqual({ ok: false, reason: "region-outside-scope" });
    expect(got.total).toBeNull();
    expect(memory.audit.records).toEqual([]);
  });

  it("when an auditor exports a district with a status filter, then it is allowed, and the audit record names the filters", async () => {
    const memory = await region();
    const { got, into } = sink();
    const outcome = await exportRegistrants(memory, auditor, { districtCode: "320405", status: "registered" }, "req-3", into);
    expect(outcome).toEqual({ ok: true, value: { rows: 1, total: 1 } });
    expect(got.rows.map((row) => row.uid)).toEqual(["bandung-1"]);
    expect(memory.audit.records[0]).toMatchObject({
      target: "320405",
      region: "320405",
      details: { districtCode: "320405", status: "registered", rows: 1, masked: true },
    });
  });

  it("when an admin exports nationally and nobody matches, then the answer is an empty export with a total of 0, still audited", async () => {
    const memory = await region();
    const { got, into } = sink();
    expect(await exportRegistrants(memory, admin, { status: "revoked" }, "req-4", into)).toEqual({ ok: true, value: { rows: 0, total: 0 } });
    expect(got).toEqual({ total: 0, rows: [], pages: 0 });
    expect(memory.audit.records[0]).toMatchObject({ target: "national", details: { status: "revoked", rows: 0, masked: true } });
  });

  it("when an applicant exports, then they are refused", async () => {
    const memory = await region();
    expect(await exportRegistrants(memory, applicantActor("pusat-1"), {}, "req-5", sink().into)).toEqual({
      ok: false,
      reason: "not-operator-admin-or-auditor",
    });
  });
});
