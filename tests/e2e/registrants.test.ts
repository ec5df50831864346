import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { URLS } from "../../scripts/stack/config.js";
import { auditDay } from "../../functions/src/domain/audit/chain.js";
import { REFUSAL_TEXT } from "../../functions/src/schemas/refusalMessages.js";
import { PATHS } from "../../hosting/src/router.js";
import { ensureProgramYear, person } from "../support/people.js";
import { accountWith, call, type SignedIn } from "../support/stack.js";
import { closeBrowser, expectAccessible, expectNoSidewaysScroll, openPhone, signInAs, submitAccountForm } from "./support.js";

/**
 * An operator of Jakarta Pusat (3171) lists the registrants of their regency, filters to one
 * district, finds a person by NIK (and does not find one of Jakarta Utara), opens the record with
 * its timeline, downloads the CSV (masked NIKs, the district's rows), reveals one NIK for a
 * purpose; an auditor then finds that reveal (and the export) on the audit log page (/jejak-audit). Kemayoran (317103) has no
 * registrant from any other test file.
 */

const KEMAYORAN = "317103";

interface Registered {
  uid: string;
  nik: string;
}

async function registered(districtCode: string): Promise<Registered> {
  const account = await accountWith(null, "registrant");
  const form = person({ districtCode });
  const response = await call("register", form, account.idToken);
  expect(response.error).toBeUndefined();
  return { uid: account.uid, nik: form.nik };
}

const spaced = (nik: string) => `${nik.slice(0, 4)} ${nik.slice(4, 8)} ${nik.slice(8, 12)} ${nik.slice(12)}`;

let kemayoran: Registered[] = [];
let utara: Registered;
let operator: SignedIn;

beforeAll(async () => {
  await ensureProgramYear();
  kemayoran = await Promise.all([registered(KEMAYORAN), registered(KEMAYORAN), registered(KEMAYORAN)]);
  utara = await registered("317201");
  operator = await accountWith({ role: "operator", region: "3171" }, "operator-list");
}, 60_000);
afterAll(closeBrowser);

