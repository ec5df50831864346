import type { Page } from "playwright-core";
import { expect } from "vitest";
import { COLLECTIONS } from "../../functions/src/schemas/collections.js";
import { adminDb } from "../support/admin.js";
import { person } from "../support/people.js";
import { accountWith, call } from "../support/stack.js";

/**
 * What the desk journeys share: an open wave to join, people whose NIK's birth date differs from
 * their KTP, and taking a person out of the pool again (another test file's wave may be drawn
 * while this one runs, and a draw's pool is everyone `inPool`).
 */

const MINUTE = 60_000;

/**
 * An open wave with a draw plan, closing well after this run: made by the program office's own
 * callable, as in production. Each test file makes its own: nothing depends on another file's.
 */
export async function openWave(): Promise<{ waveId: string; number: number }> {
  const admin = await accountWith({ role: "admin" }, "admin");
  const number = 3_000_000 + Math.floor(Math.random() * 1_000_000);
  const created = await call(
    "createWave",
    {
      number,
      programYear: new Date().getFullYear(),
      opensAt: new Date(Date.now() - MINUTE).toISOString(),
      closesAt: new Date(Date.now() + 90 * MINUTE).toISOString(),
      quota: 10,
    },
    admin.idToken,
  );
  expect(created.error).toBeUndefined();
  return { waveId: (created.result as { waveId: string }).waveId, number };
}

/** The brief's case: NIK digits say 15 March 1990, the KTP says 15 April 1990 (Margaasih, Kabupaten Bandung). A fresh serial each run. */
export const NIK_DATE = "1990-03-15";
export const KTP_DATE = "1990-04-15";

/** A man of Margaasih whose KTP birth date is a month after the one in his NIK: the form as he fills it in. */
export function differingPerson() {
  const form = person({ districtCode: "320410", birthDate: NIK_DATE, sex: "male" });
  expect(form.nik.slice(6, 12)).toBe("150390");
  return { ...form, birthDate: KTP_DATE };
}

/** Such a person, registered through the callable from an email account of their own. */
export async function registeredDifferingPerson() {
  const account = await accountWith(null, "ktp-date");
  const form = differingPerson();
  const response = await call("register", form, account.idToken);
  expect(response.result).toMatchObject({ verification: { state: "needs-verification", reasons: ["nik-birth-date-differs"] } });
  return { account, form };
}

export const leavePool = (uid: string) => adminDb.collection(COLLECTIONS.applicants).doc(uid).update({ inPool: false });

/** Opens the queue from the menu and pages through it until the person's case is shown. */
export async function caseInQueue(page: Page, uid: string) {
  await page.getByRole("link", { name: "Verifikasi identitas", exact: true }).click();
  await page.waitForURL("**/operator/verifikasi");
  return shownCase(page, uid, "needs-verification");
}

/** Pages through the list shown (once it has come) until the person's case is in it. */
export async function shownCase(page: Page, uid: string, state: "needs-verification" | "rejected") {
  const card = page.locator(`[data-testid="verification-case"][data-uid="${uid}"]`);
  await page.locator(`[data-testid="verification-queue"][data-state="${state}"]`).waitFor();
  const more = page.getByRole("button", { name: "Tampilkan lebih banyak" });
  while ((await card.count()) === 0 && (await more.count()) > 0) {
    const shown = await page.getByTestId("verification-case").count();
    await more.click();
    // The next page has come (more cases), or there was none after all.
    await page.waitForFunction(
      (before) =>
        document.querySelectorAll('[data-testid="verification-case"]').length > before ||
        (document.querySelector('[data-testid="queue"][aria-busy="false"]') !== null && document.querySelector('[data-testid="queue"] > .actions') === null),
      shown,
    );
  }
  await card.waitFor();
  return card;
}
