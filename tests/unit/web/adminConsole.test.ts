import { describe, expect, it } from "vitest";
import { allProvinces, findProvince, regenciesOf } from "../../../functions/src/domain/regions/index.js";
import { MESSAGES } from "../../../functions/src/schemas/messages.js";
import { REFUSAL_TEXT } from "../../../functions/src/schemas/refusalMessages.js";
import { consoleFailure } from "../../../hosting/src/pages/admin/consoleFailure.js";
import { countLines, importUrl, linesSent, NdjsonReader } from "../../../hosting/src/pages/admin/importStream.js";
import { enConsole } from "../../../hosting/src/i18n/en.console.js";
import { idConsole } from "../../../hosting/src/i18n/id.console.js";
import { grantNow } from "../../../hosting/src/pages/admin/grantNow.js";
import { regionLabel } from "../../../hosting/src/pages/admin/regionLabel.js";
import { matchesRegion, provincesFor, regenciesFor, searchKey } from "../../../hosting/src/pages/admin/regionSearch.js";
import { basisPointsOf, checkWave, jakartaIso, repeatedStratum, type WaveValues } from "../../../hosting/src/pages/admin/waveForm.js";

/** The program office's console in the web app: the wave form checked as the server checks it, the region search, the import stream. */

const wave = (overrides: Partial<WaveValues> = {}): WaveValues => ({
  number: "7",
  programYear: "2026",
  opensAt: "2026-12-01T08:00",
  closesAt: "2026-12-08T23:59",
  quota: "1000",
  strataKind: "none",
  strata: [],
  ...overrides,
});

describe("the wave form", () => {
  it("when times are typed, then they are read as Jakarta time (+07:00) whatever the browser's zone", () => {
    expect(jakartaIso("2026-12-01T08:00")).toBe("2026-12-01T08:00:00+07:00");
    expect(jakartaIso("")).toBe("");
  });

  it("when shares are typed as percentages, then they become basis points; anything else is not a number", () => {
    expect([basisPointsOf("25"), basisPointsOf("12.5"), basisPointsOf("0.01"), basisPointsOf("100")]).toEqual([2500, 1250, 1, 10000]);
    expect(basisPointsOf("1/4")).toBeNaN();
    expect(basisPointsOf("12.345")).toBeNaN();
  });

  it("when the form is complete, then it gives createWave's input with shares in basis points", () => {
    const checked = checkWave(wave({ strataKind: "shares", strata: [{ code: "32", value: "25" }] }));
    expect(checked).toEqual({
      ok: true,
      input: {
        number: 7,
        programYear: 2026,
        opensAt: "2026-12-01T08:00:00+07:00",
        closesAt: "2026-12-08T23:59:00+07:00",
        quota: 1000,
        strata: { kind: "shares", basisPoints: { "32": 2500 } },
      },
    });
  });

  it("when fields are wrong, then each is named with the schema's words in both languages", () => {
    const checked = checkWave(wave({ number: "", quota: "0" }));
    if (checked.ok) throw new Error("accepted");
    expect(Object.keys(checked.errors).sort()).toEqual(["number", "quota"]);
    expect(checked.errors.quota?.message.id).toBeTruthy();
    expect(checked.errors.quota?.message.en).toBeTruthy();
    const early = checkWave(wave({ closesAt: "2026-11-30T08:00" }));
    expect(!early.ok && early.errors.closesAt?.message).toEqual(MESSAGES["closes-before-opening"]);
  });

  it("when shares add up to more than the whole quota, then the strata say so", () => {
    const checked = checkWave(
      wave({
        strataKind: "shares",
        strata: [
          { code: "31", value: "60" },
          { code: "32", value: "50" },
        ],
      }),
    );
    expect(!checked.ok && checked.errors.strata?.message).toEqual(REFUSAL_TEXT["shares-exceed-whole"]);
  });

  it("when a province is listed twice, then it is found before anything is sent", () => {
    expect(
      repeatedStratum([
        { code: "31", value: "1" },
        { code: "", value: "" },
        { code: "31", value: "2" },
      ]),
    ).toBe("31");
    expect(repeatedStratum([{ code: "31", value: "1" }])).toBeNull();
  });
});

