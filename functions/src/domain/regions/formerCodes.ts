/**
 * Regency codes that no longer exist but still stand at the start of valid NIKs and KK numbers:
 * a NIK keeps the code of the region that issued it, so everyone registered before a province was
 * split carries the parent province's code for life.
 *
 * Provenance. The current codes are those of the generated data (idn-area-data, Kemendagri
 * coding). The former codes are the Kemendagri (not BPS — BPS numbers the same regencies
 * differently) codes in force before each split, as listed in the Kemendagri region-code
 * regulations before 2012 (Kalimantan Timur) and before 2022 (Papua, Papua Barat); each pair
 * was matched by regency name, and a unit test checks every target exists under that name.
 * - Kalimantan Utara (65) from Kalimantan Timur (64): UU No. 20/2012.
 * - Papua Selatan (93), Papua Tengah (94), Papua Pegunungan (95) from Papua (91): UU No. 14, 15
 *   and 16/2022.
 * - Papua Barat Daya (96) from Papua Barat (92): UU No. 29/2022.
 *
 * Districts are assumed to have kept their two-digit suffix when their regency moved province
 * (old regency code + same suffix → new regency code + same suffix). Districts moved between
 * regencies inside a province (e.g. into Mahakam Ulu, 6411, carved from Kutai Barat, 6407, in
 * 2013) are not covered: such old NIKs are refused as an unknown region until a district-level
 * row is added here.
 */
export interface FormerRegency {
  former: string;
  current: string;
  /** The regency's name, the same before and after the split. */
  name: string;
}

const row = (former: string, current: string, name: string): FormerRegency => ({ former, current, name });

export const FORMER_REGENCIES: readonly FormerRegency[] = [
  row("6404", "6501", "Bulungan"),
  row("6405", "6503", "Nunukan"),
  row("6406", "6502", "Malinau"),
  row("6410", "6504", "Tana Tidung"),
  row("6473", "6571", "Tarakan"),

  row("9101", "9301", "Merauke"),
  row("9116", "9302", "Boven Digoel"),
  row("9117", "9303", "Mappi"),
  row("9118", "9304", "Asmat"),

  row("9104", "9401", "Nabire"),
  row("9107", "9402", "Puncak Jaya"),
  row("9108", "9403", "Paniai"),
  row("9109", "9404", "Mimika"),
  row("9125", "9405", "Puncak"),
  row("9126", "9406", "Dogiyai"),
  row("9127", "9407", "Intan Jaya"),
  row("9128", "9408", "Deiyai"),

  row("9102", "9501", "Jayawijaya"),
  row("9112", "9502", "Pegunungan Bintang"),
  row("9113", "9503", "Yahukimo"),
  row("9114", "9504", "Tolikara"),
  row("9121", "9505", "Mamberamo Tengah"),
  row("9122", "9506", "Yalimo"),
  row("9123", "9507", "Lanny Jaya"),
  row("9124", "9508", "Nduga"),

  row("9201", "9601", "Sorong"),
  row("9204", "9602", "Sorong Selatan"),
  row("9205", "9603", "Raja Ampat"),
  row("9209", "9604", "Tambrauw"),
  row("9210", "9605", "Maybrat"),
  row("9271", "9671", "Sorong"),
];
