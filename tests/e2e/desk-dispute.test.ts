import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESK_MESSAGES } from "../../functions/src/schemas/desk.js";
import { adminAuth, adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { nikKey } from "../support/secrets.js";
import { accountWith, call } from "../support/stack.js";
import { fillPerson, maskedNik } from "./registrationForm.js";
import { closeBrowser, expectAccessible, expectNoSidewaysScroll, openPhone, signInAs } from "./support.js";

/**
 * The desk's NIK dispute ("joki"): a walk-in person of Jakarta Pusat cannot be registered, their
 * NIK is taken by someone else's account. The regency's operator looks the registration up (masked),
 * opens a dispute with the person's phone for a new account, re-ties the registration to it, sees
 * the outcome, and prints (one clean page) and sends the person's receipt.
 */

beforeAll(ensureProgramYear);
afterAll(closeBrowser);

describe("NIK dispute at the desk", () => {
  it("when an operator of 3171 resolves a joki's registration, then it is the person's, the joki is blocked, and the receipt prints alone", async () => {
    const joki = await accountWith(null, "joki");
    const walkIn = person({ districtCode: "317101" });
    expect((await call("register", walkIn, joki.idToken)).error).toBeUndefined();
    const operator = await accountWith({ role: "operator", region: "3171" }, "operator");
    const claimantPhone = `0813${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

    const { page, pageErrors } = await openPhone();
    await signInAs(page, operator.email, "Operator Disnaker");
    await page.getByRole("link", { name: "Pendaftaran dibantu", exact: true }).click();
    await page.waitForURL("**/operator");
    await page.getByTestId("assisted-form").waitFor();
    await page.getByTestId("desk-day-counts").filter({ hasText: "Anda telah mendaftarkan 0 orang hari ini" }).waitFor();

    // The person's NIK is already registered: the form says so, and the lookup starts from it.
    await fillPerson(page, walkIn);
    await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
    const nikError = page.getByTestId("assisted-nik-error");
    await nikError.waitFor();
    // In the desk's words: the operator is the labor office the applicant's text sends people to.
    expect(await nikError.textContent()).toBe(DESK_MESSAGES["desk-nik-registered"].id);
    expect(await nikError.textContent()).not.toContain("Disnaker setempat");
    expect(await page.locator("#lookup-nik").inputValue()).toBe(walkIn.nik);
    await page.getByLabel("Alasan pencarian").selectOption("nik-dispute");
    await page.getByTestId("lookup-submit").click();
    const found = page.getByTestId("lookup-result");
    await found.waitFor();
    expect(await found.getAttribute("data-uid")).toBe(joki.uid);
    expect(await found.innerText()).toContain(maskedNik(walkIn.nik));
    expect(await page.getByTestId("lookup-status").textContent()).toBe("Terdaftar");
    expect(await page.getByTestId("lookup-registered-by").textContent()).toContain("oleh pemilik akun sendiri");
    expect(await page.getByTestId("lookup-timeline").innerText()).toContain("mendaftar");
    expect(await page.getByTestId("lookup-account").textContent()).toContain("password");
    expect(await page.getByTestId("nik-lookup").innerText()).not.toContain(joki.email);

    // The person says they never registered: a case with their phone for a new account, the documents seen.
    const open = page.getByTestId("dispute-open");
    await open.getByLabel("Akun baru dengan nomor HP-nya").check();
    await open.getByLabel("Nomor HP", { exact: true }).fill(claimantPhone);
    await open.getByLabel("Pernyataan orang ini").fill("Saya tidak pernah mendaftar; NIK saya dipakai orang lain.");
    await open.getByLabel("KTP", { exact: false }).first().check();
    await open.getByLabel("Kartu Keluarga", { exact: false }).first().check();
    await page.getByTestId("dispute-open-submit").click();
    const resolve = page.getByTestId("dispute-resolve");
    await resolve.waitFor();

    await resolve.getByLabel("Ikat ulang", { exact: false }).check();
    await resolve.getByLabel("KTP", { exact: false }).first().check();
    await resolve.getByLabel("Kartu Keluarga", { exact: false }).first().check();
    await resolve.getByLabel("Catatan keputusan").fill("KTP dan KK asli cocok dengan orang ini.");
    await page.getByTestId("dispute-resolve-submit").click();
    const outcome = page.locator('[data-testid="dispute-outcome"][data-state="re-tied"]');
    await outcome.waitFor();
    expect(await outcome.innerText()).toContain(`Diikat ulang: pendaftaran NIK ${maskedNik(walkIn.nik)}`);

    const claimantUid = (await adminAuth.getUserByPhoneNumber(`+62${claimantPhone.slice(1)}`)).uid;
    // The account as it is, not split into groups of four.
    expect(await outcome.innerText()).toContain(`akun orang ini (${claimantUid})`);
    expect((await adminDb.doc(`nikIndex/${nikKey(walkIn.nik)}`).get()).get("uid")).toBe(claimantUid);
    expect((await adminDb.doc(`applicants/${joki.uid}`).get()).get("status")).toBe("blocked");
    expect((await adminAuth.getUser(joki.uid)).disabled).toBe(true);

    // The receipt: masked NIK, the office; printed alone on one page; sent once.
    const receipt = page.getByTestId("desk-receipt");
    expect(await receipt.getByTestId("receipt-nik").textContent()).toBe(maskedNik(walkIn.nik));
    expect(await receipt.getByTestId("receipt-office").textContent()).toContain("Jakarta Pusat");
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute("data-printed", "yes");
    });
    await page.getByTestId("receipt-print").click();
    expect(await page.locator("body").getAttribute("data-printed")).toBe("yes");
    await page.emulateMedia({ media: "print" });
    const printed = await page.evaluate(() => {
      const box = document.querySelector('[data-testid="desk-receipt"]')!.getBoundingClientRect();
      const visible = (selector: string) => getComputedStyle(document.querySelector(selector)!).visibility === "visible";
      return {
        height: box.height,
        receipt: visible('[data-testid="receipt-nik"]'),
        form: visible('[data-testid="assisted-form"]'),
        buttons: getComputedStyle(document.querySelector('[data-testid="receipt-print"]')!).display,
      };
    });
    expect(printed).toMatchObject({ receipt: true, form: false, buttons: "none" });
    expect(printed.height).toBeLessThan(1123); // one A4 page at 96 dpi
    await page.emulateMedia({ media: "screen" });
    await page.getByTestId("receipt-send").click();
    await page.getByTestId("receipt-sent").filter({ hasText: "Terkirim" }).waitFor();

    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    expect(pageErrors).toEqual([]);
  });
});
