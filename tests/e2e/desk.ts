import type { Page } from "playwright-core";
import { Timestamp } from "firebase-admin/firestore";
import { expect } from "vitest";
import { COLLECTIONS } from "../../functions/src/schemas/collections.js";
import { adminDb } from "../support/admin.js";
import { person } from "../support/people.js";
import { accountWith, call } from "../support/stack.js";
import { deleteWaves, seedWave } from "../support/waves.js";

/**
 * What the desk journeys share: an open wave to join, people whose NIK's birth date differs from
 * their KTP, and taking a person out of the pool again (another test file's wave may be drawn
 * while this one runs, and a draw's pool is everyone `inPool`).
 */

const MINUTE = 60_000;

/** The numbers of the desk's waves, so that openWave never reuses (and a file never deletes) another file's wave. */
const DESK_NUMBERS = { from: 3_000_000, to: 4_000_000 };
/** The waves this file's openWave seeded or reused. */
const opened: string[] = [];

/**
 * An open wave with a draw plan, open for at least half an hour more: one the desk journeys
 * seeded and left (an interrupted run's), or a new one seeded directly (support/waves.ts: setup,
 * not createWave's test, so the one-pool rule refuses no file running alongside). A file that
 * opens one deletes it at the end (`deleteOpenedWaves`); the e2e files run one after another.
 */
export async function openWave(): Promise<{ waveId: string; number: number }> {
  const open = await adminDb.collection(COLLECTIONS.waves).where("state", "in", ["scheduled", "open"]).get();
  const now = Date.now();
  const millis = (value: unknown) => (value instanceof Timestamp ? value.toMillis() : NaN);
  const ours = (value: unknown): value is number => typeof value === "number" && value >= DESK_NUMBERS.from && value < DESK_NUMBERS.to;
  const usable = open.docs.find(
    (doc) => doc.get("draw") !== undefined && ours(doc.get("number")) && millis(doc.get("opensAt")) <= now && millis(doc.get("closesAt")) >= now + 30 * MINUTE,
  );
  const found: unknown = usable?.get("number");
  const wave =
    usable !== undefined && ours(found)
      ? { waveId: usable.id, number: found }
      : await seedWave({
          number: DESK_NUMBERS.from + Math.floor(Math.random() * (DESK_NUMBERS.to - DESK_NUMBERS.from)),
          opensAt: new Date(now - MINUTE),
          closesAt: new Date(now + 90 * MINUTE),
          quota: 10,
        });
  opened.push(wave.waveId);
  return wave;
}

/** Deletes the waves openWave gave this file (never drawn: its people left the pool). */
export const deleteOpenedWaves = () => deleteWaves(opened.splice(0));

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
