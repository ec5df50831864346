import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REFUSAL_TEXT } from "../../functions/src/schemas/refusalMessages.js";
import { sealedDoc } from "../../functions/src/schemas/vault.js";
import { REGISTRATION_MESSAGES, type RegistrationMessageKey } from "../../functions/src/schemas/registrationMessages.js";
import { adminAuth, adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { vaultKeys } from "../support/secrets.js";
import { openedPerson } from "../support/vault.js";
import { accountWith, call, signIn } from "../support/stack.js";
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

/** The button's top in the page, not in the screen: leaving a field may scroll the page. */
const buttonTop = (page: Page) =>
  page
    .getByTestId("reg-form")
    .locator('button[type="submit"]')
    .evaluate((button) => button.getBoundingClientRect().top + scrollY);

/** One mistake left in one field, and the message it gets (with the NIK/KK note when separators were typed). */
interface Mistake {
  field: string;
  /** What is typed before leaving the field; nothing typed: the field is only entered and left. */
  typed?: string;
  message?: RegistrationMessageKey;
  note?: true;
}

/**
 * Every message the person can get by leaving a field, the longest of each field among them
 * (the NIK's and KK's with the note that the separators were dropped), in the form's order.
 * Radios and selects are entered and left unanswered.
 */
const MISTAKES: readonly Mistake[] = [
  { field: "nik", typed: "12345", message: "nik-format" },
  { field: "nik", typed: "3204 1015 0390 002", message: "nik-format", note: true },
  { field: "nik", typed: "3204101503900021" },
  { field: "kk", typed: "123", message: "kk-format" },
  { field: "kk", typed: "3204 1015 0390 0021", message: "kk-equals-nik", note: true },
  { field: "fullName", message: "name-required" },
  { field: "fullName", typed: "A", message: "name-length" },
  { field: "fullName", typed: "Siti 123", message: "name-characters" },
  { field: "birthDate", message: "birth-date-format" },
  { field: "birthDate", typed: "1899-12-31", message: "birth-date-invalid" },
  { field: "sex-male", message: "sex-required" },
  { field: "phone", typed: "0812", message: "phone-format" },
  { field: "provinceCode", message: "province-format" },
  { field: "regencyCode", message: "regency-format" },
  { field: "districtCode", message: "district-format" },
  { field: "inFormalEducation-yes", message: "choose-yes-or-no" },
  { field: "occupation", message: "occupation-required" },
  { field: "receivesSocialAid-yes", message: "choose-yes-or-no" },
  { field: "consent", message: "consent-required" },
];

/** Leaves each field with its mistakes, one after the other: the button never moves from where it was on the empty form. */
async function expectNothingMovesOnLeaving(page: Page, lang: "id" | "en") {
  const top = await buttonTop(page);
  for (const { field, typed, message, note } of MISTAKES) {
    const control = page.locator(`#reg-${field}`);
    if (typed !== undefined) await control.fill(typed);
    else await control.focus();
    await control.blur();
    // A radio's message belongs to its group (reg-sex-error).
    const group = field.replace(/-(male|yes)$/, "");
    const error = page.getByTestId(`reg-${group}-error`);
    const shown = async () => ((await error.count()) === 0 ? undefined : error.textContent());
    await expect.poll(shown).toBe(message && REGISTRATION_MESSAGES[message][lang]);
    if (note) expect(await page.getByTestId(`reg-${group}-note`).textContent()).not.toBe("");
    const moved = (await buttonTop(page)) - top;
    expect.soft({ field, typed, lang, moved: Math.abs(moved) <= 1 ? 0 : moved }).toEqual({ field, typed, lang, moved: 0 });
  }
}

/** Waits for the checks a tap made wait (components/afterTap.ts: a timer queued as the tap ended) to have run. */
const checksAfterTapRan = (page: Page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));

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
    const stored = (await adminDb.doc(`applicants/${uid}`).get()).data();
    expect(stored).toMatchObject({ nikMasked: maskedNik(who.nik) });
    expect(stored).not.toHaveProperty("nik");
    // Stored sealed: the vault opens it to the 16 digits as printed, spaces and dots removed.
    expect(openedPerson({ personal: sealedDoc.parse(stored?.personal) }, vaultKeys)).toMatchObject({ nik: who.nik, kk: who.kk });
    expect(pageErrors).toEqual([]);
  });

  it("when a field is left with a mistake, then its message takes the space kept for it and nothing below moves; a tap on the button right after typing submits", async () => {
    const { page, pageErrors } = await onTheForm();
    const nik = page.getByLabel("NIK");
    await nik.fill("12345");
    // In the page, not on the screen: moving the focus on may scroll the screen.
    const before = await buttonTop(page);
    await nik.press("Tab");
    await page.getByTestId("reg-nik-error").waitFor();
    expect(Math.abs((await buttonTop(page)) - before)).toBeLessThanOrEqual(1);

    // Consent, just above the button, left unticked, and the button tapped straight away: the tap
    // submits (room is kept for the consent's three-line message, and the message waits for the
    // tap to end besides).
    await submitButton(page).scrollIntoViewIfNeeded();
    await page.getByRole("checkbox").focus();
    await tap(page, (await submitButton(page).boundingBox())!);
    await page.getByTestId("reg-form-error").waitFor();
    await page.getByTestId("reg-consent-error").waitFor();
    // The submission ran: it moved the focus to the first field to fix.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("reg-nik");
    expect(pageErrors).toEqual([]);
  });

  it("on a 360 px screen, in Bahasa Indonesia, in English and at 200% text size, when each field is left with each mistake it can get a message for, then the message takes the space kept for it: the button does not move", async () => {
    const { page, pageErrors } = await onTheForm();
    await expectNothingMovesOnLeaving(page, "id");

    await page.getByTestId("language-toggle").click();
    await page.reload();
    await page.getByTestId("reg-form").waitFor();
    await expectNothingMovesOnLeaving(page, "en");

    await page.getByTestId("language-toggle").click();
    await page.reload();
    await page.getByTestId("reg-form").waitFor();
    await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
    await expectNothingMovesOnLeaving(page, "id");
    // Every field marked, at 200%: still nothing sideways.
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth)).toBeLessThanOrEqual(0);
    expect(pageErrors).toEqual([]);
  });

  it("when the server refuses a NIK that is already registered, then the refusal under the NIK follows the language toggle, both ways, and stays while the NIK is unchanged", async () => {
    const who = person();
    const earlier = await accountWith(null, "sudah-terdaftar");
    expect((await call("register", who, earlier.idToken)).error).toBeUndefined();
    const { page, pageErrors } = await onTheForm();
    await fillPerson(page, who);
    await submitButton(page).click();
    const refusal = page.getByTestId("reg-nik-error");
    const summary = page.getByTestId("reg-form-error");
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(REFUSAL_TEXT["nik-registered"].id);
    expect(await summary.textContent()).toBe("Ada isian yang perlu diperbaiki. Lihat pesan di bawah isian yang ditandai.");
    // The refusal put the focus on the NIK: the tap on the toggle takes it away from there.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("reg-nik");

    const toggle = page.getByTestId("language-toggle");
    await toggle.click();
    await page.getByRole("button", { name: "Send registration" }).waitFor();
    await checksAfterTapRan(page);
    expect(await refusal.textContent()).toBe(REFUSAL_TEXT["nik-registered"].en);
    expect(await summary.textContent()).toBe("Some answers need fixing. See the messages under the marked fields.");
    expect(await page.getByLabel("NIK").getAttribute("aria-invalid")).toBe("true");

    await toggle.click();
    await submitButton(page).waitFor();
    await checksAfterTapRan(page);
    expect(await refusal.textContent()).toBe(REFUSAL_TEXT["nik-registered"].id);

    // Entering and leaving the NIK again does not take the refusal away; changing the NIK does.
    const nik = page.getByLabel("NIK");
    await nik.focus();
    await nik.blur();
    expect(await refusal.textContent()).toBe(REFUSAL_TEXT["nik-registered"].id);
    await nik.fill(person().nik);
    await expect.poll(() => refusal.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it("when the server refuses the whole registration (too many attempts today), then its notice under the button follows the language toggle, both ways", async () => {
    const who = person();
    const earlier = await accountWith(null, "sudah-terdaftar");
    expect((await call("register", who, earlier.idToken)).error).toBeUndefined();
    const { page, pageErrors, email } = await onTheForm();
    // The account's failed attempts of today, used up through the callable, as the form would.
    const account = await signIn(email);
    const reasonOf = async () => ((await call("register", who, account.idToken)).error?.details as { reason?: string } | undefined)?.reason;
    let reason: string | undefined;
    for (let attempt = 0; attempt < 20 && reason !== "too-many-attempts"; attempt++) reason = await reasonOf();
    expect(reason).toBe("too-many-attempts");

    await fillPerson(page, who);
    await submitButton(page).click();
    const outcome = page.getByTestId("reg-outcome");
    await outcome.getByText(REFUSAL_TEXT["too-many-attempts"].id).waitFor();
    const toggle = page.getByTestId("language-toggle");
    await toggle.click();
    await page.getByRole("button", { name: "Send registration" }).waitFor();
    await checksAfterTapRan(page);
    expect((await outcome.textContent())?.trim()).toBe(REFUSAL_TEXT["too-many-attempts"].en);
    await toggle.click();
    await submitButton(page).waitFor();
    await checksAfterTapRan(page);
    expect((await outcome.textContent())?.trim()).toBe(REFUSAL_TEXT["too-many-attempts"].id);
    expect(pageErrors).toEqual([]);
  });

  it("at 200% text size on a 360 px screen, then the form does not scroll sideways, and it passes axe's checks", async () => {
    const { page, pageErrors } = await onTheForm();
    await expectNoSidewaysScrollAtDoubleText(page);
    await expectAccessible(page);
    expect(pageErrors).toEqual([]);
  });
});
