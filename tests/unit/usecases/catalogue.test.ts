import { describe, expect, it } from "vitest";
import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import type { Actor } from "../../../functions/src/domain/roles.js";
import {
  catalogueQuery,
  cataloguePage,
  pushCourseBody,
  pushScheduleBody,
  savePartnerInput,
  saveScheduleInput,
  saveTrainingInput,
  type SavePartnerInput,
  type SaveTrainingInput,
} from "../../../functions/src/schemas/catalogue.js";
import type { TrainingPartnerDoc } from "../../../functions/src/schemas/training.js";
import { browseCatalogue } from "../../../functions/src/usecases/browseCatalogue.js";
import { pushCourse, pushSchedule } from "../../../functions/src/usecases/pushCatalogue.js";
import { savePartner } from "../../../functions/src/usecases/savePartner.js";
import { saveSchedule } from "../../../functions/src/usecases/saveSchedule.js";
import { saveTraining } from "../../../functions/src/usecases/saveTraining.js";
import { admin, applicantActor, auditor, operatorOf, setup, writesOf } from "./fixtures.js";

/**
 * The training catalogue through the memory adapters: the program office's partners, trainings
 * (each change a version with its history record) and schedules; an institution's pushes over the
 * partner API (its own trainings only); and the public browse.
 */

const NOT_ADMINS: Actor[] = [operatorOf("31"), auditor, applicantActor("u1")];

const partnerInput = (clientCode: string, overrides: Partial<SavePartnerInput> = {}): SavePartnerInput =>
  savePartnerInput.parse({
    clientCode,
    name: `Mitra ${clientCode}`,
    kind: clientCode.startsWith("lpk") ? "institution" : "digital-platform",
    legalName: `PT ${clientCode}`,
    registrationNumber: "9120000000123",
    contact: { name: "Budi Santoso", email: `kemitraan@${clientCode}.test`, phone: "+62 21 555 0100" },
    status: "active",
    settlementsFrozen: false,
    callsPerMinute: 600,
    ...overrides,
  });

const trainingInput = (overrides: Partial<Record<keyof SaveTrainingInput, unknown>> = {}): SaveTrainingInput =>
  saveTrainingInput.parse({
    requestId: "0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d01",
    courseCode: "PMD-001",
    title: "Pemasaran Digital untuk UMKM",
    description: "Belajar memasarkan usaha lewat media sosial.",
    institutionCode: "lpk-a",
    platformCodes: ["platform-x"],
    price: 750_000,
    hours: 16,
    method: "self-paced",
    category: "Pemasaran",
    status: "listed",
    ...overrides,
  });

/** Seats taken by purchases (not a port of the catalogue: set in the state as a purchase would leave it). */
function book(memory: MemoryPorts, scheduleCode: string, booked: number): void {
  memory.state.schedules.set(scheduleCode, { ...memory.state.schedules.read(scheduleCode)!, booked });
}

const uuid = (n: number) => `0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7${String(n).padStart(3, "0")}`;

/** The ports with a program year requiring 15 hours, two institutions and two platforms onboarded. */
async function withPartners(rules: { minimumTrainingHours?: number } = { minimumTrainingHours: 15 }): Promise<MemoryPorts> {
  const memory = setup({ rules });
  for (const code of ["lpk-a", "lpk-b", "platform-x", "platform-y"]) {
    const outcome = await savePartner(memory, admin, partnerInput(code));
    expect(outcome.ok, code).toBe(true);
  }
  return memory;
}

