import { describe, expect, it } from "vitest";
import {
  allProvinces,
  currentRegencyCode,
  currentRegionOf,
  districtsOf,
  FORMER_REGENCIES,
  findDistrict,
  findProvince,
  findRegency,
  regenciesOf,
} from "../../functions/src/domain/regions/index.js";

describe("region data", () => {
  it("when loaded, then it has the official counts: 38 provinces, 514 regencies, about 7,285 districts", () => {
    const provinces = allProvinces();
    const regencies = provinces.flatMap((p) => regenciesOf(p.code));
    const districts = regencies.flatMap((r) => districtsOf(r.code));
    expect(provinces).toHaveLength(38);
    expect(regencies).toHaveLength(514);
    expect(districts.length).toBeGreaterThan(7_200);
    expect(districts.length).toBeLessThan(7_400);
  });

  it("when a code is looked up, then its name and parent come back", () => {
    expect(findProvince("31")?.name).toBe("DKI JAKARTA");
    expect(findRegency("3273")).toEqual({ code: "3273", name: "KOTA BANDUNG", provinceCode: "32" });
    expect(findDistrict("317101")).toEqual({ code: "317101", name: "Gambir", regencyCode: "3171" });
  });

  it("when a code does not exist, then the lookup gives null", () => {
    expect(findProvince("99")).toBeNull();
    expect(findRegency("3199")).toBeNull();
    expect(findDistrict("317199")).toBeNull();
  });

  it("when every regency and district is listed, then each lies inside its parent", () => {
    for (const province of allProvinces()) {
      for (const regency of regenciesOf(province.code)) {
        expect(regency.code.startsWith(province.code)).toBe(true);
        for (const district of districtsOf(regency.code)) expect(district.code.startsWith(regency.code)).toBe(true);
      }
    }
  });
});

describe("former regency codes", () => {
  it("when a former code is listed, then it is no current code and its target is a current regency of the same name", () => {
    for (const { former, current, name } of FORMER_REGENCIES) {
      expect(findRegency(former), former).toBeNull();
      expect(findRegency(current)?.name, current).toMatch(new RegExp(`^(KABUPATEN|KOTA) ${name.replace(/ /g, " ?")}$`, "i"));
    }
  });

  it("when the splits are listed, then every regency of the new provinces 65 and 93–96 has a former code", () => {
    const targets = new Set(FORMER_REGENCIES.map((r) => r.current));
    for (const province of ["65", "93", "94", "95", "96"]) {
      for (const regency of regenciesOf(province)) expect(targets.has(regency.code), regency.code).toBe(true);
    }
  });

  it("when a Kalimantan Utara regency is named by its old Kalimantan Timur code, then the current code comes back", () => {
    expect(currentRegencyCode("6473")).toBe("6571");
    expect(currentRegencyCode("6404")).toBe("6501");
    expect(currentRegencyCode("6401")).toBe("6401");
    expect(currentRegencyCode("6499")).toBeNull();
  });

  it("when a district prefix uses a former Papua code, then it maps to the same district suffix in the new province", () => {
    expect(currentRegionOf("910101")).toEqual({ provinceCode: "93", regencyCode: "9301", districtCode: "930101" });
    expect(currentRegionOf("927101")).toEqual({ provinceCode: "96", regencyCode: "9671", districtCode: "967101" });
  });

  it("when a prefix is current, unknown or malformed, then it is kept, refused or refused", () => {
    expect(currentRegionOf("317101")).toEqual({ provinceCode: "31", regencyCode: "3171", districtCode: "317101" });
    expect(currentRegionOf("910199")).toBeNull();
    expect(currentRegionOf("31710")).toBeNull();
    expect(currentRegionOf("31710a")).toBeNull();
  });
});
