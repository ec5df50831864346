import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { partnerSignature } from "../../functions/src/domain/partnerSignature.js";
import { cataloguePage } from "../../functions/src/schemas/catalogue.js";
import { URLS } from "../../scripts/stack/config.js";
import { trainingPartners } from "../../scripts/demo-data.js";
import { adminDb } from "../support/admin.js";
import { partnerSignKey } from "../support/secrets.js";
import { accountWith, call, type SignedIn } from "../support/stack.js";

/**
 * The training catalogue on the real emulators: the program office's callables (each change of a
 * training written with its history record, retries writing nothing), an institution's signed
 * pushes through Hosting's rewrite and directly to the function (which path the signature covers),
 * and the public browse through Hosting.
 */

const COURSE_PATH = "/api/v1/integration/catalogue/course";
const SCHEDULE_PATH = "/api/v1/integration/catalogue/schedule";
/** A word no other test's training has, so searches here see only this file's trainings. */
const WORD = `kopi${randomUUID().slice(0, 8)}`;
const code = (name: string) => `${name}-${WORD}`;

let admin: SignedIn;

beforeAll(async () => {
  // The demo partners, onboarded and active (their local sign keys are in functions/.secret.local).
  const now = new Date();
  await Promise.all(Object.entries(trainingPartners(now)).map(([clientCode, partner]) => adminDb.doc(`trainingPartners/${clientCode}`).set(partner)));
  admin = await accountWith({ role: "admin" }, "admin");
});

