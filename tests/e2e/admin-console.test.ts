import { randomInt } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { calendarDateIn } from "../../functions/src/domain/calendar.js";
import { adminDb } from "../support/admin.js";
import { ensureProgramYear } from "../support/people.js";
import { accountWith, type SignedIn } from "../support/stack.js";
import { closeBrowser, expectAccessible, expectNoSidewaysScroll, openPhone, signInAs } from "./support.js";

/**
 * The program office's console (/admin) on a cheap phone's screen: an admin creates a wave and
 * sees the plan it commits to before saving (seats per stratum, Jakarta times, the beacon round
 * and when it comes out, the family limit), confirms, and gets the committed plan with the link to
 * the wave's transparency page; then imports two versions of an exclusion list, sees the progress
 * and the difference between the versions.
 */

const createdWaves: string[] = [];

afterAll(async () => {
  // The wave opens in 2190 and only this file looks at it; removed so no other page lists it.
  for (const id of createdWaves) await Promise.all([adminDb.doc(`waves/${id}`).delete(), adminDb.doc(`waveSecrets/${id}`).delete()]);
  await closeBrowser();
});

async function openConsole(page: Page, admin: SignedIn): Promise<void> {
  await signInAs(page, admin.email, "Admin Manajemen Pelaksana");
  await page.getByRole("link", { name: "Admin", exact: true }).click();
  await page.getByRole("heading", { name: "Buat gelombang" }).waitFor();
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Distinct NIKs of people born in 2005 (test people elsewhere are born 1970–1999), in a district no other test uses. */
function niks(count: number): string[] {
  const start = randomInt(0, 500_000);
  return Array.from({ length: count }, (_, k) => {
    const i = start + k;
    const rest = Math.floor(i / 9999);
    return `351001${pad((rest % 28) + 1)}${pad((Math.floor(rest / 28) % 12) + 1)}05${pad((i % 9999) + 1, 4)}`;
  });
}

describe("the program office's console", () => {
  it("when an admin creates a wave, then the plan is shown before saving, nothing is saved until confirmed, and the committed plan links to the transparency page", async () => {
    await ensureProgramYear();
    const admin = await accountWith({ role: "admin" }, "admin");
    const year = calendarDateIn(new Date()).year;
    const number = randomInt(100_000, 999_999);
    const waveId = `${year}-${number}`;
    createdWaves.push(waveId);
    const { page, pageErrors } = await openPhone();
    await openConsole(page, admin);

    const form = page.getByTestId("wave-form");
    await form.getByLabel("Nomor gelombang").fill(String(number));
    await form.getByLabel("Tahun program").fill(String(year));
    await form.getByLabel("Dibuka").fill("2190-01-01T08:00");
    await form.getByLabel("Ditutup").fill("2190-01-08T20:00");
    await form.getByLabel("Kuota (kursi)").fill("1000");
    await form.getByRole("combobox", { name: "Pembagian kuota" }).selectOption("shares");
    await form.getByRole("button", { name: "Tambah provinsi" }).click();
    await form.getByRole("combobox", { name: "Provinsi strata 1" }).selectOption("32");
    await form.getByLabel("Bagian strata 1 (%)").fill("25");
    await form.getByRole("button", { name: "Lihat rencana" }).click();

    const plan = page.getByTestId("wave-plan");
    await plan.waitFor();
    expect(await page.getByTestId("plan-seats").textContent()).toContain("Jawa Barat (32): 250 kursi");
    expect(await page.getByTestId("plan-seats").textContent()).toContain("Nasional (tanpa strata): 750 kursi");
    expect(await page.getByTestId("plan-opens").textContent()).toBe("1 Januari 2190 pukul 08.00 WIB");
    expect(await page.getByTestId("plan-closes").textContent()).toBe("8 Januari 2190 pukul 20.00 WIB");
    expect(await plan.textContent()).toContain("paling banyak 2 penerima per kartu keluarga");
    const beacon = (await page.getByTestId("plan-beacon").textContent()) ?? "";
    const round = Number(/putaran (\d+)/.exec(beacon)?.[1]);
    expect(round).toBeGreaterThan(0);
    expect(beacon).toContain("2190 pukul");
    // Shown, not saved: the plan is computed by planWave, which writes nothing.
    expect((await adminDb.doc(`waves/${waveId}`).get()).exists).toBe(false);
    const save = page.getByRole("button", { name: "Simpan gelombang" });
    expect(await save.isDisabled()).toBe(true);
    await expectAccessible(page);

    await page.getByLabel("Saya sudah memeriksa rencana ini dan ingin menyimpannya.").check();
    await save.click();
    const saved = page.getByTestId("wave-saved");
    await saved.waitFor();
    const commitment = (await page.getByTestId("saved-commitment").textContent()) ?? "";
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByTestId("saved-beacon").textContent()).toBe(beacon);
    const wave = (await adminDb.doc(`waves/${waveId}`).get()).data();
    expect(wave).toMatchObject({
      quota: 1000,
      state: "scheduled",
      draw: { seedCommitment: commitment, beacon: { round }, strata: { kind: "shares", basisPoints: { "32": 2500 } }, familyLimit: 2 },
    });

    await saved.getByRole("link", { name: `Halaman transparansi gelombang ${waveId}` }).click();
    await page.waitForURL(`**/transparansi/${waveId}`);
    await expectNoSidewaysScroll(page);
    expect(pageErrors).toEqual([]);
  });

  it("when an admin imports a list from the console, then progress shows lines sent, accepted and rejected, and a second version shows what was added, removed and kept", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const { page, pageErrors } = await openPhone();
    await openConsole(page, admin);
    // Over 10,000 entries, so the function reports progress before it is done.
    const people = niks(12_010);
    const first = people.slice(0, 12_000);
    const second = people.slice(10);
    const form = page.getByTestId("import-form");
    await form.getByRole("combobox", { name: "Daftar" }).selectOption("military");

    const importFile = async (name: string, lines: string[]) => {
      await form.getByLabel("Berkas CSV").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(lines.join("\n") + "\n", "utf8") });
      await form.getByRole("button", { name: "Impor" }).click();
    };

    await importFile("tni-v1.csv", ["NIK;Nama", ...first.map((nik) => `${nik};-`), "12345;-", "bukan NIK;-"]);
    const progress = page.getByTestId("import-progress");
    await progress.waitFor();
    expect(await progress.getByTestId("import-counts").textContent()).toMatch(/dari 12\.003 baris terkirim · [\d.]+ NIK diterima · \d+ baris ditolak/);
    const done = page.getByTestId("import-done");
    await done.waitFor({ timeout: 120_000 });
    expect(await done.getByTestId("import-counts").textContent()).toMatch(/^Versi \d+ selesai: 12\.003 baris, 12\.000 NIK diterima, 2 baris ditolak\.$/);
    const firstVersion = Number(await done.getAttribute("data-version"));

    await importFile("tni-v2.csv", ["NIK", ...second]);
    await page.locator(`[data-testid="import-done"][data-version="${firstVersion + 1}"]`).waitFor({ timeout: 120_000 });
    const diff = page.getByTestId("import-diff");
    await diff.waitFor();
    expect(await diff.locator("caption").textContent()).toBe(`Perbedaan versi ${firstVersion} → ${firstVersion + 1}`);
    expect(await page.getByTestId("diff-added").textContent()).toBe("10");
    expect(await page.getByTestId("diff-removed").textContent()).toBe("10");
    expect(await page.getByTestId("diff-kept").textContent()).toBe("11.990");
    expect(((await adminDb.doc("exclusionLists/military").get()).data() as { currentVersion: number }).currentVersion).toBe(firstVersion + 1);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    expect(pageErrors).toEqual([]);
  });
});
