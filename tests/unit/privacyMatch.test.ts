import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { memoryVault } from "../../functions/src/adapters/memory/vault.js";
import { PRIORITY_RULE } from "../../functions/src/domain/priority.js";
import { maskName, maskNik, maskPhone } from "../../functions/src/domain/privacy.js";
import { FIXTURE_NAMES } from "../../scripts/fixtures/names.js";
import { describeFinding, findPersonalData, nameMatcher, scanValue } from "../../scripts/privacy/match.js";
import { QUERY_PAGE, scanFirestoreByQuery } from "../../scripts/privacy/firestore.js";
import { AUTH_EMULATOR_SMS_LINE, emulatorEnvironment, groupFindings, scanLogs, SCANNED_LOGS, UNSCANNED_EMULATOR_LOGS } from "../../scripts/privacyScan.js";
import { HOST, PORTS, PROJECT_ID } from "../../scripts/stack/config.js";

/** The privacy scan's matching (scripts/privacy/match.ts): it catches each kind in clear and ignores hashes, masked values and seals. */

const names = nameMatcher(FIXTURE_NAMES);
const NIK = "3171015203900001";
/** A KK whose digits 7–12 are no date, so it cannot read as a NIK. */
const KK = "3171019912200004";
const kinds = (text: string) => findPersonalData(text, names).map((match) => match.kind);