describe("savePartner", () => {
  it("when an admin onboards a partner, then it is stored with its registration, contact and switches, once", async () => {
    const memory = setup();
    const { result, writes } = await writesOf(memory, () => savePartner(memory, admin, partnerInput("lpk-a")));
    expect(result).toEqual({ ok: true, value: { clientCode: "lpk-a", created: true, written: true } });
    expect(writes).toEqual(["trainingPartners/lpk-a"]);
    const now = memory.clock.now();
    expect(memory.state.trainingPartners.get("lpk-a")).toEqual<TrainingPartnerDoc>({
      name: "Mitra lpk-a",
      kind: "institution",
      legalName: "PT lpk-a",
      registrationNumber: "9120000000123",
      contact: { name: "Budi Santoso", email: "kemitraan@lpk-a.test", phone: "+62 21 555 0100" },
      status: "active",
      settlementsFrozen: false,
      callsPerMinute: 600,
      createdAt: now,
      updatedAt: now,
    });

    // The same details again (a retry): nothing written.
    expect(await writesOf(memory, () => savePartner(memory, admin, partnerInput("lpk-a")))).toEqual({
      result: { ok: true, value: { clientCode: "lpk-a", created: false, written: false } },
      writes: [],
    });
  });

  it("when an admin de-lists a partner or freezes its settlements, then it is changed and its onboarding time kept", async () => {
    const memory = setup();
    await savePartner(memory, admin, partnerInput("lpk-a"));
    const onboarded = memory.clock.now();
    memory.clock.advance(60_000);
    const result = await savePartner(memory, admin, partnerInput("lpk-a", { status: "delisted", settlementsFrozen: true, callsPerMinute: 60 }));
    expect(result).toEqual({ ok: true, value: { clientCode: "lpk-a", created: false, written: true } });
    expect(memory.state.trainingPartners.get("lpk-a")).toMatchObject({
      status: "delisted",
      settlementsFrozen: true,
      callsPerMinute: 60,
      createdAt: onboarded,
      updatedAt: memory.clock.now(),
    });
  });

  it("when an admin changes a partner's kind, then partner-kind-fixed and nothing is written", async () => {
    const memory = setup();
    await savePartner(memory, admin, partnerInput("lpk-a"));
    expect(await writesOf(memory, () => savePartner(memory, admin, partnerInput("lpk-a", { kind: "digital-platform" })))).toEqual({
      result: { ok: false, reason: "partner-kind-fixed" },
      writes: [],
    });
  });

  it("when anyone but an admin saves a partner, then not-admin and nothing is written", async () => {
    const memory = setup();
    for (const actor of NOT_ADMINS)
      expect(await writesOf(memory, () => savePartner(memory, actor, partnerInput("lpk-a")))).toEqual({
        result: { ok: false, reason: "not-admin" },
        writes: [],
      });
  });
});

