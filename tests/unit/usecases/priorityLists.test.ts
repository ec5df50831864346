import { fieldErrors, MESSAGES, type MessageKey } from "../../../functions/src/schemas/messages.js";
import { describe, expect, it } from "vitest";
import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import type { CsvItem } from "../../../functions/src/domain/exclusionCsv.js";
import { invitationKey, invitationText, isPriority, PRIORITY_RULE } from "../../../functions/src/domain/priority.js";
import { drawPlan } from "../../../functions/src/schemas/draw.js";
import { SMS_VAULT_CONTEXT } from "../../../functions/src/schemas/notifications.js";
import { PRIORITY_VAULT_CONTEXT } from "../../../functions/src/schemas/priority.js";
import { createWaveInput } from "../../../functions/src/schemas/waves.js";
import { createWave } from "../../../functions/src/usecases/createWave.js";
import { importPriorityList } from "../../../functions/src/usecases/importPriorityList.js";
import { invitePriorityList } from "../../../functions/src/usecases/invitePriorityList.js";
import { planWave } from "../../../functions/src/usecases/planWave.js";
import { planOf } from "../../../functions/src/usecases/publishedDraw.js";
import { register } from "../../../functions/src/usecases/register.js";
import { admin, auditor, BEACON, csvItems, person, setup, waveInput } from "./fixtures.js";

/**
 * Priority lists through the memory adapters: an import marks who is registered, registration
 * marks who comes later, a wave records the list's version, the freeze's flag reads the applicant
 * document alone, and people not registered are invited once, by SMS, in pages.
 */

const ABOUT = {
  listId: "korban-phk",
  name: "Korban PHK 2026",
  description: "Pekerja terkena PHK (BPJS Ketenagakerjaan)",
  source: "BPJS Ketenagakerjaan, Maret 2026",
};
const nikOf = (n: number) => person(n).nik;
const phoneOf = (n: number) => `0812${String(70000000 + n)}`;
const rows = (people: Array<{ n: number; phone?: boolean }>): AsyncGenerator<CsvItem> =>
  csvItems(people.map(({ n, phone }, i) => ({ kind: "entry" as const, line: i + 2, nik: nikOf(n), ...(phone === true ? { phone: phoneOf(n) } : {}) })));

async function imported(memory: MemoryPorts, people: Array<{ n: number; phone?: boolean }>, about = ABOUT) {
  const outcome = await importPriorityList(memory, admin, about, rows(people), () => {}, { chunkSize: 2, inFlight: 2 });
  if (!outcome.ok) throw new Error(`importPriorityList: ${outcome.reason}`);
  return outcome.value;
}

async function registered(memory: MemoryPorts, n: number): Promise<string> {
  const uid = `u${n}`;
  const outcome = await register(memory, { uid, by: "self", requestId: `self:${uid}`, attemptLimit: 10 }, person(n));
  if (!outcome.ok) throw new Error(`register: ${outcome.reason}`);
  return uid;
}

/** Runs the invitation pass to its end, page after page, as the task queue would. */
async function invitationPass(memory: MemoryPorts, pageSize: number) {
  const results = [];
  for (let i = 0; i < memory.tasks.enqueued.length; i += 1) {
    const task = memory.tasks.enqueued[i];
    if (task.name !== "invitePriorityList") continue;
    results.push(await invitePriorityList(memory, task.payload, pageSize));
  }
  return results;
}

