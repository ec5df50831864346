import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ID, URLS } from "../../scripts/stack/config.js";
import { ensureProgramYear } from "../support/people.js";
import { AUTH_URL, signUp } from "../support/stack.js";
import { closeBrowser, expectAccessible, expectNoSidewaysScrollAtDoubleText, openPhone } from "./support.js";

/** Before an account: who can join and where to start, and the sign-in page's ways back in. */

beforeAll(ensureProgramYear);
afterAll(closeBrowser);

/** The emails the Auth emulator "sent" (it sends none: it lists them). */
async function oobCodes(): Promise<{ email: string; requestType: string }[]> {
  const response = await fetch(`${AUTH_URL}/emulator/v1/projects/${PROJECT_ID}/oobCodes`);
  return ((await response.json()) as { oobCodes: { email: string; requestType: string }[] }).oobCodes;
}

describe("the home page, signed out", () => {
  it("when someone opens it, then it says who can join before they sign up, and leads to signing up", async () => {
    const { page, pageErrors } = await openPhone();
    await page.goto(URLS.webApp);
    const who = page.getByTestId("who-can-join");
    await who.waitFor();
    expect(await who.getByRole("heading", { name: "Siapa yang bisa ikut" }).count()).toBe(1);
    const criteria = await who.locator("li").allTextContents();
    expect(criteria.join(" ")).toMatch(/18 tahun/);
    expect(criteria.join(" ")).toMatch(/tidak sedang sekolah atau kuliah/);
    expect(criteria.join(" ")).toMatch(/PNS\/ASN.*TNI.*Polri.*pejabat negara.*DPRD.*perangkat desa.*BUMN\/BUMD/);
    expect(criteria.join(" ")).toMatch(/paling banyak 2 penerima per Kartu Keluarga/);
    await expectAccessible(page);
    await expectNoSidewaysScrollAtDoubleText(page);

    await page.getByTestId("home-cta").getByRole("link", { name: "Daftar sekarang" }).click();
    await page.waitForURL("**/masuk");
    await page.getByRole("button", { name: "Daftar akun baru" }).waitFor();
    await page.getByRole("button", { name: "Kirim kode SMS" }).waitFor();
    await expectAccessible(page);
    expect(pageErrors).toEqual([]);
  });
});

describe("the sign-in page", () => {
  it("when a person forgets their password, then a reset link is sent to their email; an unknown email gets the same answer", async () => {
    const account = await signUp("lupa");
    const { page, pageErrors } = await openPhone();
    await page.goto(`${URLS.webApp}/masuk`);
    await page.getByRole("button", { name: "Lupa kata sandi?" }).click();
    expect(await page.getByTestId("sign-in-error").textContent()).toContain("Isi email Anda dulu");

    await page.getByLabel("Email", { exact: true }).fill(account.email);
    expect(await page.getByTestId("sign-in-error").count()).toBe(0);
    await page.getByRole("button", { name: "Lupa kata sandi?" }).click();
    const sent = page.getByTestId("reset-sent");
    await sent.waitFor();
    expect(await sent.textContent()).toContain(account.email);
    expect(await oobCodes()).toContainEqual(expect.objectContaining({ email: account.email, requestType: "PASSWORD_RESET" }));

    const unknown = `tidak-ada-${account.uid}@test.prakerja.test`;
    await page.getByLabel("Email", { exact: true }).fill(unknown);
    await page.getByRole("button", { name: "Lupa kata sandi?" }).click();
    await page.getByTestId("reset-sent").filter({ hasText: unknown }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("when a person creates an account, then they can show the password to check what they typed", async () => {
    const { page, pageErrors } = await openPhone();
    await page.goto(`${URLS.webApp}/masuk`);
    const password = page.getByLabel("Kata sandi", { exact: true });
    await password.fill("rahasia-123");
    expect(await password.getAttribute("type")).toBe("password");
    await page.getByLabel("Tampilkan kata sandi").check();
    expect(await password.getAttribute("type")).toBe("text");
    expect(await password.inputValue()).toBe("rahasia-123");
    await page.getByLabel("Tampilkan kata sandi").uncheck();
    expect(await password.getAttribute("type")).toBe("password");
    expect(pageErrors).toEqual([]);
  });
});
