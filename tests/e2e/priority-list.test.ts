import { randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { calendarDateIn } from "../../functions/src/domain/calendar.js";
import { PRIORITY_RULE } from "../../functions/src/domain/priority.js";
import { adminDb } from "../support/admin.js";
import { ensureProgramYear } from "../support/people.js";
import { accountWith } from "../support/stack.js";
import { closeBrowser, expectAccessible, openPhone, signInAs } from "./support.js";

/**
 * A priority list from the program office's console on a phone's screen: an admin imports a list
 * (its ID, name, who is on it, its source, the file with NIKs and mobile numbers), sees it with
 * its version and counts, then creates a wave that declares it with a share of the seats (a
 * share left empty is named at its field first): the form and the plan say in words that the
 * share is drawn first among its people, the saved wave records the list's version and share, and
 * the wave's transparency page shows the list, its seats in words and its invitation count.
 */

const createdWaves: string[] = [];

afterAll(async () => {
  // The wave opens in 2191 and only this file looks at it; removed so no other page lists it.
  for (const id of createdWaves) await Promise.all([adminDb.doc(`waves/${id}`).delete(), adminDb.doc(`waveSecrets/${id}`).delete()]);
  await closeBrowser();
});

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Distinct NIKs of people born in 2006 in a district no other test uses: nobody registered has one. */
function niks(count: number): string[] {
  const start = randomInt(0, 500_000);
  return Array.from({ length: count }, (_, k) => {
    const i = start + k;
    const rest = Math.floor(i / 9999);
    return `351002${pad((rest % 28) + 1)}${pad((Math.floor(rest / 28) % 12) + 1)}06${pad((i % 9999) + 1, 4)}`;
  });
}

describe("a priority list in the console", () => {
  it("when an admin imports a priority list and creates a wave with it, then the plan, the saved wave and the transparency page carry the list", async () => {
    await ensureProgramYear();
    const admin = await accountWith({ role: "admin" }, "admin");
    const listId = `e2e-${randomInt(1_000_000, 9_999_999)}`;
    const { page, pageErrors } = await openPhone();
    await signInAs(page, admin.email, "Admin Manajemen Pelaksana");
    await page.getByRole("link", { name: "Admin", exact: true }).click();
    await page.getByRole("heading", { name: "Impor daftar prioritas" }).waitFor();

    const importForm = page.getByTestId("priority-import-form");
    await importForm.getByLabel("ID daftar", { exact: false }).fill(listId);
    await importForm.getByLabel("Nama daftar").fill("Korban PHK E2E");
    await importForm.getByLabel("Siapa yang ada dalam daftar").fill("Pekerja terkena PHK (uji)");
    await importForm.getByLabel("Sumber daftar").fill("BPJS Ketenagakerjaan (uji)");
    const rows = niks(3).map((nik, i) => `${nik};0812700000${pad(i + 11)}`);
    await importForm
      .getByLabel("Berkas CSV")
      .setInputFiles({ name: "phk.csv", mimeType: "text/csv", buffer: Buffer.from(["NIK;No HP", ...rows].join("\n") + "\n", "utf8") });
    await importForm.getByRole("button", { name: "Impor daftar prioritas" }).click();
    const done = page.getByTestId("priority-import-done");
    await done.waitFor();
    expect(await done.textContent()).toContain("Versi 1 selesai: 3 NIK, 3 dengan nomor HP, 0 sudah terdaftar");
    await page.getByTestId(`priority-list-${listId}`).waitFor();
    expect(await page.getByTestId(`priority-list-${listId}`).textContent()).toContain("versi 1: 3 orang");

    const year = calendarDateIn(new Date()).year;
    const number = randomInt(100_000, 999_999);
    const waveId = `${year}-${number}`;
    createdWaves.push(waveId);
    await page.reload();
    await page.getByRole("link", { name: "Admin", exact: true }).click();
    const form = page.getByTestId("wave-form");
    await form.waitFor();
    await form.getByLabel("Nomor gelombang").fill(String(number));
    await form.getByLabel("Tahun program").fill(String(year));
    await form.getByLabel("Dibuka").fill("2191-01-01T08:00");
    await form.getByLabel("Ditutup").fill("2191-01-08T20:00");
    await form.getByLabel("Kuota (kursi)").fill("1000");
    await form.getByRole("combobox", { name: "Daftar", exact: true }).selectOption(listId);
    expect(await form.getByTestId("wave-priority").textContent()).toContain("diundi lebih dulu hanya di antara orang dalam daftar");
    // A share left empty is named at its field, in the form's language, before anything is sent.
    await form.getByRole("button", { name: "Lihat rencana" }).click();
    expect(await form.getByTestId("wave-priority").textContent()).toContain("Bagian kursi daftar prioritas belum diisi");
    await form.getByRole("textbox", { name: /Bagian kursi untuk daftar/ }).fill("12.5");
    await form.getByRole("button", { name: "Lihat rencana" }).click();
    await page.getByTestId("wave-plan").waitFor();
    expect(await page.getByTestId("plan-priority").textContent()).toBe(
      "Korban PHK E2E (versi 1): 12,5% kuota, 125 kursi, diundi lebih dulu di antara orang dalam daftar ini; yang belum terpilih ikut putaran berikutnya seperti peserta lain.",
    );
    await expectAccessible(page);

    await page.getByLabel("Saya sudah memeriksa rencana ini dan ingin menyimpannya.").check();
    await page.getByRole("button", { name: "Simpan gelombang" }).click();
    await page.getByTestId("wave-saved").waitFor();
    const wave = (await adminDb.doc(`waves/${waveId}`).get()).data();
    expect(wave).toMatchObject({ quota: 1000, draw: { priority: { listId, version: 1, name: "Korban PHK E2E", basisPoints: 1250, rule: PRIORITY_RULE } } });

    await page.goto(page.url().replace(/\/admin.*$/, `/transparansi/${waveId}`));
    const shown = page.getByTestId("priority-list");
    await shown.waitFor();
    expect(await page.getByTestId("priority-rule").textContent()).toContain(
      "12,5% kuota (125 kursi) diundi lebih dulu hanya di antara orang dalam daftar ini (versi 1, ditetapkan saat gelombang dibuat)",
    );
    await page.getByTestId("priority-counts").waitFor();
    expect(await page.getByTestId("priority-counts").textContent()).toContain("3 orang ada dalam daftar");
    expect(pageErrors).toEqual([]);
  });
});