describe("importPriorityList", () => {
  it("when a program admin imports a list, then entries are keyed NIKs, phones are sealed, the list is current and the act is audited", async () => {
    const memory = setup();
    const result = await imported(memory, [{ n: 1, phone: true }, { n: 2 }, { n: 1, phone: true }]);
    expect(result).toMatchObject({ listId: "korban-phk", version: 1, entries: 2, withPhone: 1, registered: 0, rejectedLines: 0, current: true });
    const entry = memory.state.priorityEntries.get(memory.pseudonyms.nik(nikOf(1)));
    expect(entry?.lists["korban-phk"]?.versions).toEqual([1]);
    expect(await memory.vault.open(entry!.phone!, PRIORITY_VAULT_CONTEXT)).toEqual({ phone: `+62812${70000001}` });
    // No NIK and no number in clear anywhere in the stored documents.
    const stored = JSON.stringify([
      ...memory.state.priorityEntries.entries(),
      ...memory.state.priorityLists.entries(),
      ...memory.state.priorityImports.entries(),
    ]);
    expect(stored).not.toContain(nikOf(1));
    expect(stored).not.toContain("70000001");
    expect(memory.state.priorityLists.get("korban-phk")).toMatchObject({ name: ABOUT.name, currentVersion: 1, entries: 2, registered: 0, invited: 0 });
    expect(memory.audit.records.map((r) => [r.act, r.target])).toContainEqual(["import-priority-list", "korban-phk-v1"]);
  });

  it("when someone other than a program admin imports, then it is refused and nothing is written", async () => {
    const memory = setup();
    const outcome = await importPriorityList(memory, auditor, ABOUT, rows([{ n: 1 }]), () => {});
    expect(outcome).toMatchObject({ ok: false, reason: "not-admin" });
    expect(memory.state.priorityLists.size).toBe(0);
  });

  it("when a file has no valid NIK, then it is refused and no version is used", async () => {
    const memory = setup();
    const outcome = await importPriorityList(memory, admin, ABOUT, csvItems([{ kind: "rejected", line: 2 }]), () => {});
    expect(outcome).toMatchObject({ ok: false, reason: "no-entries" });
    expect(memory.state.priorityImports.size).toBe(0);
  });

  it("when people on the list registered before the import, then the import marks their applicant document; a later version that drops one is not theirs", async () => {
    const memory = setup();
    const [u1, u2] = [await registered(memory, 1), await registered(memory, 2)];
    expect((await imported(memory, [{ n: 1 }, { n: 2 }, { n: 3 }])).registered).toBe(2);
    expect(memory.state.applicants.get(u1)?.priorityLists).toEqual({ "korban-phk": [1] });
    await imported(memory, [{ n: 1 }, { n: 3 }]);
    expect(memory.state.applicants.get(u1)?.priorityLists).toEqual({ "korban-phk": [1, 2] });
    expect(memory.state.applicants.get(u2)?.priorityLists).toEqual({ "korban-phk": [1] });
    const plan = { priority: { listId: "korban-phk", version: 2 } };
    expect(isPriority(memory.state.applicants.get(u1)!, plan)).toBe(true);
    expect(isPriority(memory.state.applicants.get(u2)!, plan)).toBe(false);
    expect(isPriority(memory.state.applicants.get(u2)!, { priority: { listId: "korban-phk", version: 1 } })).toBe(true);
  });

  it("when someone on the list registers after the import, then registration copies their versions onto the applicant document", async () => {
    const memory = setup();
    await imported(memory, [{ n: 5 }]);
    const uid = await registered(memory, 5);
    const other = await registered(memory, 6);
    expect(memory.state.applicants.get(uid)?.priorityLists).toEqual({ "korban-phk": [1] });
    expect(memory.state.applicants.get(other)?.priorityLists).toBeUndefined();
  });
});

describe("a wave with a priority list", () => {
  it("when the list has a completed version, then the wave's plan and its public plan.json record which list, its share of seats and, in words, what the share does", async () => {
    const memory = setup();
    await imported(memory, [{ n: 1 }]);
    const input = waveInput({ quota: 1000, priority: { listId: "korban-phk", basisPoints: 2500 } });
    const declared = { listId: "korban-phk", version: 1, name: ABOUT.name, basisPoints: 2500, rule: PRIORITY_RULE };
    const plan = await planWave(memory, BEACON, admin, input);
    // A quarter of 1,000 seats, drawn first among the list's people; the rest as usual.
    expect(plan.ok && plan.value.priority).toEqual({ ...declared, seats: 250 });
    expect(plan.ok && plan.value.nationalSeats).toBe(750);
    const created = await createWave(memory, BEACON, admin, input);
    expect(created.ok && created.value.draw.priority).toEqual(declared);
    expect(memory.audit.records.find((r) => r.act === "create-wave")?.details).toEqual(
      expect.objectContaining({ priorityList: "korban-phk-v1", priorityBasisPoints: 2500 }),
    );
    await imported(memory, [{ n: 2 }]);
    const wave = memory.state.waves.get(`${input.programYear}-${input.number}`)!;
    expect(wave.draw?.priority?.version).toBe(1);
    const published = planOf("2026-1", wave);
    if (!published.ok) throw new Error(published.reason);
    expect(drawPlan.parse(JSON.parse(JSON.stringify(published.value))).priority).toEqual(declared);
    expect(PRIORITY_RULE.en).toContain("drawn first among the people on this list");
    expect(PRIORITY_RULE.id).toContain("diundi lebih dulu hanya di antara orang dalam daftar ini");
  });

  it("when the list does not exist or never completed an import, then createWave refuses it", async () => {
    const memory = setup();
    const unknown = await createWave(memory, BEACON, admin, waveInput({ priority: { listId: "disabilitas", basisPoints: 1000 } }));
    expect(unknown).toMatchObject({ ok: false, reason: "priority-list-unknown", details: { listId: "disabilitas" } });
    await memory.priorityLists.begin(
      "disabilitas",
      { name: "Disabilitas", description: "Penyandang disabilitas", source: "Dinas Sosial" },
      admin.uid,
      memory.clock.now(),
    );
    const running = await createWave(memory, BEACON, admin, waveInput({ priority: { listId: "disabilitas", basisPoints: 1000 } }));
    expect(running).toMatchObject({ ok: false, reason: "priority-list-not-imported" });
  });

  it("when the share is missing, 0, above the whole quota, unreadable or a fraction, then the wave's input is refused at the share, saying which of these it found", () => {
    for (const priority of [{ listId: "korban-phk" }, { listId: "korban-phk", basisPoints: 0 }, { listId: "korban-phk", basisPoints: 10_001 }]) {
      const parsed = createWaveInput.safeParse({ ...waveInput({}), priority });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["priority.basisPoints"]);
    }
    // Each says which field and why, in both languages, as the console shows it (a share left empty included).
    const cases: Array<[unknown, MessageKey]> = [
      [undefined, "priority-share-missing"],
      [Number.NaN, "priority-share-not-a-number"],
      ["12,5", "priority-share-not-a-number"],
      [2.5, "priority-share-not-whole"],
      [0, "priority-share-too-small"],
      [-5, "priority-share-too-small"],
      [10_001, "priority-share-too-big"],
    ];
    for (const [basisPoints, key] of cases) {
      const parsed = createWaveInput.safeParse({ ...waveInput({}), priority: { listId: "korban-phk", basisPoints } });
      expect(parsed.error && fieldErrors(parsed.error), String(basisPoints)).toEqual([
        { field: "priority.basisPoints", code: expect.any(String), message: MESSAGES[key] },
      ]);
    }
    expect(createWaveInput.safeParse({ ...waveInput({}), priority: { listId: "korban-phk", basisPoints: 10_000 } }).success).toBe(true);
  });

  it("when the share leaves fewer seats than the strata's counts ask, then counts-exceed-quota", async () => {
    const memory = setup();
    await imported(memory, [{ n: 1 }]);
    const input = waveInput({ quota: 100, strata: { kind: "counts", counts: { "31": 60 } }, priority: { listId: "korban-phk", basisPoints: 5000 } });
    expect(await planWave(memory, BEACON, admin, input)).toMatchObject({ ok: false, reason: "counts-exceed-quota" });
  });
});

