import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { URLS } from "../../scripts/stack/config.js";
import { adminAuth, adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { accountWith } from "../support/stack.js";
import { fillPerson, maskedNik } from "./registrationForm.js";
import { askForSmsCode, closeBrowser, expectAccessible, expectNoSidewaysScroll, openPhone, signInAs, smsCode } from "./support.js";

/**
 * The assisted path to its end: a person registered at a labor office has an account tied to
 * the phone number the operator recorded, signs in with it and the SMS code, and sees their status.
 */

beforeAll(ensureProgramYear);
afterAll(closeBrowser);

/** "081234567890" as people write it: "0812 3456 7890". */
const spaced = (phone: string) => phone.replace(/^(\d{4})(\d{4})(\d+)$/, "$1 $2 $3");
const e164 = (phone: string) => `+62${phone.slice(1)}`;

/** An operator of Jakarta registers the person through the web app, as at the desk. */
async function registeredAtTheDesk(who: ReturnType<typeof person>): Promise<string> {
  const operator = await accountWith({ role: "operator", region: "31" }, "operator");
  const { page } = await openPhone();
  await signInAs(page, operator.email, "Operator Disnaker");
  await page.getByRole("link", { name: "Pendaftaran dibantu", exact: true }).click();
  await page.getByTestId("assisted-form").waitFor();
  await fillPerson(page, who);
  await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
  await page.getByTestId("assisted-result").waitFor();
  expect(await page.getByTestId("assisted-account").textContent()).toContain(e164(who.phone));
  await page.context().close();
  return operator.uid;
}

describe("signing in with a phone number", () => {
  it("when an operator has registered a person, then the person signs in with the number typed as 0812 …, enters the SMS code, and sees their status; Pendaftaran shows what is on record", async () => {
    const who = person({ districtCode: "317101" });
    const operatorUid = await registeredAtTheDesk(who);

    const { page, pageErrors } = await openPhone();
    await askForSmsCode(page, spaced(who.phone));
    await expectAccessible(page);
    expect(await page.getByTestId("phone-sent").textContent()).toContain(e164(who.phone));
    await page.getByLabel("Kode dari SMS").fill(await smsCode(e164(who.phone)));
    await page.getByRole("button", { name: "Masuk dengan kode" }).click();

    await page.waitForURL("**/status");
    await page.getByTestId("eligibility").waitFor();
    expect(await page.getByTestId("eligibility").getAttribute("data-eligible")).toBe("true");
    expect(await page.getByTestId("status-nik").textContent()).toBe(maskedNik(who.nik));
    const history = page.getByTestId("timeline").locator("li");
    expect(await history.first().getAttribute("data-kind")).toBe("registered-assisted");
    expect(await history.first().textContent()).toContain("Didaftarkan oleh operator Disnaker");
    expect(await page.getByTestId("next-step").count()).toBe(1);
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(who.nik);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);

    // The account is the one the operator's registration made for that number.
    const account = await adminAuth.getUserByPhoneNumber(e164(who.phone));
    expect((await adminDb.doc(`applicants/${account.uid}`).get()).data()).toMatchObject({ registeredBy: operatorUid, nikMasked: maskedNik(who.nik) });

    // Opening the registration form again shows the registration, and where to have it corrected.
    await page.getByRole("link", { name: "Pendaftaran", exact: true }).click();
    const registered = page.getByTestId("already-registered");
    await registered.waitFor();
    expect(await page.getByTestId("reg-form").count()).toBe(0);
    expect(await registered.getByTestId("status-nik").textContent()).toBe(maskedNik(who.nik));
    expect(await registered.textContent()).toContain("Siti Nurhaliza");
    expect(await page.getByTestId("correction").textContent()).toContain("(Disnaker) Kota Administrasi Jakarta Pusat");
    expect(await page.getByTestId("correction").textContent()).toContain("KTP dan Kartu Keluarga");
    await expectAccessible(page);
    expect(pageErrors).toEqual([]);
  });

  it("when a wrong code is typed, then the page says so and nobody is signed in; with the right code, a number without an account gets one and is led to the form", async () => {
    const phone = person().phone;
    const { page, pageErrors } = await openPhone();
    await askForSmsCode(page, phone);
    const code = await smsCode(e164(phone));
    await page.getByLabel("Kode dari SMS").fill(code === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Masuk dengan kode" }).click();
    const error = page.getByTestId("phone-code-error");
    await error.waitFor();
    expect(await error.textContent()).toBe("Kode salah. Periksa SMS, lalu ketik lagi.");
    expect(await page.getByLabel("Kode dari SMS").getAttribute("aria-invalid")).toBe("true");
    expect(new URL(page.url()).pathname).toBe("/masuk");

    await page.getByLabel("Kode dari SMS").fill(code);
    await error.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Masuk dengan kode" }).click();
    await page.waitForURL("**/daftar");
    await page.getByTestId("reg-form").waitFor();
    expect((await adminAuth.getUserByPhoneNumber(e164(phone))).phoneNumber).toBe(e164(phone));
    expect(pageErrors).toEqual([]);
  });

  it("when the number is not an Indonesian mobile number, then no code is asked for and the form says what a number looks like", async () => {
    const { page, pageErrors } = await openPhone();
    await page.goto(`${URLS.webApp}/masuk`);
    await page.getByLabel("Nomor HP", { exact: true }).fill("021-3456789");
    await page.getByRole("button", { name: "Kirim kode SMS" }).click();
    const error = page.getByTestId("phone-number-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("Nomor HP harus dimulai 08");
    expect(await page.getByTestId("phone-sent").count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