/** A signed partner call, as a partner's system sends it: the signature covers `signedPath`. */
async function signed(url: string, clientCode: string, signedPath: string, body: unknown) {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = partnerSignature(partnerSignKey(clientCode), { clientCode, timestamp, method: "POST", path: signedPath, body: Buffer.from(raw) });
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", client_code: clientCode, timestamp, signature },
    body: raw,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const history = async (courseCode: string) => (await adminDb.collection(`trainings/${courseCode}/history`).get()).docs.map((doc) => doc.data());

const trainingInput = (courseCode: string, overrides: Record<string, unknown> = {}) => ({
  requestId: randomUUID(),
  courseCode,
  title: `Barista ${WORD}`,
  description: "Menyeduh kopi untuk kedai.",
  institutionCode: "lpk-nusantara",
  platformCodes: ["platform-belajar"],
  price: 1_200_000,
  hours: 24,
  method: "offline",
  category: "Kuliner",
  provinceCode: "31",
  status: "listed",
  ...overrides,
});

const partnerInput = (clientCode: string) => ({
  clientCode,
  name: "LPK Uji",
  kind: "institution",
  legalName: "Yayasan LPK Uji",
  registrationNumber: "9120000000999",
  contact: { name: "Sari", email: "sari@lpk-uji.test", phone: "+62 21 555 0199" },
  status: "active",
  settlementsFrozen: false,
  callsPerMinute: 60,
});

describe("the program office's catalogue callables", () => {
  it("when an admin saves a training, then version 1 and its history record are stored; a retry writes nothing", async () => {
    const courseCode = code("ADM");
    const input = trainingInput(courseCode);
    const first = await call("saveTraining", input, admin.idToken);
    expect(first.result).toEqual({ courseCode, version: 1, written: true });
    const again = await call("saveTraining", input, admin.idToken);
    expect(again.result).toEqual({ courseCode, version: 1, written: false });
    expect(await history(courseCode)).toEqual([
      expect.objectContaining({ version: 1, by: admin.uid, via: "admin", requestId: input.requestId, training: expect.objectContaining({ price: 1_200_000 }) }),
    ]);

    const changed = await call("saveTraining", { ...input, requestId: randomUUID(), price: 1_000_000, expectedVersion: 1 }, admin.idToken);
    expect(changed.result).toEqual({ courseCode, version: 2, written: true });
    expect((await history(courseCode)).map((change) => change.version as number).sort()).toEqual([1, 2]);
    expect((await adminDb.doc(`trainings/${courseCode}`).get()).data()).toMatchObject({
      version: 2,
      price: 1_000_000,
      keywords: expect.arrayContaining([WORD]),
    });
  });

  it("when an applicant saves a training or a partner, then permission-denied and nothing is written", async () => {
    const applicant = await accountWith(null, "applicant");
    const courseCode = code("APL");
    const response = await call("saveTraining", trainingInput(courseCode), applicant.idToken);
    expect(response.error).toMatchObject({ status: "PERMISSION_DENIED", details: { reason: "not-admin" } });
    expect((await adminDb.doc(`trainings/${courseCode}`).get()).exists).toBe(false);
    const partner = await call("savePartner", partnerInput(`lpk-no-${WORD}`), applicant.idToken);
    expect(partner.error).toMatchObject({ status: "PERMISSION_DENIED", details: { reason: "not-admin" } });
    expect((await adminDb.doc(`trainingPartners/lpk-no-${WORD}`).get()).exists).toBe(false);
  });

  it("when an offline training names no province, then invalid-argument names the field in both languages", async () => {
    const { provinceCode: _, ...input } = trainingInput(code("NOP"));
    const response = await call("saveTraining", input, admin.idToken);
    expect(response.error).toMatchObject({
      status: "INVALID_ARGUMENT",
      details: { fields: [{ field: "provinceCode", message: { id: expect.stringContaining("luring"), en: expect.stringContaining("offline") } }] },
    });
  });

  it("when an admin onboards a partner and saves a schedule, then both are stored; the capacity may not drop below the seats taken", async () => {
    const clientCode = `lpk-it-${WORD}`;
    expect((await call("savePartner", partnerInput(clientCode), admin.idToken)).result).toEqual({ clientCode, created: true, written: true });
    expect((await adminDb.doc(`trainingPartners/${clientCode}`).get()).data()).toMatchObject({ legalName: "Yayasan LPK Uji", contact: { name: "Sari" } });

    const courseCode = code("SCH");
    await call("saveTraining", trainingInput(courseCode, { institutionCode: clientCode }), admin.idToken);
    const schedule = { scheduleCode: `${courseCode}-J1`, courseCode, startsAt: "2030-04-01T09:00:00+07:00", endsAt: "2030-04-03T17:00:00+07:00", capacity: 10 };
    expect((await call("saveSchedule", schedule, admin.idToken)).result).toEqual({ scheduleCode: schedule.scheduleCode, created: true, written: true });
    await adminDb.doc(`schedules/${schedule.scheduleCode}`).update({ booked: 5 });
    const shrunk = await call("saveSchedule", { ...schedule, capacity: 4 }, admin.idToken);
    expect(shrunk.error).toMatchObject({ status: "FAILED_PRECONDITION", details: { reason: "capacity-below-booked", booked: 5 } });
  });
});

describe("an institution's signed catalogue pushes", () => {
  const course = (courseCode: string, overrides: Record<string, unknown> = {}) => ({
    course_code: courseCode,
    title: `Latte Art ${WORD}`,
    price: 900_000,
    hours: 20,
    learning_method: "webinar",
    category: "Kuliner",
    platform_codes: ["platform-belajar"],
    ...overrides,
  });

  it("when an institution pushes through Hosting, signing the published path, then its training is stored with a partner-api history record", async () => {
    const courseCode = code("API");
    const answer = await signed(`${URLS.webApp}${COURSE_PATH}`, "lpk-nusantara", COURSE_PATH, course(courseCode));
    expect(answer).toEqual({ status: 200, json: { success: true, message: "OK", data: { course_code: courseCode, version: 1, changed: true } } });
    expect(await history(courseCode)).toEqual([expect.objectContaining({ version: 1, by: "lpk-nusantara", via: "partner-api" })]);

    const run = {
      schedule_code: `${courseCode}-J1`,
      course_code: courseCode,
      start_at: "2030-05-01T09:00:00+07:00",
      end_at: "2030-05-02T12:00:00+07:00",
      quota: 25,
    };
    const scheduled = await signed(`${URLS.webApp}${SCHEDULE_PATH}`, "lpk-nusantara", SCHEDULE_PATH, run);
    expect(scheduled).toEqual({
      status: 200,
      json: { success: true, message: "OK", data: { schedule_code: run.schedule_code, created: true, changed: true } },
    });
  });

  it("when the function is called directly, then it sees the path `/`: a signature over the published path fails, one over `/` passes", async () => {
    const courseCode = code("DIR");
    const direct = `${URLS.functions}/catalogueCourse`;
    const overPublished = await signed(direct, "lpk-nusantara", COURSE_PATH, course(courseCode));
    expect(overPublished.status).toBe(401);
    expect(overPublished.json).toMatchObject({ success: false, code: "signature-invalid" });
    const overSlash = await signed(direct, "lpk-nusantara", "/", course(courseCode));
    expect(overSlash).toMatchObject({ status: 200, json: { data: { course_code: courseCode, version: 1 } } });
  });

  it("when another institution pushes that training, then 403 not-own-training and it is unchanged; a platform may not push at all", async () => {
    const courseCode = code("OWN");
    await signed(`${URLS.webApp}${COURSE_PATH}`, "lpk-nusantara", COURSE_PATH, course(courseCode));
    const other = await signed(`${URLS.webApp}${COURSE_PATH}`, "akademi-digital", COURSE_PATH, course(courseCode, { price: 1 }));
    expect(other.status).toBe(403);
    expect(other.json).toMatchObject({ success: false, code: "not-own-training", error: { message: { en: expect.stringContaining("your own trainings") } } });
    expect((await adminDb.doc(`trainings/${courseCode}`).get()).data()).toMatchObject({ price: 900_000, institutionCode: "lpk-nusantara", version: 1 });

    const platform = await signed(`${URLS.webApp}${COURSE_PATH}`, "platform-belajar", COURSE_PATH, course(code("PLT")));
    expect(platform).toMatchObject({ status: 403, json: { code: "partner-not-allowed" } });
  });
});

describe("the public catalogue", () => {
  it("when anyone searches through Hosting, then listed trainings come with their upcoming runs and seats, cacheable, without partner details", async () => {
    const listed = code("PUB");
    const hidden = code("HID");
    await call("saveTraining", trainingInput(listed), admin.idToken);
    await call("saveTraining", trainingInput(hidden, { status: "delisted" }), admin.idToken);
    await call(
      "saveSchedule",
      { scheduleCode: `${listed}-J1`, courseCode: listed, startsAt: "2030-06-01T09:00:00+07:00", endsAt: "2030-06-05T17:00:00+07:00", capacity: 12 },
      admin.idToken,
    );

    const response = await fetch(`${URLS.webApp}/api/catalogue?q=${WORD}&method=offline&province=31`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const text = await response.text();
    expect(text).not.toMatch(/@|kemitraan|registrationNumber|legalName/);
    const page = cataloguePage.parse(JSON.parse(text));
    expect(page.searched).toBe(WORD);
    const codes = page.trainings.map((t) => t.courseCode);
    expect(codes).toContain(listed);
    expect(codes).not.toContain(hidden);
    const ours = page.trainings.find((t) => t.courseCode === listed)!;
    expect(ours).toMatchObject({
      institutionName: "LPK Nusantara",
      provinceName: expect.stringMatching(/JAKARTA/i),
      platforms: [{ code: "platform-belajar", name: "Platform Belajar Digital" }],
      schedules: [{ scheduleCode: `${listed}-J1`, seatsLeft: 12, startsAt: "2030-06-01T02:00:00.000Z" }],
    });

    const one = cataloguePage.parse(await (await fetch(`${URLS.webApp}/api/catalogue?course=${listed}`)).json());
    expect(one.trainings.map((t) => t.courseCode)).toEqual([listed]);
    const missing = await fetch(`${URLS.webApp}/api/catalogue?course=${hidden}`);
    expect(missing.status).toBe(404);
    const bad = await fetch(`${URLS.functions}/catalogue?pageSize=99`);
    expect(bad.status).toBe(400);
  });
});
