import type { Page } from "playwright-core";
import type { person } from "../support/people.js";

export type Person = ReturnType<typeof person>;

const yesNo = (answer: boolean) => (answer ? "Ya" : "Tidak");

/**
 * Fills the registration form (the applicant's or the operator's: the same form) as a person
 * would, through its labels: regions are chosen province, then regency, then district.
 */
export async function fillPerson(page: Page, who: Person): Promise<void> {
  await page.getByRole("textbox", { name: "NIK" }).fill(who.nik);
  await page.getByLabel("Nomor Kartu Keluarga").fill(who.kk);
  await page.getByLabel("Nama lengkap").fill(who.fullName);
  await page.getByLabel("Tanggal lahir").fill(who.birthDate);
  await page
    .getByRole("group", { name: "Jenis kelamin" })
    .getByLabel(who.sex === "female" ? "Perempuan" : "Laki-laki")
    .check();
  await page.getByLabel("Nomor HP").fill(who.phone);
  await page.getByLabel("Provinsi").selectOption(who.provinceCode);
  await page.getByLabel("Kabupaten/kota").selectOption(who.regencyCode);
  await page.getByLabel("Kecamatan").selectOption(who.districtCode);
  await page.getByRole("group", { name: "sekolah atau kuliah" }).getByLabel(yesNo(who.inFormalEducation), { exact: true }).check();
  await page.getByLabel("Pekerjaan").selectOption(who.occupation);
  await page.getByRole("group", { name: "bantuan sosial" }).getByLabel(yesNo(who.receivesSocialAid), { exact: true }).check();
  await page.getByRole("checkbox").check();
}

/** The NIK as the server masks it: regency and last 4 digits only. */
export const maskedNik = (nik: string) => `${nik.slice(0, 4)}********${nik.slice(12)}`;
