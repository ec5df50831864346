import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminAuth, adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { fillPerson, maskedNik } from "./registrationForm.js";
import { closeBrowser, expectAccessible, expectNoSidewaysScrollAtDoubleText, openPhone, submitAccountForm } from "./support.js";

/** The registration form as people really fill it on a phone: numbers as printed, taps, big text. */

beforeAll(ensureProgramYear);
afterAll(closeBrowser);

async function onTheForm(): Promise<{ page: Page; pageErrors: string[]; email: string }> {
  const email = `formulir-${randomUUID()}@test.prakerja.test`;
  const { page, pageErrors } = await openPhone();
  await submitAccountForm(page, email, "Daftar akun baru");
  await page.waitForURL("**/daftar");
  await page.getByTestId("reg-form").waitFor();
  return { page, pageErrors, email };
}

const submitButton = (page: Page) => page.getByRole("button", { name: "Kirim pendaftaran" });

/** A tap on the button where it is now: pressed, then released at the same point. */
async function tap(page: Page, where: { x: number; y: number; width: number; height: number }) {
  await page.mouse.click(where.x + where.width / 2, where.y + where.height / 2);
}

describe("the registration form", () => {
  it("when the NIK is typed with spaces and the KK with dots, as printed on the cards, then all 16 digits are kept, the form says it removed them, and the registration goes through", async () => {
    const { page, pageErrors, email } = await onTheForm();
    const who = person();
    await fillPerson(page, who);
    const spaced = who.nik.replace(/^(\d{4})(\d{4})(\d{4})(\d{4})$/, "$1 $2 $3 $4");
    const dotted = who.kk.replace(/^(\d{2})(\d{2})(\d{2})(\d{6})(\d{4})$/, "$1.$2.$3.$4.$5");
    const nik = page.getByLabel("NIK");
    await nik.fill(spaced);
    expect(await nik.inputValue()).toBe(spaced);
    await nik.press("Tab");
    await page.getByTestId("reg-nik-note").filter({ hasText: "Spasi dan titik sudah dihapus" }).waitFor();
    expect(await nik.inputValue()).toBe(who.nik);
    expect(await nik.getAttribute("aria-describedby")).toContain("reg-nik-note");
    expect(await page.getByTestId("reg-nik-error").count()).toBe(0);

    const kk = page.getByLabel("Nomor Kartu Keluarga");
    await kk.fill(dotted);
    await kk.press("Tab");
    await page.getByTestId("reg-kk-note").filter({ hasText: "Spasi dan titik sudah dihapus" }).waitFor();
    expect(await kk.inputValue()).toBe(who.kk);
    // Typing in the field again: the note was about the old value.
    await kk.press("End");
    await kk.press("Backspace");
    expect(await page.getByTestId("reg-kk-note").textContent()).toBe("");
    await kk.fill(who.kk);

    await submitButton(page).click();
    await page.waitForURL("**/status");
    const { uid } = await adminAuth.getUserByEmail(email);
    expect((await adminDb.doc(`applicants/${uid}`).get()).data()).toMatchObject({ nik: who.nik, kk: who.kk, nikMasked: maskedNik(who.nik) });
    expect(pageErrors).toEqual([]);
  });

  it("when a field is left with a mistake, then its message takes the space kept for it and nothing below moves; a tap on the button right after typing submits", async () => {
    const { page, pageErrors } = await onTheForm();
    const nik = page.getByLabel("NIK");
    await nik.fill("12345");
    const before = (await submitButton(page).boundingBox())!;
    await nik.press("Tab");
    await page.getByTestId("reg-nik-error").waitFor();
    expect((await submitButton(page).boundingBox())!.y).toBeCloseTo(before.y, 0);

    // Consent, just above the button, left unticked: its message takes three lines, more than the
    // space kept. The button tapped straight away: the message waits for the tap to end.
    await submitButton(page).scrollIntoViewIfNeeded();
    await page.getByRole("checkbox").focus();
    await tap(page, (await submitButton(page).boundingBox())!);
    await page.getByTestId("reg-form-error").waitFor();
    await page.getByTestId("reg-consent-error").waitFor();
    // The submission ran: it moved the focus to the first field to fix.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("reg-nik");
    expect(pageErrors).toEqual([]);
  });

  it("at 200% text size on a 360 px screen, then the form does not scroll sideways, and it passes axe's checks", async () => {
    const { page, pageErrors } = await onTheForm();
    await expectNoSidewaysScrollAtDoubleText(page);
    await expectAccessible(page);
    expect(pageErrors).toEqual([]);
  });
});
