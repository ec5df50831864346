import { describe, expect, it } from "vitest";
import {
  allProvinces,
  currentRegencyCode,
  currentRegionOf,
  districtsOf,
  findDistrict,
  findProvince,
  findRegency,
  REGION_DATA_SOURCE,
  regenciesOf,
} from "../../functions/src/domain/regions/index.js";

describe("region data", () => {
  it("when loaded, then it is the 2025 decree: 38 provinces, 514 regencies, 7,285 districts", () => {
    const provinces = allProvinces();
    const regencies = provinces.flatMap((p) => regenciesOf(p.code));
    const districts = regencies.flatMap((r) => districtsOf(r.code));
    expect(provinces).toHaveLength(38);
    expect(regencies).toHaveLength(514);
    expect(districts).toHaveLength(7_285);
    expect(REGION_DATA_SOURCE).toMatch(/^Kepmendagri No\. 300\.2\.2-2430 Tahun 2025/);
  });

  it("when a code is looked up, then its name and parent come back", () => {
    expect(findProvince("31")?.name).toBe("Daerah Khusus Ibukota Jakarta");
    expect(findRegency("3273")).toEqual({ code: "3273", name: "Kota Bandung", provinceCode: "32" });
    expect(findDistrict("317101")).toEqual({ code: "317101", name: "Gambir", regencyCode: "3171" });
  });

  it("when a district was created by the 2025 decree, then the pickers offer it", () => {
    expect(findDistrict("720124")).toEqual({ code: "720124", name: "Toili Jaya", regencyCode: "7201" });
    expect(districtsOf("7201").map((d) => d.code)).toContain("720124");
    expect(regenciesOf("96").map((r) => r.code)).toEqual(["9601", "9602", "9603", "9604", "9605", "9671"]);
  });

  it("when a code does not exist today, then the lookup gives null, former codes included", () => {
    expect(findProvince("99")).toBeNull();
    expect(findRegency("3199")).toBeNull();
    expect(findDistrict("317199")).toBeNull();
    expect(findRegency("9102")).toBeNull();
    expect(findDistrict("910203")).toBeNull();
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
  it("when the splits are listed, then every regency of the new provinces 65 and 93–96 is the successor of a former code", () => {
    const formerCodes = ["64", "91", "92"].flatMap((p) => Array.from({ length: 99 }, (_, i) => p + String(i + 1).padStart(2, "0")));
    const successors = new Set(formerCodes.filter((code) => !findRegency(code)).map(currentRegencyCode));
    for (const province of ["65", "93", "94", "95", "96"]) {
      for (const regency of regenciesOf(province)) expect(successors.has(regency.code), regency.code).toBe(true);
    }
  });

  it("when a regency is named by a former code, then today's code comes back", () => {
    expect(currentRegencyCode("6473")).toBe("6571");
    expect(currentRegencyCode("6404")).toBe("6501");
    expect(currentRegencyCode("9102")).toBe("9501");
    expect(currentRegencyCode("9201")).toBe("9601");
    expect(currentRegencyCode("6401")).toBe("6401");
    expect(currentRegencyCode("6499")).toBeNull();
  });
});

describe("NIK and KK prefixes (currentRegionOf)", () => {
  const districtOf = (prefix: string) => {
    const region = currentRegionOf(prefix);
    return region && { code: region.districtCode, name: findDistrict(region.districtCode)?.name };
  };

  it("when a former Papua district was renumbered with its regency, then it lands on today's district of the same name", () => {
    expect(districtOf("910203")).toEqual({ code: "950102", name: "Kurulu" });
    expect(districtOf("910241")).toEqual({ code: "950113", name: "Napua" });
    expect(districtOf("920139")).toEqual({ code: "960114", name: "Mariat" });
    expect(districtOf("920104")).toEqual({ code: "960102", name: "Beraur" });
  });

  it("when a district kept its suffix while its regency moved, then the region comes back whole", () => {
    expect(currentRegionOf("910101")).toEqual({ provinceCode: "93", regencyCode: "9301", districtCode: "930101" });
    expect(currentRegionOf("927101")).toEqual({ provinceCode: "96", regencyCode: "9671", districtCode: "967101" });
  });

  it("when a code comes from a 2023 edition that 2025 renumbered, then it is mapped too", () => {
    expect(districtOf("920101")).toEqual({ code: "960101", name: "Makbon" });
  });

  it("when a code predates the oldest edition (Kalimantan Timur before 2012), then it is placed in Kalimantan Utara", () => {
    expect(currentRegionOf("647302")).toEqual({ provinceCode: "65", regencyCode: "6571", districtCode: "657102" });
  });

  it("when a prefix is current, never a district, or malformed, then it is kept, refused or refused", () => {
    expect(currentRegionOf("317101")).toEqual({ provinceCode: "31", regencyCode: "3171", districtCode: "317101" });
    expect(currentRegionOf("720124")).toEqual({ provinceCode: "72", regencyCode: "7201", districtCode: "720124" });
    expect(currentRegionOf("910199")).toBeNull();
    expect(currentRegionOf("911399")).toBeNull();
    expect(currentRegionOf("31710")).toBeNull();
    expect(currentRegionOf("31710a")).toBeNull();
  });
});
