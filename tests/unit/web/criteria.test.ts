import { describe, expect, it } from "vitest";
import { en } from "../../../hosting/src/i18n/en.js";
import { id } from "../../../hosting/src/i18n/id.js";
import { translator } from "../../../hosting/src/i18n/index.js";
import { joinCriteria } from "../../../hosting/src/pages/home/criteria.js";

const said = (lang: "id" | "en", year: Parameters<typeof joinCriteria>[0]) => joinCriteria(year).map(([key, params]) => translator(lang)(key, params));

describe("who can join, on the home page", () => {
  it("when the program year has no upper age and social aid does not exclude (2023 rules), then it says 18 or older, not in school, not in an excluded job, and the family card limit", () => {
    const lines = said("id", { familyLimit: 2, socialAidExcludes: false });
    expect(lines).toEqual([
      id["who.age"],
      id["who.school"],
      id["who.occupation"],
      "Kartu Keluarganya belum punya 2 penerima program (paling banyak 2 penerima per Kartu Keluarga).",
    ]);
    expect(lines.join(" ")).toMatch(/PNS\/ASN.*TNI.*Polri.*pejabat negara.*DPRD.*perangkat desa.*BUMN\/BUMD/);
  });

  it("when the program year has a maximum age and social aid excludes, then it says the age range and the social aid rule", () => {
    const lines = said("en", { familyLimit: 2, socialAidExcludes: true, maximumAge: 64 });
    expect(lines[0]).toBe("are 18 to 64 years old;");
    expect(lines).toContain(en["who.socialAid"]);
  });
});