describe("invitePriorityList", () => {
  it("when people on the list have not registered and their row had a number, then each gets one SMS in Bahasa Indonesia, and the counts are on the list", async () => {
    const memory = setup();
    await registered(memory, 1);
    await imported(memory, [{ n: 1, phone: true }, { n: 2, phone: true }, { n: 3 }, { n: 4, phone: true }, { n: 5, phone: true }]);
    const results = await invitationPass(memory, 2);
    expect(results.every((r) => r.ok)).toBe(true);
    const invited = [2, 4, 5].map((n) => invitationKey("korban-phk", memory.pseudonyms.nik(nikOf(n))));
    expect([...memory.state.sms.keys()].sort()).toEqual(invited.sort());
    const sms = memory.state.sms.get(invited[0])!;
    expect(sms).toMatchObject({ kind: "priority-invitation", uid: "", body: invitationText() });
    expect(sms.body.length).toBeLessThanOrEqual(160);
    expect(sms.body).not.toContain("PHK");
    expect(Object.keys(await memory.vault.open(sms.to, SMS_VAULT_CONTEXT))).toEqual(["phone"]);
    expect(memory.state.priorityLists.get("korban-phk")).toMatchObject({ entries: 5, registered: 1, invited: 3 });
    expect(memory.state.priorityImports.get("korban-phk-v1")?.invitation).toMatchObject({ done: true, invited: 3, registered: 1, pages: 3 });
  });

  it("when a page is delivered twice, or a later version runs its pass, then nobody is invited again", async () => {
    const memory = setup();
    await imported(memory, [
      { n: 2, phone: true },
      { n: 4, phone: true },
    ]);
    const first = memory.tasks.enqueued.find((t) => t.name === "invitePriorityList")!;
    if (first.name !== "invitePriorityList") throw new Error("no invitation task");
    expect((await invitePriorityList(memory, first.payload)).ok).toBe(true);
    expect(await invitePriorityList(memory, first.payload)).toMatchObject({ ok: false, reason: "page-done" });
    expect(memory.state.sms.size).toBe(2);
    await imported(memory, [
      { n: 2, phone: true },
      { n: 4, phone: true },
      { n: 6, phone: true },
    ]);
    await invitationPass(memory, 200);
    expect(memory.state.sms.size).toBe(3);
    expect(memory.state.priorityLists.get("korban-phk")?.invited).toBe(3);
  });

  it("when a version is no longer current, then its pass stops", async () => {
    const memory = setup();
    await imported(memory, [{ n: 2, phone: true }]);
    await imported(memory, [{ n: 3, phone: true }]);
    expect(await invitePriorityList(memory, { listId: "korban-phk", version: 1, page: 0, after: null })).toMatchObject({ ok: false, reason: "not-current" });
  });
});
