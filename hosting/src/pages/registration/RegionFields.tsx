import { useMemo } from "preact/hooks";
import { allProvinces, districtsOf, regenciesOf } from "@domain/regions/index.js";
import { RegionSelect } from "./RegionSelect.js";
import type { SectionProps } from "./sectionProps.js";

/** Province, then regency or city, then district: each list follows the choice above it. */
export function RegionFields(section: SectionProps) {
  const { provinceCode, regencyCode } = section.values;
  const provinces = useMemo(() => allProvinces(), []);
  const regencies = useMemo(() => regenciesOf(provinceCode), [provinceCode]);
  const districts = useMemo(() => districtsOf(regencyCode), [regencyCode]);
  return (
    <>
      <RegionSelect
        section={section}
        field="provinceCode"
        label="person.province"
        options={provinces}
        empty="person.choose"
        onChoose={(code) => section.update({ provinceCode: code, regencyCode: "", districtCode: "" })}
      />
      <RegionSelect
        section={section}
        field="regencyCode"
        label="person.regency"
        options={regencies}
        empty={provinceCode ? "person.choose" : "person.chooseProvinceFirst"}
        onChoose={(code) => section.update({ regencyCode: code, districtCode: "" })}
      />
      <RegionSelect
        section={section}
        field="districtCode"
        label="person.district"
        options={districts}
        empty={regencyCode ? "person.choose" : "person.chooseRegencyFirst"}
        onChoose={(code) => section.update({ districtCode: code })}
      />
    </>
  );
}
