import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REFUSAL_TEXT } from "../../functions/src/schemas/refusalMessages.js";
import { VERIFICATION_MESSAGES } from "../../functions/src/schemas/verificationMessages.js";
import { adminAuth, adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { accountWith, call } from "../support/stack.js";
import { leavePool, deleteOpenedWaves, openWave } from "./desk.js";
import { fillPerson } from "./registrationForm.js";
import { askForSmsCode, closeBrowser, expectAccessible, expectNoSidewaysScroll, openPhone, signInAs, smsCode, submitAccountForm } from "./support.js";

/**
 * At the desk, with the person's consent recorded, an operator joins them to the open wave: right
 * after registering them, or later by the account code their status page shows. The person's
 * status then says they are in the pool, and that an operator did it.
 *
 * Each person joined here leaves the pool again at the end of the test: another file's wave may
 * be drawn meanwhile, and a draw's pool is everyone `inPool`.
 */

beforeAll(async () => {
  await ensureProgramYear();
  await openWave();
});
afterAll(async () => {
  await closeBrowser();
  await deleteOpenedWaves();
});

const e164 = (phone: string) => `+62${phone.slice(1)}`;

async function operatorOfJakarta(): Promise<{ page: Page; pageErrors: string[] }> {
  const operator = await accountWith({ role: "operator", region: "31" }, "operator");
  const { page, pageErrors } = await openPhone();
  await signInAs(page, operator.email, "Operator Disnaker");
  await page.getByRole("link", { name: "Pendaftaran dibantu", exact: true }).click();
  await page.getByTestId("assisted-form").waitFor();
  return { page, pageErrors };
}

/** Asks for consent first (refused without it), then joins: the wave's number as the page named it. */
async function joinWithConsent(page: Page, block: ReturnType<Page["getByTestId"]>): Promise<string> {
  const button = block.getByRole("button", { name: /^Ikutkan gelombang \d+$/ });
  const number = (await button.textContent())!.replace("Ikutkan gelombang ", "");
  await button.click();
  const consentError = block.locator('[data-testid$="-consent-error"]');
  await consentError.waitFor();
  expect(await consentError.textContent()).toBe(VERIFICATION_MESSAGES["join-consent-required"].id);
  await expectAccessible(page);
  await block.getByLabel(`Saya sudah bertanya kepada orang ini, dan ia setuju diikutkan gelombang ${number}.`).check();
  await button.click();
  const done = block.getByTestId("join-done");
  await done.waitFor();
  expect(await done.getAttribute("data-joined")).toBe("true");
  expect(await done.textContent()).toContain(`Berhasil: orang ini masuk daftar undian gelombang ${number}.`);
  expect(await done.textContent()).toContain("operator Disnaker yang mengikutkannya, dengan persetujuannya");
  return number;
}

/** The person's status page: in the pool of the wave named, joined by an operator with their consent. */
async function expectJoinedByOperator(page: Page, number: string): Promise<void> {
  const section = page.getByTestId("wave-draw");
  await section.waitFor();
  expect(await section.getAttribute("data-in-pool")).toBe("true");
  expect(await section.getByTestId("next-step").getAttribute("data-step")).toBe("in-pool");
  expect(await section.getByTestId("next-step").textContent()).toContain(`Anda ada di daftar undian gelombang ${number}.`);
  expect(await section.getByTestId("draw-pid").count()).toBe(1);
  const entry = page.locator('[data-testid="timeline"] li[data-kind="joined-pool"]');
  expect(await entry.getAttribute("data-by")).toBe("operator");
  expect(await entry.textContent()).toContain("Operator Disnaker mengikutkan Anda ke gelombang, dengan persetujuan Anda");
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
}

describe("joining a wave at the desk", () => {
  it("when an operator registers a person and, with their consent, joins them to the open wave, then the result says so, and the person signing in with their phone sees they are in the pool, joined by an operator", async () => {
    const who = person({ districtCode: "317101" });
    const { page, pageErrors } = await operatorOfJakarta();
    await fillPerson(page, who);
    await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
    const result = page.getByTestId("assisted-result");
    await result.waitFor();
    const number = await joinWithConsent(page, result.getByTestId("join-on-behalf"));
    expect(pageErrors).toEqual([]);

    const { uid } = await adminAuth.getUserByPhoneNumber(e164(who.phone));
    try {
      const { page: status, pageErrors: personErrors } = await openPhone();
      await askForSmsCode(status, who.phone);
      await status.getByLabel("Kode dari SMS").fill(await smsCode(e164(who.phone)));
      await status.getByRole("button", { name: "Masuk dengan kode" }).click();
      await status.waitForURL("**/status");
      await expectJoinedByOperator(status, number);
      const joinedWave = (await adminDb.doc(`applicants/${uid}`).get()).get("joinedWave") as string;
      expect((await adminDb.doc(`applicants/${uid}/timeline/joined-${joinedWave}`).get()).data()).toMatchObject({ kind: "joined-pool", consent: true });
      expect(personErrors).toEqual([]);
    } finally {
      await leavePool(uid);
    }
  });

  it("when a registered person shows their account code, then the operator joins them by it with their consent; a code of nobody, or of someone outside the region, is refused with the shared texts", async () => {
    const account = await accountWith(null, "kode-akun");
    expect((await call("register", person({ districtCode: "317101" }), account.idToken)).error).toBeUndefined();
    const elsewhere = await accountWith(null, "kode-akun");
    expect((await call("register", person({ districtCode: "320410" }), elsewhere.idToken)).error).toBeUndefined();

    // The person reads their code on their status page, in groups of four.
    const { page: status, pageErrors: personErrors } = await openPhone();
    await submitAccountForm(status, account.email, "Masuk");
    await status.waitForURL("**/status");
    const code = await status.getByTestId("account-code").textContent();
    expect(code?.replace(/ /g, "")).toBe(account.uid);

    const { page, pageErrors } = await operatorOfJakarta();
    const desk = page.getByTestId("join-by-account");
    const byCode = async (typed: string) => {
      await desk.getByLabel("Kode akun").fill(typed);
      await desk.getByRole("button", { name: "Lanjut" }).click();
      const block = desk.getByTestId("join-on-behalf");
      await block.getByRole("button", { name: /^Ikutkan gelombang \d+$/ }).waitFor();
      return block;
    };
    const refusalFor = async (typed: string) => {
      const block = await byCode(typed);
      await block.getByRole("checkbox").check();
      await block.getByRole("button", { name: /^Ikutkan gelombang \d+$/ }).click();
      const error = block.getByTestId("join-error");
      await error.locator("p").waitFor();
      return error.textContent();
    };
    expect(await refusalFor("tidakada0000kode")).toBe(REFUSAL_TEXT["person-not-registered"].id);
    expect(await refusalFor(elsewhere.uid)).toBe(REFUSAL_TEXT["person-outside-region"].id);
    expect((await adminDb.doc(`applicants/${elsewhere.uid}`).get()).get("inPool")).toBeUndefined();

    try {
      const number = await joinWithConsent(page, await byCode(code!));
      await expectAccessible(page);
      expect(pageErrors).toEqual([]);

      await status.reload();
      await expectJoinedByOperator(status, number);
      expect(personErrors).toEqual([]);
    } finally {
      await leavePool(account.uid);
    }
  });
});