describe("the region picker's search", () => {
  const provinces = allProvinces();

  it("when a name is typed whole, then it is found whole (the old free-text box cut “Jawa Barat” to “Jawa”)", () => {
    expect(provincesFor("Jawa Barat", provinces, regenciesOf, "").map((p) => p.code)).toEqual(["32"]);
    expect(matchesRegion({ code: "32", name: "Jawa Barat" }, "jawa")).toBe(true);
  });

  it("when a regency is typed, then its province is offered and its regencies narrowed to the match", () => {
    const offered = provincesFor("kota bandung", provinces, regenciesOf, "");
    expect(offered.map((p) => p.code)).toContain("32");
    expect(regenciesFor("kota bandung", findProvince("32"), regenciesOf("32"), "").map((r) => r.code)).toEqual(["3273"]);
  });

  it("when digits are typed, then codes that start with them match; punctuation and case do not matter", () => {
    expect(provincesFor("32", provinces, regenciesOf, "").map((p) => p.code)).toContain("32");
    expect(searchKey("Kab. Bandung  Barat")).toBe("kab bandung barat");
  });

  it("when nothing matches, then the chosen province is still offered", () => {
    expect(provincesFor("zzzz", provinces, regenciesOf, "31").map((p) => p.code)).toEqual(["31"]);
  });

  it("when a grant names a region, then it is shown by its official name with the code; an unknown code as it is", () => {
    expect(regionLabel("32")).toBe("Jawa Barat (32)");
    expect(regionLabel("3273")).toBe("Kota Bandung (3273)");
    expect(regionLabel("99")).toBe("99");
  });
});

describe("the import stream", () => {
  it("when NDJSON arrives in pieces, then each complete line is read once, and the tail waits for the rest", () => {
    const reader = new NdjsonReader();
    expect(reader.push('{"progress":10000,"rejec')).toEqual([]);
    expect(reader.push('tedLines":3}\n{"done":{"type":"police","version":2,"entries":5,"rejectedLines":1,"rejectedLineNumbers":[4],"current":true}}')).toEqual([
      { kind: "progress", entries: 10000, rejectedLines: 3 },
    ]);
    expect(reader.end()).toEqual([
      { kind: "done", result: { type: "police", version: 2, entries: 5, rejectedLines: 1, rejectedLineNumbers: [4], current: true } },
    ]);
  });

  it("when the import is refused before any line, then the error object is read", () => {
    const reader = new NdjsonReader();
    const error = { code: "no-entries", message: { id: "a", en: "b" }, fields: [], requestId: "r-12345678" };
    expect([...reader.push(JSON.stringify({ error })), ...reader.end()]).toEqual([{ kind: "error", error }]);
  });

  it("when lines are counted, then a last line without a newline counts, and bytes sent map to lines sent", () => {
    expect(countLines(new TextEncoder().encode("NIK\n1\n2"))).toBe(3);
    expect(countLines(new TextEncoder().encode("NIK\n1\n"))).toBe(2);
    expect(countLines(new Uint8Array())).toBe(0);
    expect(linesSent(50, 100, 9)).toBe(5);
    expect(linesSent(200, 100, 9)).toBe(9);
  });

  it("when the console posts a list, then it goes to the function directly (emulator or the Jakarta region)", () => {
    expect(importUrl("civil-servant", { onEmulators: true, projectId: "demo-prakerja", region: "asia-southeast2" })).toBe(
      "http://127.0.0.1:5001/demo-prakerja/asia-southeast2/importExclusionList?type=civil-servant",
    );
    expect(importUrl("police", { onEmulators: false, projectId: "p", region: "asia-southeast2" })).toBe(
      "https://asia-southeast2-p.cloudfunctions.net/importExclusionList?type=police",
    );
  });
});

describe("the console's failures", () => {
  it("when revokeRole refuses, then the shared text is shown; a field message as the server sent it", () => {
    expect(consoleFailure("revokeRole", { code: "functions/failed-precondition", details: { reason: "own-role", fields: [] } })).toEqual({
      kind: "refusal",
      reason: "own-role",
      text: REFUSAL_TEXT["own-role"],
    });
    const field = { field: "region", code: "region-unknown", message: { id: "Kode wilayah “99” …", en: "The region code “99” …" } };
    expect(consoleFailure("planWave", { code: "functions/invalid-argument", details: { reason: "x", fields: [field] } })).toEqual({
      kind: "fields",
      errors: [field],
    });
    expect(consoleFailure("listRoleGrants", { code: "functions/unavailable" })).toEqual({ kind: "message", message: "console.unavailable" });
  });
});

describe('the role-grant list\'s "Now"', () => {
  const revokes = { role: "operator" as const, region: "31" };

  it("when a revocation stands (the account is an applicant), then it never says the account still holds the role", () => {
    expect(grantNow({ holdsNow: true, revokes, revokedHeldAgain: false })).toBe("revocationStands");
    expect(idConsole["console.grants.revocationStands"]).not.toMatch(/masih memegang/);
    expect(enConsole["console.grants.revocationStands"]).not.toMatch(/still holds/);
  });

  it("when the account was granted the revoked role again, then it says so; another role since, then it says that", () => {
    expect(grantNow({ holdsNow: false, revokes, revokedHeldAgain: true })).toBe("heldAgain");
    expect(grantNow({ holdsNow: false, revokes, revokedHeldAgain: false })).toBe("revokedOtherRole");
  });

  it("when a grant (no revocation) is listed, then it says whether the account still holds it", () => {
    expect(grantNow({ holdsNow: true })).toBe("holds");
    expect(grantNow({ holdsNow: false })).toBe("notHeld");
  });
});