describe("findPersonalData", () => {
  it.each([
    ["a NIK alone", NIK, ["nik"]],
    ["a NIK in a sentence", `NIK ${NIK} sudah terdaftar.`, ["nik"]],
    ["a NIK in a document ID", `nik_${NIK}`, ["nik"]],
    ["a NIK in JSON", JSON.stringify({ nik: NIK }), ["nik"]],
    ["a KK (valid district, not a NIK date)", KK, ["kk"]],
    ["an E.164 mobile", "+6281234567890", ["phone"]],
    ["a national mobile", "kirim ke 081234567890.", ["phone"]],
    ["a mobile with separators", "0812-3456-7890", ["phone"]],
    ["a mobile with spaces and +62", "+62 812 3456 7890", ["phone"]],
    ["a fixture name", "Halo Siti Nurhaliza, selamat!", ["name"]],
    ["a fixture name in capitals (an account holder)", "SITI NURHALIZA", ["name"]],
    ["a fixture name with two spaces", "Dewi  Lestari", ["name"]],
    ["a name with an apostrophe", "Siti Nur'aini", ["name"]],
    ["every kind at once", `Dewi Lestari ${NIK} +6281200001994`, ["nik", "phone", "name"]],
  ])("when a string holds %s, then it is found", (_, text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it.each([
    ["a masked NIK", maskNik(NIK)],
    ["a masked name", maskName("Dewi Lestari")],
    ["a masked phone", maskPhone("+6281234567890")],
    ["only a first name", "Halo Dewi, selamat!"],
    ["a name inside a longer word", "XSiti Nurhalizah"],
    ["a keyed hash (hex)", createHash("sha256").update(NIK).digest("hex")],
    ["a hex hash with a 16-digit run between letters", `ab${NIK}cd`],
    ["a base64 value with a NIK-like run", `Zm9v+${NIK}/YmFy`],
    ["17 digits", `${NIK}7`],
    ["16 digits with an unknown district", "9999995203900001"],
    ["a payout's external ID (34 digits)", "0000000000000000000000000000000001"],
    ["a Jakarta landline", "021-5551234"],
    ["a timestamp", "2026-03-02T03:00:00.000Z"],
    ["a uid", "Xc2ErCd9kQ0812345678aZ"],
    ["a mail's message ID whose UUID ends in 12 digits", "<8a7d4c1e-3b2f-4e5a-9c8d-628961230736@mail.example>"],
  ])("when a string holds %s, then nothing is found", (_, text) => {
    expect(kinds(text)).toEqual([]);
  });

  it("when a vault seal holds a NIK, a name and a phone, then nothing in the seal is found", () => {
    const sealed = memoryVault();
    return sealed.seal({ nik: NIK, kk: KK, fullName: "Dewi Lestari", phone: "+6281200001994", birthDate: "1990-03-12" }, "applicant").then((seal) => {
      expect(scanValue(seal, names, "applicants/u1")).toEqual([]);
    });
  });

  it("when random base64 and hex values are scanned, then none is taken for personal data", () => {
    for (let i = 0; i < 2000; i += 1) {
      const bytes = randomBytes(48);
      expect(kinds(bytes.toString("base64"))).toEqual([]);
      expect(kinds(bytes.toString("hex"))).toEqual([]);
    }
  });

  it("when the program's own public words are scanned (the priority rule a wave's plan records), then no fixture name is found in them", () => {
    expect(kinds(PRIORITY_RULE.id)).toEqual([]);
    expect(kinds(PRIORITY_RULE.en)).toEqual([]);
  });

  it("when a match is found, then it is reported masked, never in clear", () => {
    const found = findPersonalData(`Dewi Lestari ${NIK} +6281200001994 ${KK}`, names);
    expect(found).toEqual([
      { kind: "nik", masked: maskNik(NIK) },
      { kind: "kk", masked: maskNik(KK) },
      { kind: "phone", masked: "+62812****1994" },
      { kind: "name", masked: "Dewi L******" },
    ]);
    const printed = found.map((match) => describeFinding({ ...match, where: "mail/k1", field: "message.text" })).join("\n");
    for (const clear of [NIK, KK, "6281200001994", "Lestari"]) expect(printed).not.toContain(clear);
  });
});

describe("scanValue", () => {
  it("when a document nests personal data in maps, arrays and keys, then each is named by its field path", () => {
    const doc = {
      to: "+6281234567890",
      message: { text: `Halo Siti Nurhaliza`, html: "<p>ok</p>" },
      holders: [{ name: "ok" }, { name: "SITI RAHAYU" }],
      byNik: { [NIK]: true },
      count: 3,
      nikAsNumber: Number(NIK),
      at: new Date(),
    };
    expect(scanValue(doc, names, "mail/k1").map((f) => [f.where, f.field, f.kind])).toEqual([
      ["mail/k1", "to", "phone"],
      ["mail/k1", "message.text", "name"],
      ["mail/k1", "holders[1].name", "name"],
      ["mail/k1", "byNik.(key)", "nik"],
      ["mail/k1", "nikAsNumber", "nik"],
    ]);
  });

  it("when an applicant document holds only the seal, masked values and keyed hashes, then nothing is found", async () => {
    const personal = await memoryVault().seal({ nik: NIK, kk: KK, fullName: "Siti Nur'aini", phone: "+6281234567890", birthDate: "1990-03-12" }, "applicant");
    const applicant = {
      personal,
      nikKey: createHash("sha256").update(`nik:${NIK}`).digest("base64url"),
      nikMasked: maskNik(NIK),
      kkKey: createHash("sha256").update(`kk:${KK}`).digest("base64url"),
      nameMasked: maskName("Siti Nur'aini"),
      phoneMasked: maskPhone("+6281234567890"),
      districtCode: "317101",
    };
    expect(scanValue(applicant, names, "applicants/u1")).toEqual([]);
  });
});

describe("groupFindings", () => {
  it("when findings come from many documents of one collection, then they group by collection, field and kind", () => {
    const findings = ["a", "b", "c"].map((id) => ({ kind: "phone" as const, masked: "+62812****7890", where: `applicants/${id}/inbox/k`, field: "body.id" }));
    expect(
      groupFindings([...findings, { kind: "nik", masked: "x", where: ".stack/emulators.log:12", field: "" }]).map(([place, group]) => [place, group.length]),
    ).toEqual([
      ["applicants/*/inbox/* body.id: phone", 3],
      [".stack/emulators.log: nik", 1],
    ]);
  });
});

describe("the fixtures' names (scripts/fixtures/names.ts)", () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return entry === "node_modules" ? [] : sources(path);
      return path.endsWith(".ts") ? [path] : [];
    });
  // Names the registration refuses (too short, digits, markup) never reach a document; a person's name has capitalised words.
  const valid = (name: string) =>
    /^\p{L}[\p{L} .'’-]*\p{L}$/u.test(name.trim()) &&
    name.trim().includes(" ") &&
    name
      .trim()
      .split(/\s+/)
      .every((word) => /^\p{Lu}/u.test(word));

  it("when a test or script gives a person a full name or an account holder's name, then the scan's list catches it", () => {
    const missing = new Set<string>();
    for (const file of [...sources("tests"), ...sources("scripts")]) {
      for (const [, name] of readFileSync(file, "utf8").matchAll(/(?:fullName|holderName):\s*"([^"]+)"/g)) {
        if (name !== undefined && valid(name) && !kinds(name).includes("name")) missing.add(`${name} (${file})`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});

describe("scanFirestoreByQuery", () => {
  afterEach(() => vi.unstubAllGlobals());
  const root = "projects/p/databases/(default)/documents";

  it("when the emulator answers the kindless query in pages, then every document is read as plain data, with its path and the IDs on the way", async () => {
    const asked: unknown[] = [];
    const pages = [
      Array.from({ length: QUERY_PAGE }, (_, i) => ({
        document: { name: `${root}/waves/w${String(i).padStart(4, "0")}`, fields: { n: { integerValue: "1" } } },
      })),
      [
        {
          document: {
            name: `${root}/applicants/u1/inbox/k1`,
            fields: {
              body: {
                mapValue: {
                  fields: { id: { stringValue: "Halo Dewi Lestari" }, lines: { arrayValue: { values: [{ stringValue: "ok" }, { integerValue: NIK }] } } },
                },
              },
              at: { timestampValue: "2026-03-02T03:00:00Z" },
            },
          },
        },
        { document: { name: `${root}/people/${NIK}/x/y` } },
      ],
    ];
    vi.stubGlobal("fetch", (_url: string, init: { body: string }) => {
      asked.push(JSON.parse(init.body));
      return Promise.resolve(new Response(JSON.stringify(pages[asked.length - 1] ?? [{ readTime: "x" }])));
    });
    const scanned = await scanFirestoreByQuery("127.0.0.1:8080", "p", names);
    expect(scanned?.documents).toBe(QUERY_PAGE + 2);
    expect(scanned?.findings.map((f) => [f.where, f.field, f.kind])).toEqual([
      ["applicants/u1/inbox/k1", "body.id", "name"],
      ["applicants/u1/inbox/k1", "body.lines[1]", "nik"],
      [`people/${NIK}`, "(id)", "nik"],
    ]);
    expect(asked).toHaveLength(2);
    expect(asked[1]).toMatchObject({
      structuredQuery: {
        from: [{ allDescendants: true }],
        startAt: { values: [{ referenceValue: `${root}/waves/w${String(QUERY_PAGE - 1).padStart(4, "0")}` }] },
      },
    });
  });

  it("when the emulator refuses the query, then the answer is null (the caller walks with listings)", async () => {
    vi.stubGlobal("fetch", () => Promise.resolve(new Response("no", { status: 400 })));
    expect(await scanFirestoreByQuery("127.0.0.1:8080", "p", names)).toBeNull();
  });
});

describe("privacy-scan's emulator and logs", () => {
  it("when FIRESTORE_EMULATOR_HOST is not set, then the scan uses the local stack's emulator, as verify-audit does; when set (npm test), that one", () => {
    expect(emulatorEnvironment({})).toMatchObject({ FIRESTORE_EMULATOR_HOST: `${HOST}:${PORTS.firestore}`, GCLOUD_PROJECT: PROJECT_ID });
    expect(emulatorEnvironment({ FIRESTORE_EMULATOR_HOST: "" })).toMatchObject({ FIRESTORE_EMULATOR_HOST: `${HOST}:${PORTS.firestore}` });
    expect(emulatorEnvironment({ FIRESTORE_EMULATOR_HOST: "127.0.0.1:9999", GCLOUD_PROJECT: "demo-other" })).toMatchObject({
      FIRESTORE_EMULATOR_HOST: "127.0.0.1:9999",
      GCLOUD_PROJECT: "demo-other",
    });
  });

  it("when the logs are chosen, then every log our code writes is scanned and only the emulator suite's own debug logs are left out", () => {
    expect(SCANNED_LOGS).toEqual([".stack/emulators.log", ".stack/mail.log"]);
    expect(UNSCANNED_EMULATOR_LOGS).toEqual(["firebase-debug.log", "firestore-debug.log"]);
    expect(SCANNED_LOGS.some((log) => (UNSCANNED_EMULATOR_LOGS as readonly string[]).includes(log))).toBe(false);
  });

  it("when a scanned log holds a phone number in clear, then it is a finding at its file and line", () => {
    const { findings } = scanLogs(["tests/unit/privacyMatch.test.ts"], names);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.where).toMatch(/^tests\/unit\/privacyMatch\.test\.ts:\d+$/);
  });
});

describe("the Auth emulator's printed sign-in code", () => {
  it("when a log line is exactly the emulator's stand-in for the SMS, then it is the only shape skipped; anything more on the line is scanned", () => {
    expect(AUTH_EMULATOR_SMS_LINE.test("i  To verify the phone number +6281234567890, use the code 166817.")).toBe(true);
    expect(AUTH_EMULATOR_SMS_LINE.test("i  To verify the phone number +6281234567890, use the code 166817. Budi Santoso")).toBe(false);
    expect(AUTH_EMULATOR_SMS_LINE.test('{"severity":"INFO","message":"To verify the phone number +6281234567890, use the code 166817."}')).toBe(false);
  });
});