describe("saveTraining", () => {
  it("when an admin creates a training, then version 1 and its history record are written together, with who and through what", async () => {
    const memory = await withPartners();
    const { result, writes } = await writesOf(memory, () => saveTraining(memory, admin, trainingInput()));
    expect(result).toEqual({ ok: true, value: { courseCode: "PMD-001", version: 1, written: true } });
    expect(writes).toEqual(["trainings/PMD-001", "trainings/PMD-001/history/1"]);
    const training = memory.state.trainings.get("PMD-001")!;
    expect(training).toMatchObject({ version: 1, status: "listed", institutionCode: "lpk-a", institutionName: "Mitra lpk-a" });
    expect(training.keywords).toEqual(expect.arrayContaining(["pemasaran", "digital", "umkm", "mitra", "lpk"]));
    const { keywords: _, ...withoutKeywords } = training;
    expect(memory.state.trainingHistory.get("PMD-001/1")).toEqual({
      version: 1,
      at: memory.clock.now(),
      by: "admin-1",
      via: "admin",
      training: withoutKeywords,
      requestId: trainingInput().requestId,
    });
  });

  it("when the same request is sent again (a retry), then it answers the same version and writes nothing; the same key for other content is refused", async () => {
    const memory = await withPartners();
    await saveTraining(memory, admin, trainingInput());
    expect(await writesOf(memory, () => saveTraining(memory, admin, trainingInput()))).toEqual({
      result: { ok: true, value: { courseCode: "PMD-001", version: 1, written: false } },
      writes: [],
    });
    expect(await writesOf(memory, () => saveTraining(memory, admin, trainingInput({ price: 800_000 })))).toEqual({
      result: { ok: false, reason: "request-id-reused" },
      writes: [],
    });
  });

  it("when a training is changed, then each change is a new version with its own history record, the old one kept", async () => {
    const memory = await withPartners();
    await saveTraining(memory, admin, trainingInput());
    memory.clock.advance(1000);
    const changed = await saveTraining(memory, admin, trainingInput({ requestId: uuid(2), price: 800_000, expectedVersion: 1 }));
    expect(changed).toEqual({ ok: true, value: { courseCode: "PMD-001", version: 2, written: true } });
    expect(memory.state.trainingHistory.get("PMD-001/1")?.training.price).toBe(750_000);
    expect(memory.state.trainingHistory.get("PMD-001/2")).toMatchObject({ version: 2, training: { price: 800_000, version: 2 }, requestId: uuid(2) });

    // Nothing different: no new version, nothing written.
    expect(await writesOf(memory, () => saveTraining(memory, admin, trainingInput({ requestId: uuid(3), price: 800_000 })))).toEqual({
      result: { ok: true, value: { courseCode: "PMD-001", version: 2, written: false } },
      writes: [],
    });
  });

  it("when two admins change one training at once, then both changes get their own version (no version written twice)", async () => {
    const memory = await withPartners();
    const [a, b] = await Promise.all([
      saveTraining(memory, admin, trainingInput({ requestId: uuid(1), price: 500_000 })),
      saveTraining(memory, { uid: "admin-2", claims: { role: "admin" } }, trainingInput({ requestId: uuid(2), price: 600_000 })),
    ]);
    expect([a, b].map((outcome) => outcome.ok && outcome.value.version).sort()).toEqual([1, 2]);
    expect(memory.state.trainingHistory.under("PMD-001/").map(([id]) => id)).toEqual(["1", "2"]);
  });

  it("when the admin edited an older version, then version-conflict with the current version, and nothing is written", async () => {
    const memory = await withPartners();
    await saveTraining(memory, admin, trainingInput());
    expect(await writesOf(memory, () => saveTraining(memory, admin, trainingInput({ requestId: uuid(2), price: 1, expectedVersion: 0 })))).toEqual({
      result: { ok: false, reason: "version-conflict", details: { version: 1 } },
      writes: [],
    });
  });

  it.each([
    ["an institution not onboarded", { institutionCode: "lpk-z" }, "institution-not-onboarded", { code: "lpk-z" }],
    ["a platform given as the institution", { institutionCode: "platform-x" }, "institution-not-onboarded", { code: "platform-x" }],
    ["a platform not onboarded", { platformCodes: ["platform-x", "platform-z"] }, "platform-not-onboarded", { code: "platform-z" }],
    ["an institution given as a platform", { platformCodes: ["lpk-b"] }, "platform-not-onboarded", { code: "lpk-b" }],
    ["fewer hours than the year's minimum (15)", { hours: 14.5 }, "hours-below-minimum", { minimum: 15, hours: 14.5 }],
    ["an offline training in a province that does not exist", { method: "offline", provinceCode: "99" }, "province-unknown", { code: "99" }],
  ] as const)("when a training names %s, then it is refused and nothing is written", async (_, overrides, reason, details) => {
    const memory = await withPartners();
    expect(await writesOf(memory, () => saveTraining(memory, admin, trainingInput(overrides)))).toEqual({ result: { ok: false, reason, details }, writes: [] });
  });

  it("when a partner is de-listed, then trainings naming it are refused", async () => {
    const memory = await withPartners();
    await savePartner(memory, admin, partnerInput("platform-y", { status: "delisted" }));
    const outcome = await saveTraining(memory, admin, trainingInput({ platformCodes: ["platform-y"] }));
    expect(outcome).toEqual({ ok: false, reason: "platform-not-onboarded", details: { code: "platform-y" } });
  });

  it("when the program year sets no minimum, then a short training is accepted", async () => {
    const memory = await withPartners({});
    expect((await saveTraining(memory, admin, trainingInput({ hours: 2 }))).ok).toBe(true);
  });

  it("when anyone but an admin saves a training, then not-admin and nothing is written", async () => {
    const memory = await withPartners();
    for (const actor of NOT_ADMINS)
      expect(await writesOf(memory, () => saveTraining(memory, actor, trainingInput()))).toEqual({ result: { ok: false, reason: "not-admin" }, writes: [] });
  });
});