describe("the registrants page", () => {
  it("when an operator of 3171 lists, filters, searches, opens, exports and reveals, then an auditor finds the reveal on the audit log", async () => {
    const { page, pageErrors } = await openPhone();
    await signInAs(page, operator.email, "Operator Disnaker");
    await page.getByRole("link", { name: "Daftar pendaftar", exact: true }).click();
    await page.waitForURL(`**${PATHS.registrants}`);
    await page.getByTestId("registrant-table").waitFor();
    expect(await page.getByTestId("registrants-region").textContent()).toContain("Jakarta Pusat");

    // Filter to Kemayoran: exactly its people, masked.
    await page.getByLabel("Kecamatan", { exact: true }).selectOption(KEMAYORAN);
    await page.getByRole("button", { name: "Terapkan" }).click();
    await page.waitForFunction(
      (uids) => uids.every((uid) => document.querySelector(`[data-testid=registrant-row][data-uid="${uid}"]`) !== null),
      kemayoran.map((p) => p.uid),
    );
    const nikCells = await page.getByTestId("registrant-nik").allTextContents();
    expect(nikCells.every((cell) => /^3171\*{8}\d{4}$/.test(cell))).toBe(true);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    // Search by NIK (typed as printed): that one person; a NIK of Jakarta Utara is not found in this region.
    const wanted = kemayoran[1];
    await page.getByLabel("NIK (16 angka)").fill(spaced(utara.nik));
    await page.getByRole("button", { name: "Cari", exact: true }).click();
    await page.getByTestId("registrants-failure").waitFor();
    expect(await page.getByTestId("registrants-failure").textContent()).toBe(REFUSAL_TEXT["registrant-not-in-region"].id);
    await page.getByLabel("NIK (16 angka)").fill(spaced(wanted.nik));
    await page.getByRole("button", { name: "Cari", exact: true }).click();
    await page.locator(`[data-testid=registrant-row][data-uid="${wanted.uid}"]`).waitFor();
    expect(await page.getByTestId("registrant-row").count()).toBe(1);

    // The record and its timeline.
    await page.locator(`[data-testid=registrant-row][data-uid="${wanted.uid}"]`).getByRole("button", { name: /Buka/ }).click();
    const record = page.getByTestId("registrant-record");
    await record.waitFor();
    expect(await record.getAttribute("data-uid")).toBe(wanted.uid);
    expect(await record.getByTestId("record-nik").textContent()).toContain(`3171********${wanted.nik.slice(12)}`);
    expect(await record.getByTestId("record-timeline").textContent()).toContain("Mendaftar sendiri");
    expect(await record.textContent()).not.toContain(wanted.nik);

    // Back to the district's list, and its CSV.
    await page.getByRole("button", { name: "Tampilkan semua lagi" }).click();
    await page.locator(`[data-testid=registrant-row][data-uid="${kemayoran[0].uid}"]`).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-start").click()]);
    const csv = readFileSync(await download.path(), "utf8");
    const rows = parse<Record<string, string>>(csv, { columns: true });
    expect(rows.map((row) => row.uid)).toEqual(expect.arrayContaining(kemayoran.map((p) => p.uid)));
    expect(rows.every((row) => row.district_code === KEMAYORAN && /^3171\*{8}\d{4}$/.test(row.nik_masked ?? ""))).toBe(true);
    for (const { nik } of kemayoran) expect(csv).not.toContain(nik);
    expect(download.suggestedFilename()).toBe(`pendaftar-${KEMAYORAN}.csv`);
    await page.getByTestId("export-done").waitFor();
    expect(await page.getByTestId("export-done").textContent()).toBe(`Selesai: ${rows.length} pendaftar diunduh.`);

    // Reveal the open record's NIK, for a purpose.
    await record.getByRole("button", { name: "Tampilkan NIK lengkap" }).click();
    await record.getByLabel("Keperluan").selectOption("desk-verification");
    await record.getByRole("button", { name: "Tampilkan dan catat" }).click();
    await record.getByTestId("revealed-nik").waitFor();
    expect(await record.getByTestId("revealed-nik").textContent()).toBe(wanted.nik);
    expect(pageErrors).toEqual([]);

    // An auditor finds the reveal on today's audit log: the act, on that person, by that operator, without the NIK.
    const auditor = await accountWith({ role: "auditor" }, "auditor-log");
    const today = auditDay(new Date());
    const { page: auditPage } = await openPhone();
    await signInAs(auditPage, auditor.email, "Auditor");
    await auditPage.getByRole("navigation").getByRole("link", { name: "Jejak audit", exact: true }).click();
    await auditPage.waitForURL(`**${PATHS.auditLog}`);
    await auditPage
      .getByTestId(`audit-day-${today}`)
      .getByRole("button", { name: `Buka ${today}` })
      .click();
    const entries = auditPage.getByTestId("audit-entries");
    await entries.waitFor();
    const reveal = entries.locator('tr[data-act="reveal-personal-data"]', { hasText: wanted.uid });
    await expect.poll(() => reveal.count()).toBe(1);
    const row = ((await reveal.textContent()) ?? "").replace(/\s+/g, " ");
    expect(row).toContain(operator.uid);
    expect(row).not.toContain(wanted.nik);
    const exported = entries.locator('tr[data-act="export-registrants"]', { hasText: operator.uid });
    await expect.poll(() => exported.count()).toBeGreaterThanOrEqual(1);
  });

  it("when an applicant opens the page, then they are told it is not for them", async () => {
    const applicant = await accountWith(null, "applicant-list");
    const { page } = await openPhone();
    // An applicant not yet registered is taken to the registration form (not the account page).
    await submitAccountForm(page, applicant.email, "Masuk");
    await page.waitForURL("**/daftar");
    await page.goto(`${URLS.webApp}${PATHS.registrants}`);
    await page.getByTestId("registrants-refused").waitFor();
  });
});
