import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/schemas/collections.js";
import { adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { accountWith, call, type SignedIn } from "../support/stack.js";
import { closeBrowser, expectAccessible, expectNoSidewaysScrollAtDoubleText, openPhone, submitAccountForm } from "./support.js";

/** The status page as a registered person reads it: the history's lines, and dates in English. */

beforeAll(ensureProgramYear);
afterAll(closeBrowser);

async function registered(): Promise<SignedIn> {
  const account = await accountWith(null, "status");
  expect((await call("register", person(), account.idToken)).error).toBeUndefined();
  return account;
}

async function onStatusPage(account: SignedIn): Promise<{ page: Page; pageErrors: string[] }> {
  const { page, pageErrors } = await openPhone();
  await submitAccountForm(page, account.email, "Masuk");
  await page.waitForURL("**/status");
  await page.getByTestId("timeline").waitFor();
  return { page, pageErrors };
}

describe("the status page", () => {
  it("when the history holds an entry without an eligibility decision (joining a wave), then that entry shows no eligibility line, and the registration's shows its own", async () => {
    const account = await registered();
    // The history entry joinWave writes, with no decision in it: the callable sends its missing
    // `eligible` as null. Written alone (no pool membership), so no draw of another test sees it.
    const waveId = `e2e-history-${account.uid.slice(0, 8)}`;
    await adminDb
      .collection(COLLECTIONS.applicants)
      .doc(account.uid)
      .collection(COLLECTIONS.timeline)
      .doc(`joined-${waveId}`)
      .set({ kind: "joined-pool", at: new Date(), waveId });
    const { page, pageErrors } = await onStatusPage(account);

    const joined = page.locator('[data-testid="timeline"] li[data-kind="joined-pool"]');
    await joined.waitFor();
    expect(await joined.textContent()).toContain("Anda ikut gelombang dan masuk daftar undian");
    expect(await joined.getByTestId("timeline-eligibility").count()).toBe(0);
    expect(await joined.textContent()).not.toContain("memenuhi syarat");
    const registration = page.locator('[data-testid="timeline"] li[data-kind="registered"]');
    expect(await registration.getByTestId("timeline-eligibility").textContent()).toBe("Memenuhi syarat");
    await expectAccessible(page);
    await expectNoSidewaysScrollAtDoubleText(page);
    expect(pageErrors).toEqual([]);
  });

  it("when the page is switched to English, then dates and times are written in English, in Jakarta time", async () => {
    const { page, pageErrors } = await onStatusPage(await registered());
    expect(await page.getByTestId("eligibility").textContent()).toContain("pukul");

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Registration status" }).waitFor();
    const main = (await page.locator("main").innerText()).replace(/\s+/g, " ");
    expect(main).not.toMatch(/pukul|Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember/);
    const englishMoment = /\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} at \d{2}:\d{2} WIB/;
    expect(await page.getByTestId("eligibility").textContent()).toMatch(englishMoment);
    expect(await page.getByTestId("timeline").textContent()).toMatch(englishMoment);
    expect(pageErrors).toEqual([]);
  });
});