describe("saveSchedule", () => {
  const scheduleInput = (overrides: Record<string, unknown> = {}) =>
    saveScheduleInput.parse({
      scheduleCode: "PMD-001-J1",
      courseCode: "PMD-001",
      startsAt: "2026-04-01T09:00:00+07:00",
      endsAt: "2026-04-30T17:00:00+07:00",
      capacity: 20,
      ...overrides,
    });

  it("when an admin saves a run, then it is stored with no seat taken; saved again, nothing is written", async () => {
    const memory = await withPartners();
    await saveTraining(memory, admin, trainingInput());
    const { result, writes } = await writesOf(memory, () => saveSchedule(memory, admin, scheduleInput()));
    expect(result).toEqual({ ok: true, value: { scheduleCode: "PMD-001-J1", created: true, written: true } });
    expect(writes).toEqual(["schedules/PMD-001-J1"]);
    expect(memory.state.schedules.get("PMD-001-J1")).toEqual({
      scheduleCode: "PMD-001-J1",
      courseCode: "PMD-001",
      startsAt: new Date("2026-04-01T02:00:00Z"),
      endsAt: new Date("2026-04-30T10:00:00Z"),
      capacity: 20,
      booked: 0,
    });
    expect(await writesOf(memory, () => saveSchedule(memory, admin, scheduleInput()))).toEqual({
      result: { ok: true, value: { scheduleCode: "PMD-001-J1", created: false, written: false } },
      writes: [],
    });
  });

  it("when seats are taken, then the capacity may go down to them (or become unlimited) but not below, and the seats taken stay", async () => {
    const memory = await withPartners();
    await saveTraining(memory, admin, trainingInput());
    await saveSchedule(memory, admin, scheduleInput());
    book(memory, "PMD-001-J1", 12);
    expect(await saveSchedule(memory, admin, scheduleInput({ capacity: 11 }))).toEqual({ ok: false, reason: "capacity-below-booked", details: { booked: 12 } });
    expect((await saveSchedule(memory, admin, scheduleInput({ capacity: 12 }))).ok).toBe(true);
    expect(await saveSchedule(memory, admin, scheduleInput({ capacity: null }))).toEqual({
      ok: true,
      value: { scheduleCode: "PMD-001-J1", created: false, written: true },
    });
    expect(memory.state.schedules.get("PMD-001-J1")).toMatchObject({ capacity: null, booked: 12 });
  });

  it("when the training does not exist or the schedule belongs to another training, then it is refused and nothing is written", async () => {
    const memory = await withPartners();
    await saveTraining(memory, admin, trainingInput());
    await saveTraining(memory, admin, trainingInput({ requestId: uuid(2), courseCode: "AKT-002", title: "Akuntansi" }));
    await saveSchedule(memory, admin, scheduleInput());
    expect(await writesOf(memory, () => saveSchedule(memory, admin, scheduleInput({ courseCode: "NONE-1" })))).toEqual({
      result: { ok: false, reason: "training-not-found" },
      writes: [],
    });
    expect(await writesOf(memory, () => saveSchedule(memory, admin, scheduleInput({ courseCode: "AKT-002" })))).toEqual({
      result: { ok: false, reason: "schedule-course-fixed" },
      writes: [],
    });
  });

  it("when anyone but an admin saves a schedule, then not-admin", async () => {
    const memory = await withPartners();
    for (const actor of NOT_ADMINS) expect(await saveSchedule(memory, actor, scheduleInput())).toEqual({ ok: false, reason: "not-admin" });
  });
});

