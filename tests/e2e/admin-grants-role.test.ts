import { initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { MESSAGES } from "../../functions/src/schemas/messages.js";
import { REFUSAL_TEXT } from "../../functions/src/schemas/refusalMessages.js";
import { PROJECT_ID } from "../../scripts/stack/config.js";
import { accountWith, signUp, type SignedIn } from "../support/stack.js";
import { closeBrowser, expectAccessible, expectNoSidewaysScroll, openPhone, signInAs } from "./support.js";

/**
 * The admin page in a real browser on a cheap phone's screen: an admin gives accounts roles
 * through the web app, and each grant lands in Firestore through the grantRole callable.
 */

const db = getFirestore(initializeApp({ projectId: PROJECT_ID }, "e2e-admin-grants-role"));

afterAll(closeBrowser);

async function signInAndOpenAdminPage(page: Page, admin: SignedIn): Promise<void> {
  await signInAs(page, admin.email, "Admin Manajemen Pelaksana");
  await page.getByRole("link", { name: "Admin", exact: true }).click();
}

async function grantsFor(uid: string) {
  const snapshot = await db.collection("roleGrants").where("targetUid", "==", uid).get();
  return snapshot.docs.map((doc) => doc.data());
}

describe("admin page", () => {
  it("when an admin grants the operator role without a region, then the form refuses it in Indonesian and nothing is written; with the province picked from the list it is granted", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const target = await signUp("calon-operator");
    const { page, pageErrors } = await openPhone();
    let grantCalls = 0;
    page.on("request", (request) => {
      if (request.url().endsWith("/grantRole") && request.method() === "POST") grantCalls += 1;
    });
    await signInAndOpenAdminPage(page, admin);

    await page.getByLabel("Email akun").fill(target.email);
    await page.getByTestId("grant-role-form").getByRole("combobox", { name: "Peran" }).selectOption("operator");
    await page.getByRole("button", { name: "Berikan peran" }).click();

    const regionError = page.getByTestId("grant-region-error");
    await regionError.waitFor();
    expect(await regionError.textContent()).toBe(MESSAGES["region-required-for-operator"].id);
    const region = page.getByTestId("grant-role-form").getByLabel("Provinsi", { exact: true });
    expect(await region.getAttribute("aria-invalid")).toBe("true");
    expect(await region.getAttribute("aria-describedby")).toContain("grant-region-error");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("grant-region");
    expect(grantCalls).toBe(0);
    expect(await grantsFor(target.uid)).toEqual([]);

    await region.selectOption("31");
    await regionError.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Berikan peran" }).click();
    const result = page.locator('[data-testid="grant-result"][data-outcome="done"]');
    await result.waitFor();
    expect(await result.textContent()).toContain(target.email);
    expect(await result.textContent()).toContain("wilayah Daerah Khusus Ibukota Jakarta (31)");
    expect(grantCalls).toBe(1);

    const grants = await grantsFor(target.uid);
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ targetUid: target.uid, role: "operator", region: "31", via: "callable", grantedBy: admin.uid });
    await page.locator(`[data-testid="role-grant-list"] [data-target-uid="${target.uid}"]`).waitFor();
    await expectNoSidewaysScroll(page);
    expect(pageErrors).toEqual([]);
  });

  it("when an admin searches the region list for “Jawa Barat” and picks Kota Bandung, then the whole name is found and the grant names regency 3273", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const target = await signUp("calon-operator");
    const { page, pageErrors } = await openPhone();
    await signInAndOpenAdminPage(page, admin);

    await page.getByLabel("Email akun").fill(target.email);
    await page.getByTestId("grant-role-form").getByRole("combobox", { name: "Peran" }).selectOption("operator");
    await page.getByLabel("Cari wilayah").fill("Jawa Barat");
    const province = page.getByTestId("grant-role-form").getByLabel("Provinsi", { exact: true });
    expect(await province.locator("option").allTextContents()).toEqual(["— Pilih —", "Jawa Barat (32)"]);
    await province.selectOption("32");
    await page.getByLabel("Cari wilayah").fill("bandung");
    await page.getByLabel("Kabupaten/kota (opsional)").selectOption("3273");
    await page.getByRole("button", { name: "Berikan peran" }).click();
    const result = page.locator('[data-testid="grant-result"][data-outcome="done"]');
    await result.waitFor();
    expect(await result.textContent()).toContain("wilayah Kota Bandung (3273)");
    const grants = await grantsFor(target.uid);
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ role: "operator", region: "3273" });
    const listed = page.locator(`[data-testid="role-grant-list"] [data-target-uid="${target.uid}"]`);
    await listed.waitFor();
    expect(await listed.textContent()).toContain(target.email);
    expect(await listed.textContent()).toContain("Kota Bandung (3273)");
    await expectAccessible(page);
    expect(pageErrors).toEqual([]);
  });

  it("when an admin revokes an operator's role from the list, then it asks first, and the account goes back to applicant", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const operator = await accountWith({ role: "operator", region: "31" }, "operator");
    await db.collection("roleGrants").doc(crypto.randomUUID()).create({
      targetUid: operator.uid,
      role: "operator",
      region: "31",
      grantedBy: admin.uid,
      via: "command",
      grantedAt: new Date(),
    });
    const { page, pageErrors } = await openPhone();
    await signInAndOpenAdminPage(page, admin);
    const row = page.locator(`[data-testid="role-grant-list"] [data-target-uid="${operator.uid}"][data-holds-now="true"]`);
    await row.waitFor();
    await row.getByRole("button", { name: "Cabut peran" }).click();
    expect(await row.getByTestId("revoke-confirm").textContent()).toContain(operator.email);
    await row.getByRole("button", { name: "Ya, cabut" }).click();
    await page.locator(`[data-testid="role-grant-list"] [data-target-uid="${operator.uid}"][data-holds-now="false"]`).first().waitFor();
    const revocations = (await grantsFor(operator.uid)).filter((grant) => grant.revokes !== undefined);
    expect(revocations).toEqual([expect.objectContaining({ role: "applicant", revokes: { role: "operator", region: "31" }, grantedBy: admin.uid })]);
    expect(pageErrors).toEqual([]);
  });

  it("when a grant is refused because no account has that email, then the message goes as soon as the email is changed", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const target = await signUp("calon-auditor");
    const { page, pageErrors } = await openPhone();
    await signInAndOpenAdminPage(page, admin);

    const email = page.getByLabel("Email akun");
    await email.fill(`tidak-ada-${target.uid}@test.prakerja.test`);
    await page.getByTestId("grant-role-form").getByRole("combobox", { name: "Peran" }).selectOption("auditor");
    await page.getByRole("button", { name: "Berikan peran" }).click();
    const refused = page.locator('[data-testid="grant-result"][data-outcome="failed"]');
    await refused.waitFor();
    expect(await refused.textContent()).toBe(REFUSAL_TEXT["unknown-account"].id);
    await expectAccessible(page);

    await email.fill(target.email);
    await refused.waitFor({ state: "detached" });
    expect(await page.getByTestId("grant-result").textContent()).toBe("");
    expect(pageErrors).toEqual([]);
  });

  it("when an admin grants a role that takes no region, then it is recorded without one, and the page can switch to English", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const target = await signUp("calon-auditor");
    const { page, pageErrors } = await openPhone();
    await signInAndOpenAdminPage(page, admin);

    await page.getByLabel("Email akun").fill(target.email);
    await page.getByTestId("grant-role-form").getByRole("combobox", { name: "Peran" }).selectOption("auditor");
    await page.getByRole("button", { name: "Berikan peran" }).click();
    await page.locator('[data-testid="grant-result"][data-outcome="done"]').filter({ hasText: target.email }).waitFor();
    const grants = await grantsFor(target.uid);
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ role: "auditor", via: "callable" });
    expect(grants[0]).not.toHaveProperty("region");

    await page.getByRole("button", { name: "English" }).click();
    await page.getByLabel("Account email").waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.reload();
    await page.getByRole("heading", { name: "Grant a role" }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
