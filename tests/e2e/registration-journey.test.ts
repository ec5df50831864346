import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REASON_TEXT, REGISTRATION_MESSAGES } from "../../functions/src/schemas/registrationMessages.js";
import { adminAuth, adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { fillPerson, maskedNik, type Person } from "./registrationForm.js";
import { closeBrowser, expectNoSidewaysScroll, openPhone, submitAccountForm } from "./support.js";

/**
 * A new person on a cheap phone: signs up, is taken to the registration form, registers, and
 * sees their status: eligibility with reasons, the NIK masked, the history.
 */

beforeAll(ensureProgramYear);
afterAll(closeBrowser);

const newEmail = () => `pendaftar-${randomUUID()}@test.prakerja.test`;

/** Signs up a new account in the web app and waits to be led to the registration form. */
async function signUpAndReachForm(email: string) {
  const { page, pageErrors } = await openPhone();
  await submitAccountForm(page, email, "Daftar akun baru");
  await page.waitForURL("**/daftar");
  await page.getByRole("heading", { name: "Formulir pendaftaran" }).waitFor();
  return { page, pageErrors };
}

async function registerThroughForm(page: Awaited<ReturnType<typeof signUpAndReachForm>>["page"], who: Person) {
  await fillPerson(page, who);
  await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
  await page.waitForURL("**/status");
  await page.getByTestId("eligibility").waitFor();
}

async function expectRegistered(email: string, who: Person) {
  const { uid } = await adminAuth.getUserByEmail(email);
  const stored = await adminDb.doc(`applicants/${uid}`).get();
  expect(stored.exists).toBe(true);
  expect(stored.data()).toMatchObject({ nikMasked: maskedNik(who.nik), registeredBy: "self", occupation: who.occupation });
}

describe("registration journey", () => {
  it("when a new person signs up, then they are led to the form, told about a malformed NIK as they leave the field, and after registering see that they are eligible, with the NIK masked", async () => {
    const email = newEmail();
    const { page, pageErrors } = await signUpAndReachForm(email);

    const nik = page.getByLabel("NIK");
    await nik.fill("12345");
    await nik.press("Tab");
    const nikError = page.getByTestId("reg-nik-error");
    await nikError.waitFor();
    expect(await nikError.textContent()).toBe(REGISTRATION_MESSAGES["nik-format"].id);
    expect(await nik.getAttribute("aria-invalid")).toBe("true");
    expect(await nik.getAttribute("aria-describedby")).toContain("reg-nik-error");
    expect(await nik.getAttribute("inputmode")).toBe("numeric");
    // No maximum length: a NIK typed with spaces, as printed on the card, is longer than 16.
    expect(await nik.getAttribute("maxlength")).toBeNull();
    // A failed submission puts the focus on the first field to fix.
    await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
    await page.getByTestId("reg-form-error").waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("reg-nik");
    await expectNoSidewaysScroll(page);

    const who = person();
    await registerThroughForm(page, who);
    const eligibility = page.getByTestId("eligibility");
    expect(await eligibility.getAttribute("data-eligible")).toBe("true");
    expect(await eligibility.textContent()).toContain("Anda memenuhi syarat program ini.");
    expect(await page.getByTestId("status-nik").textContent()).toBe(maskedNik(who.nik));
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(who.nik);
    const history = page.getByTestId("timeline").locator("li");
    expect(await history.count()).toBe(1);
    expect(await history.first().getAttribute("data-kind")).toBe("registered");
    expect(await history.first().textContent()).toContain("Anda mendaftar");
    await expectNoSidewaysScroll(page);
    expect(pageErrors).toEqual([]);

    await expectRegistered(email, who);
  });

  it("when a civil servant registers, then the status page says why they cannot join, in the words written for applicants", async () => {
    const email = newEmail();
    const { page, pageErrors } = await signUpAndReachForm(email);
    const who = person({ occupation: "civil-servant" });
    await registerThroughForm(page, who);

    expect(await page.getByTestId("eligibility").getAttribute("data-eligible")).toBe("false");
    const reason = page.locator('[data-reason="excluded-occupation"]');
    expect(await reason.textContent()).toContain(REASON_TEXT["excluded-occupation"].id);
    expect(await page.locator("[data-reason]").count()).toBe(1);
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(who.nik);
    expect(pageErrors).toEqual([]);

    await expectRegistered(email, who);
  });
});