describe("an institution's pushes over the partner API", () => {
  const course = (overrides: Record<string, unknown> = {}) =>
    pushCourseBody.parse({
      course_code: "BRS-004",
      title: "Barista Pemula",
      price: 1_200_000,
      hours: 24,
      learning_method: "offline",
      category: "Kuliner",
      province_code: "31",
      platform_codes: ["platform-x"],
      ...overrides,
    });
  const run = (overrides: Record<string, unknown> = {}) =>
    pushScheduleBody.parse({
      schedule_code: "BRS-004-J1",
      course_code: "BRS-004",
      start_at: "2026-04-01T09:00:00+07:00",
      end_at: "2026-04-03T17:00:00+07:00",
      quota: 20,
      ...overrides,
    });

  it("when an institution pushes a new training, then it is listed as its own, with a history record by its client code via the partner API", async () => {
    const memory = await withPartners();
    const { result, writes } = await writesOf(memory, () => pushCourse(memory, { clientCode: "lpk-a" }, course()));
    expect(result).toEqual({ ok: true, value: { course_code: "BRS-004", version: 1, changed: true } });
    expect(writes).toEqual(["trainings/BRS-004", "trainings/BRS-004/history/1"]);
    expect(memory.state.trainings.get("BRS-004")).toMatchObject({ institutionCode: "lpk-a", status: "listed", provinceCode: "31", method: "offline" });
    expect(memory.state.trainingHistory.get("BRS-004/1")).toMatchObject({ by: "lpk-a", via: "partner-api" });
    expect(memory.state.trainingHistory.get("BRS-004/1")?.requestId).toBeUndefined();

    // Its whole catalogue pushed again: nothing written.
    expect(await writesOf(memory, () => pushCourse(memory, { clientCode: "lpk-a" }, course()))).toEqual({
      result: { ok: true, value: { course_code: "BRS-004", version: 1, changed: false } },
      writes: [],
    });
  });

  it("when another institution pushes that training or its schedule, then not-own-training and nothing is written", async () => {
    const memory = await withPartners();
    await pushCourse(memory, { clientCode: "lpk-a" }, course());
    await pushSchedule(memory, { clientCode: "lpk-a" }, run());
    expect(await writesOf(memory, () => pushCourse(memory, { clientCode: "lpk-b" }, course({ price: 1 })))).toEqual({
      result: { ok: false, reason: "not-own-training" },
      writes: [],
    });
    expect(await writesOf(memory, () => pushSchedule(memory, { clientCode: "lpk-b" }, run({ quota: 1 })))).toEqual({
      result: { ok: false, reason: "not-own-training" },
      writes: [],
    });
    expect(memory.state.trainings.get("BRS-004")?.price).toBe(1_200_000);
  });

  it("when the program office de-listed a training, then the institution's push changes it but does not list it again", async () => {
    const memory = await withPartners();
    await pushCourse(memory, { clientCode: "lpk-a" }, course());
    const training = memory.state.trainings.get("BRS-004")!;
    const { keywords: _k, version: _v, updatedAt: _u, institutionName: _n, status: _s, ...fields } = training;
    await saveTraining(memory, admin, { ...fields, requestId: uuid(9), status: "delisted" });
    const pushed = await pushCourse(memory, { clientCode: "lpk-a" }, course({ price: 1_000_000 }));
    expect(pushed).toEqual({ ok: true, value: { course_code: "BRS-004", version: 3, changed: true } });
    expect(memory.state.trainings.get("BRS-004")).toMatchObject({ status: "delisted", price: 1_000_000 });
    expect(memory.state.trainingHistory.under("BRS-004/").map(([, change]) => [change.version, change.via, change.training.status])).toEqual([
      [1, "partner-api", "listed"],
      [2, "admin", "delisted"],
      [3, "partner-api", "delisted"],
    ]);
  });

  it("when an institution pushes a run of its own training, then it is stored; without a quota it has no seat limit", async () => {
    const memory = await withPartners();
    await pushCourse(memory, { clientCode: "lpk-a" }, course());
    expect(await pushSchedule(memory, { clientCode: "lpk-a" }, run({ quota: null }))).toEqual({
      ok: true,
      value: { schedule_code: "BRS-004-J1", created: true, changed: true },
    });
    expect(memory.state.schedules.get("BRS-004-J1")).toMatchObject({ capacity: null, booked: 0 });
    expect(await pushSchedule(memory, { clientCode: "lpk-a" }, run({ course_code: "NONE-1" }))).toEqual({ ok: false, reason: "training-not-found" });
  });

  it("when an institution pushes a training below the year's minimum hours, then hours-below-minimum", async () => {
    const memory = await withPartners();
    expect(await pushCourse(memory, { clientCode: "lpk-a" }, course({ hours: 10 }))).toEqual({
      ok: false,
      reason: "hours-below-minimum",
      details: { minimum: 15, hours: 10 },
    });
  });
});

