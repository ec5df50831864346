import { describe, expect, it } from "vitest";
import { searchWordOf } from "../../functions/src/domain/training/catalogue.js";
import { catalogueQuery, pushCourseBody, pushScheduleBody, saveScheduleInput, saveTrainingInput } from "../../functions/src/schemas/catalogue.js";
import { fieldErrors, MESSAGES } from "../../functions/src/schemas/messages.js";

/** The catalogue's inputs: what each refuses, named by field in both languages; and the search word. */

const training = {
  requestId: "0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d01",
  courseCode: "BRS-004",
  title: "Barista Pemula",
  institutionCode: "lpk-nusantara",
  platformCodes: ["platform-belajar"],
  price: 1_200_000,
  hours: 24,
  method: "offline",
  category: "Kuliner",
  provinceCode: "31",
  status: "listed",
};

/** The fields refused and their messages, which must be the catalogue's own texts (never a bare key). */
function refusedFields(result: { success: boolean; error?: Parameters<typeof fieldErrors>[0] }) {
  expect(result.success).toBe(false);
  const fields = fieldErrors(result.error!);
  for (const field of fields) expect(field.message.id, field.field).not.toMatch(/^[a-z-]+$/);
  return Object.fromEntries(fields.map((f) => [f.field, f.message]));
}

describe("saveTrainingInput and pushCourseBody", () => {
  it("when an offline training names its province, then it parses (description defaults to empty)", () => {
    expect(saveTrainingInput.parse(training)).toMatchObject({ provinceCode: "31", description: "" });
  });

  it("when an offline training names no province, or an online one names one, then that field is refused in both languages", () => {
    const { provinceCode: _, ...withoutProvince } = training;
    expect(refusedFields(saveTrainingInput.safeParse(withoutProvince))).toEqual({ provinceCode: MESSAGES["catalogue-province-required-offline"] });
    expect(refusedFields(saveTrainingInput.safeParse({ ...training, method: "webinar" }))).toEqual({
      provinceCode: MESSAGES["catalogue-province-only-offline"],
    });
    const body = { course_code: "X-1", title: "T", price: 1, hours: 20, learning_method: "offline", category: "C", platform_codes: ["p"] };
    expect(refusedFields(pushCourseBody.safeParse(body))).toEqual({ province_code: MESSAGES["catalogue-province-required-offline"] });
  });

  it("when platforms are missing or repeated, the price is not whole rupiah, or hours are zero, then each field is named", () => {
    const refused = refusedFields(saveTrainingInput.safeParse({ ...training, platformCodes: [], price: 10.5, hours: 0, courseCode: "__x" }));
    expect(refused).toMatchObject({
      platformCodes: MESSAGES["catalogue-platforms-required"],
      price: MESSAGES["catalogue-price"],
      hours: MESSAGES["catalogue-hours"],
    });
    expect(Object.keys(refused)).toContain("courseCode");
    expect(refusedFields(saveTrainingInput.safeParse({ ...training, platformCodes: ["a", "a"] }))).toEqual({
      platformCodes: MESSAGES["catalogue-platforms-repeated"],
    });
  });
});

describe("saveScheduleInput and pushScheduleBody", () => {
  const run = { scheduleCode: "BRS-004-J1", courseCode: "BRS-004", startsAt: "2026-04-01T09:00:00+07:00", endsAt: "2026-04-03T17:00:00+07:00" };

  it("when no capacity is given (a callable drops nulls), then the run has no seat limit", () => {
    expect(saveScheduleInput.parse(run).capacity).toBeNull();
    expect(pushScheduleBody.parse({ schedule_code: "S", course_code: "C", start_at: run.startsAt, end_at: run.endsAt, quota: null }).quota).toBeNull();
  });

  it("when a run ends before it starts, has no offset, or zero seats, then the field is named", () => {
    expect(refusedFields(saveScheduleInput.safeParse({ ...run, endsAt: run.startsAt }))).toEqual({ endsAt: MESSAGES["catalogue-ends-before-start"] });
    expect(refusedFields(saveScheduleInput.safeParse({ ...run, startsAt: "2026-04-01T09:00:00" }))).toEqual({ startsAt: MESSAGES["catalogue-time-format"] });
    expect(refusedFields(saveScheduleInput.safeParse({ ...run, capacity: 0 }))).toEqual({ capacity: MESSAGES["catalogue-capacity"] });
  });
});

describe("catalogueQuery", () => {
  it("when the page size is a number from 1 to 30, then it parses; otherwise it is refused with the catalogue's text", () => {
    expect(catalogueQuery.parse({ pageSize: "30" }).pageSize).toBe(30);
    for (const pageSize of ["0", "31", "abc", "1.5"])
      expect(refusedFields(catalogueQuery.safeParse({ pageSize })), pageSize).toEqual({ pageSize: MESSAGES["catalogue-page-size"] });
  });

  it("when a method, province or cursor is not one the catalogue knows, then it is refused", () => {
    expect(Object.keys(refusedFields(catalogueQuery.safeParse({ method: "online", province: "3", cursor: "__x__/" })))).toEqual([
      "method",
      "province",
      "cursor",
    ]);
  });
});

describe("searchWordOf", () => {
  it.each([
    ["barista", "barista"],
    ["Desain  GRAFIS komputer", "komputer"],
    ["desain grafis", "desain"],
    ["pémasaran digital", "pemasaran"],
    ["a", null],
    ["", null],
  ])("when %j is typed, then the keyword searched is %j", (typed, word) => {
    expect(searchWordOf(typed)).toBe(word);
  });
});
