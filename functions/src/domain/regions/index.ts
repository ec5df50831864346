/**
 * Indonesian administrative regions, shared by the functions and the web form: today's regions
 * (today.ts, generated data.ts) and, for NIK and KK prefixes, the codes of older decree editions
 * (formerCodes.ts, generated formerData.ts; the web form never imports those, so its bundle
 * carries today's regions only).
 */
export { SOURCE as REGION_DATA_SOURCE } from "./data.js";
export {
  allProvinces,
  districtsOf,
  findDistrict,
  findProvince,
  findRegency,
  regenciesOf,
  regionNamesOf,
  type District,
  type Province,
  type Regency,
} from "./today.js";
export { currentRegencyCode, currentRegionOf, type CurrentRegion } from "./formerCodes.js";