describe("browseCatalogue", () => {
  /** Five trainings of lpk-a (one de-listed), with runs: one started, two upcoming. */
  async function catalogue(): Promise<MemoryPorts> {
    const memory = await withPartners();
    const add = (n: number, overrides: Record<string, unknown>) => saveTraining(memory, admin, trainingInput({ requestId: uuid(n), ...overrides }));
    await add(1, { courseCode: "PMD-001", title: "Pemasaran Digital", category: "Pemasaran", platformCodes: ["platform-x", "platform-y"] });
    await add(2, { courseCode: "AKT-002", title: "Akuntansi Dasar", category: "Keuangan" });
    await add(3, { courseCode: "BRS-004", title: "Barista Pemula", category: "Kuliner", method: "offline", provinceCode: "31" });
    await add(4, { courseCode: "BRS-005", title: "Barista Lanjutan", category: "Kuliner", method: "offline", provinceCode: "32" });
    await add(5, { courseCode: "OLD-009", title: "Pemasaran Lama", category: "Pemasaran", status: "delisted" });
    await savePartner(memory, admin, partnerInput("platform-y", { status: "delisted" }));
    const now = memory.clock.now().getTime();
    const at = (days: number) => new Date(now + days * 86_400_000).toISOString();
    for (const [code, start, capacity] of [
      ["PMD-001-J0", -1, 10],
      ["PMD-001-J1", 3, 10],
      ["PMD-001-J2", 10, null],
    ] as const)
      await saveSchedule(
        memory,
        admin,
        saveScheduleInput.parse({ scheduleCode: code, courseCode: "PMD-001", startsAt: at(start), endsAt: at(start + 20), capacity }),
      );
    book(memory, "PMD-001-J1", 4);
    return memory;
  }

  const browse = async (memory: MemoryPorts, query: Record<string, string> = {}) => {
    const outcome = await browseCatalogue(memory, catalogueQuery.parse(query));
    if (!outcome.ok) throw new Error(outcome.reason);
    return cataloguePage.parse(outcome.value);
  };
  const codes = (page: { trainings: Array<{ courseCode: string }> }) => page.trainings.map((t) => t.courseCode);

  it("when anyone browses, then only listed trainings come, in title order, each with its runs not yet started and their free seats", async () => {
    const memory = await catalogue();
    const page = await browse(memory);
    expect(codes(page)).toEqual(["AKT-002", "BRS-005", "BRS-004", "PMD-001"]);
    const pmd = page.trainings[3];
    expect(pmd.schedules.map((s) => [s.scheduleCode, s.seatsLeft])).toEqual([
      ["PMD-001-J1", 6],
      ["PMD-001-J2", null],
    ]);
    // Only active platforms are named; no partner detail beyond the name.
    expect(pmd.platforms).toEqual([{ code: "platform-x", name: "Mitra platform-x" }]);
    expect(page.next).toBeNull();
  });

  it("when a word is searched and filters are set, then only trainings matching all of them come", async () => {
    const memory = await catalogue();
    expect(await browse(memory, { q: "  BARISTA  " })).toMatchObject({
      searched: "barista",
      trainings: [{ courseCode: "BRS-005" }, { courseCode: "BRS-004" }],
    });
    expect(codes(await browse(memory, { q: "pémasaran" }))).toEqual(["PMD-001"]);
    expect(codes(await browse(memory, { category: "Kuliner", province: "31" }))).toEqual(["BRS-004"]);
    expect(codes(await browse(memory, { method: "offline" }))).toEqual(["BRS-005", "BRS-004"]);
    expect(codes(await browse(memory, { method: "webinar" }))).toEqual([]);
    expect(codes(await browse(memory, { q: "x" }))).toHaveLength(4);
  });

  it("when pages are asked for, then each page continues after the cursor of the one before until the last", async () => {
    const memory = await catalogue();
    const first = await browse(memory, { pageSize: "3" });
    expect(codes(first)).toEqual(["AKT-002", "BRS-005", "BRS-004"]);
    expect(first.next).toBe("BRS-004");
    const second = await browse(memory, { pageSize: "3", cursor: first.next! });
    expect(codes(second)).toEqual(["PMD-001"]);
    expect(second.next).toBeNull();
  });

  it("when one training is asked for, then it comes if listed; a de-listed or unknown one is training-not-found", async () => {
    const memory = await catalogue();
    expect(codes(await browse(memory, { course: "BRS-004" }))).toEqual(["BRS-004"]);
    for (const course of ["OLD-009", "NONE-1"])
      expect(await browseCatalogue(memory, catalogueQuery.parse({ course }))).toEqual({ ok: false, reason: "training-not-found" });
  });
});
