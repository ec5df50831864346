import { describe, expect, it } from "vitest";
import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import type { RegisterInput } from "../../../functions/src/schemas/registration.js";
import { register, type Registrant } from "../../../functions/src/usecases/register.js";
import { openedPerson } from "../../support/vault.js";
import { listNiks, person, setup, TODAY, writesOf } from "./fixtures.js";

/** register through the memory adapters: what it writes, every refusal, and its retries. */

const ATTEMPTS = 3;
const self = (uid: string): Registrant => ({ uid, by: "self", requestId: `self:${uid}`, attemptLimit: ATTEMPTS });
const registerAs = (memory: MemoryPorts, uid: string, input: RegisterInput) => writesOf(memory, () => register(memory, self(uid), input));

describe("register", () => {
  it("when a person registers, then the NIK is claimed, the applicant stored under keyed hashes and the family card counts them", async () => {
    const memory = setup();
    const form = person(1);
    const { result, writes } = await registerAs(memory, "u1", form);
    expect(result).toEqual({
      ok: true,
      value: { uid: "u1", nikMasked: "3171********0001", status: "registered", eligibility: { eligible: true, reasons: [] }, created: true },
    });
    const [nikKey, kkKey] = [memory.pseudonyms.nik(form.nik), memory.pseudonyms.kk(form.kk)];
    expect(writes).toEqual([`nikIndex/${nikKey}`, "applicants/u1", expect.stringMatching(/^applicants\/u1\/timeline\//), `families/${kkKey}`]);
    expect(memory.state.nikIndex.get(nikKey)).toEqual({ uid: "u1", at: memory.clock.now() });
    expect(memory.state.applicants.get("u1")).toMatchObject({
      nikKey,
      kkKey,
      registeredBy: "self",
      requestId: "self:u1",
      consent: { by: "self" },
      programYear: 2026,
    });
    expect(memory.state.families.get(kkKey)).toEqual({ registrants: 1, recipients: 0, members: ["u1"] });
    expect(await memory.registrations.timeline("u1")).toEqual([{ kind: "registered", at: memory.clock.now(), eligible: true, reasons: [], by: "self" }]);
  });

  it("when a person registers, then NIK, KK, name, phone and birth date are stored only sealed, next to their masked values", async () => {
    const memory = setup();
    const form = { ...person(1), fullName: "Dewi Lestari Putri" };
    await registerAs(memory, "u1", form);
    const stored = memory.state.applicants.get("u1")!;
    expect(stored).toMatchObject({ nikMasked: "3171********0001", nameMasked: "Dewi L****** P****", phoneMasked: "+62812****0001" });
    for (const field of ["nik", "kk", "fullName", "phone", "birthDate"]) expect(stored).not.toHaveProperty(field);
    const text = JSON.stringify(stored);
    for (const clear of [form.nik, form.kk, form.fullName, form.phone, form.birthDate, "Lestari"]) expect(text).not.toContain(clear);
    expect(openedPerson(stored)).toEqual({ nik: form.nik, kk: form.kk, fullName: form.fullName, phone: form.phone, birthDate: form.birthDate });
    expect(await memory.vault.open(stored.smsTo!, "sms")).toEqual({ phone: form.phone });
  });

  it("when the same request is retried, then it answers as the first time and writes nothing", async () => {
    const memory = setup();
    await registerAs(memory, "u1", person(1));
    memory.clock.advance(60_000);
    const { result, writes } = await registerAs(memory, "u1", person(1));
    expect(result).toEqual({
      ok: true,
      value: { uid: "u1", nikMasked: "3171********0001", status: "registered", eligibility: { eligible: true, reasons: [] }, created: false },
    });
    expect(writes).toEqual([]);
  });

  it("when the person is not eligible, then they are registered all the same, with every reason", async () => {
    const memory = setup();
    const { result } = await registerAs(memory, "u1", person(1, { occupation: "civil-servant", inFormalEducation: true, birthDate: "2010-01-05" }));
    expect(result).toMatchObject({
      ok: true,
      value: { created: true, eligibility: { eligible: false, reasons: ["under-age", "in-formal-education", "excluded-occupation"] } },
    });
  });

  it("when the program year admits ages 18 to 64 (the 2024 criteria), then a 65-year-old registers as over-age", async () => {
    const memory = setup({ rules: { maximumAge: 64 } });
    const { result } = await registerAs(memory, "u1", person(1, { birthDate: "1960-03-02" }));
    expect(result).toMatchObject({ ok: true, value: { eligibility: { eligible: false, reasons: ["over-age"] } } });
    expect((await registerAs(memory, "u2", person(2, { birthDate: "1961-03-03" }))).result).toMatchObject({ value: { eligibility: { eligible: true } } });
  });

  it("when the NIK is on a current exclusion list or the family card is full, then the registration says so", async () => {
    const memory = setup();
    const listed = person(1);
    await listNiks(memory, "police", [listed.nik]);
    memory.state.families.set(memory.pseudonyms.kk(person(2).kk), { registrants: 2, recipients: 2 });
    expect((await registerAs(memory, "u1", listed)).result).toMatchObject({ value: { eligibility: { eligible: false, reasons: ["on-exclusion-list"] } } });
    expect((await registerAs(memory, "u2", person(2))).result).toMatchObject({
      value: { eligibility: { eligible: false, reasons: ["family-limit-reached"] } },
    });
    expect(memory.state.applicants.get("u1")?.eligibility.listVersions).toEqual({ police: 1 });
  });

  describe("the NIK and the KK against the form", () => {
    const cases: Array<[string, (form: RegisterInput) => RegisterInput]> = [
      ["nik-format", (f) => ({ ...f, nik: "31710117059" })],
      ["nik-region-unknown", (f) => ({ ...f, nik: `999999${f.nik.slice(6)}` })],
      ["nik-birth-date-invalid", (f) => ({ ...f, nik: `${f.nik.slice(0, 6)}3205${f.nik.slice(10)}` })],
      ["nik-serial-zero", (f) => ({ ...f, nik: `${f.nik.slice(0, 12)}0000` })],
      ["kk-format", (f) => ({ ...f, kk: "317101" })],
      ["kk-region-unknown", (f) => ({ ...f, kk: "9999990000000001" })],
      ["kk-equals-nik", (f) => ({ ...f, kk: f.nik })],
    ];
    for (const [reason, change] of cases) {
      it(`when the form is wrong in a way that is ${reason}, then it is refused as ${reason} and nothing is written`, async () => {
        const memory = setup();
        const { result, writes } = await registerAs(memory, "u1", change(person(1)));
        expect(result).toEqual({ ok: false, reason });
        expect(writes).toEqual([]);
      });
    }
  });

  describe("a NIK whose digits differ from the KTP: evidence, not the authority", () => {
    /** NIK 3204101503900021: issued in Margaasih (Kabupaten Bandung), its digits say a man born 1990-03-15. */
    const differing = (overrides: Partial<RegisterInput> = {}): RegisterInput => ({
      ...person(1, { districtCode: "320410" }),
      nik: "3204101503900021",
      birthDate: "1990-04-15",
      sex: "male",
      ...overrides,
    });

    it("when the KTP date is 1990-04-15, then the person is registered as needs-verification, told to bring the KTP and KK to Disnaker Kabupaten Bandung", async () => {
      const memory = setup();
      const { result, writes } = await registerAs(memory, "u1", differing());
      expect(result).toEqual({
        ok: true,
        value: {
          uid: "u1",
          nikMasked: "3204********0021",
          status: "registered",
          eligibility: { eligible: false, reasons: ["identity-not-verified"] },
          verification: {
            state: "needs-verification",
            reasons: ["nik-birth-date-differs"],
            bring: ["ktp", "kk"],
            office: { provinceCode: "32", regencyCode: "3204", province: "Jawa Barat", regency: "Kabupaten Bandung" },
            requestedAt: memory.clock.now().toISOString(),
          },
          created: true,
        },
      });
      expect(writes).toHaveLength(4);
      expect(memory.state.applicants.get("u1")).toMatchObject({
        verification: { state: "needs-verification", reasons: ["nik-birth-date-differs"], requestedAt: memory.clock.now() },
      });
      expect(openedPerson(memory.state.applicants.get("u1")!).birthDate).toBe("1990-04-15");
      expect(await memory.registrations.timeline("u1")).toMatchObject([{ kind: "registered", eligible: false, reasons: ["identity-not-verified"] }]);
    });

    it("when both the date and the sex differ, then both reasons are recorded", async () => {
      const memory = setup();
      const { result } = await registerAs(memory, "u1", differing({ sex: "female" }));
      expect(result).toMatchObject({ ok: true, value: { verification: { reasons: ["nik-birth-date-differs", "nik-sex-differs"] } } });
    });

    it("when the declared (KTP) date makes the person 17 while the NIK's digits make them an adult, then the KTP date decides: under-age", async () => {
      const memory = setup();
      const { result } = await registerAs(memory, "u1", differing({ birthDate: "2008-06-01" }));
      expect(result).toMatchObject({ ok: true, value: { eligibility: { eligible: false, reasons: ["identity-not-verified", "under-age"] } } });
    });

    it("when the person lives where the office is, then the office named is that of their domicile, not of the NIK's region", async () => {
      const memory = setup();
      const { result } = await registerAs(memory, "u1", differing({ provinceCode: "31", regencyCode: "3171", districtCode: "317101" }));
      expect(result).toMatchObject({ ok: true, value: { verification: { office: { regencyCode: "3171", regency: "Kota Administrasi Jakarta Pusat" } } } });
    });
  });

  it("when the NIK and the KK were issued elsewhere (a former Papua code) than where the person lives, then they register all the same", async () => {
    const memory = setup();
    const form: RegisterInput = { ...person(1), nik: "9102411705900001", kk: "9201391005100002" };
    const { result } = await registerAs(memory, "u1", form);
    expect(result).toMatchObject({ ok: true, value: { eligibility: { eligible: true, reasons: [] }, created: true } });
    expect(memory.state.applicants.get("u1")).toMatchObject({ districtCode: "317101", provinceCode: "31" });
  });

  it("when the program year has no rules, then program-year-not-configured and nothing is written", async () => {
    const memory = setup({ rules: null });
    const { result, writes } = await registerAs(memory, "u1", person(1));
    expect(result).toEqual({ ok: false, reason: "program-year-not-configured" });
    expect(writes).toEqual([]);
  });

  it("when another account registered the NIK, then nik-registered, and only the caller's attempt is counted", async () => {
    const memory = setup();
    await registerAs(memory, "u1", person(1));
    const { result, writes } = await registerAs(memory, "u2", person(1));
    expect(result).toEqual({ ok: false, reason: "nik-registered" });
    expect(writes).toEqual([`registerAttempts/u2_${TODAY}`]);
    expect(memory.state.registerAttempts.get(`u2_${TODAY}`)).toEqual({ count: 1 });
    expect(memory.state.applicants.has("u2")).toBe(false);
  });

  it("when the account registered another NIK, then account-registered, and only the attempt is counted", async () => {
    const memory = setup();
    await registerAs(memory, "u1", person(1));
    const { result, writes } = await registerAs(memory, "u1", person(2));
    expect(result).toEqual({ ok: false, reason: "account-registered" });
    expect(writes).toEqual([`registerAttempts/u1_${TODAY}`]);
  });

  it("when the account registered this NIK under another request, then nik-registered (not a retry)", async () => {
    const memory = setup();
    await registerAs(memory, "u1", person(1));
    const other = await writesOf(memory, () => register(memory, { ...self("u1"), requestId: "another" }, person(1)));
    expect(other.result).toEqual({ ok: false, reason: "nik-registered" });
    expect(other.writes).toEqual([`registerAttempts/u1_${TODAY}`]);
  });

  it("when the caller's refused attempts of the day reach the limit, then too-many-attempts, nothing more is counted, until the next day", async () => {
    const memory = setup();
    await registerAs(memory, "owner", person(1));
    for (let i = 0; i < ATTEMPTS; i += 1) expect((await registerAs(memory, "prober", person(1))).result).toEqual({ ok: false, reason: "nik-registered" });
    const blocked = await registerAs(memory, "prober", person(1));
    expect(blocked).toEqual({ result: { ok: false, reason: "too-many-attempts" }, writes: [] });
    // Past the limit not even a free NIK is told apart.
    expect(await registerAs(memory, "prober", person(2))).toEqual({ result: { ok: false, reason: "too-many-attempts" }, writes: [] });
    expect(memory.state.registerAttempts.get(`prober_${TODAY}`)).toEqual({ count: ATTEMPTS });
    memory.clock.advance(24 * 3600_000);
    expect((await registerAs(memory, "prober", person(2))).result).toMatchObject({ ok: true, value: { created: true } });
  });

  it("when a registration went through and the limit is reached later, then its retry still answers as the first time", async () => {
    const memory = setup();
    await registerAs(memory, "u1", person(1));
    for (let i = 0; i < ATTEMPTS; i += 1) await registerAs(memory, "u1", person(2));
    expect(await registerAs(memory, "u1", person(1))).toMatchObject({ result: { ok: true, value: { created: false } }, writes: [] });
  });

  it("when two accounts register one NIK at the same moment, then one is registered and the other refused", async () => {
    const memory = setup();
    const outcomes = await Promise.all(["u1", "u2"].map((uid) => register(memory, self(uid), person(1))));
    expect(outcomes.map((o) => (o.ok ? "created" : o.reason)).sort()).toEqual(["created", "nik-registered"]);
    expect(memory.state.nikIndex.size).toBe(1);
    const registered = outcomes[0].ok ? "u1" : "u2";
    expect(memory.state.families.get(memory.pseudonyms.kk(person(1).kk))).toEqual({ registrants: 1, recipients: 0, members: [registered] });
  });
});
