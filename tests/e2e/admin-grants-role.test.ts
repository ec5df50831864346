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
  it("when an admin grants the operator role without a region, then the form refuses it in Indonesian and nothing is written; with region 31 it is granted", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const target = await signUp("calon-operator");
    const { page, pageErrors } = await openPhone();
    let grantCalls = 0;
    page.on("request", (request) => {
      if (request.url().endsWith("/grantRole") && request.method() === "POST") grantCalls += 1;
    });
    await signInAndOpenAdminPage(page, admin);

    await page.getByLabel("Email akun").fill(target.email);
    await page.getByRole("combobox", { name: "Peran" }).selectOption("operator");
    await page.getByRole("button", { name: "Berikan peran" }).click();

    const regionError = page.getByTestId("grant-region-error");
    await regionError.waitFor();
    expect(await regionError.textContent()).toBe(MESSAGES["region-required-for-operator"].id);
    const region = page.getByLabel("Kode wilayah");
    expect(await region.getAttribute("aria-invalid")).toBe("true");
    expect(await region.getAttribute("aria-describedby")).toContain("grant-region-error");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("grant-region");
    expect(grantCalls).toBe(0);
    expect(await grantsFor(target.uid)).toEqual([]);

    await region.fill("31");
    await regionError.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Berikan peran" }).click();
    const result = page.locator('[data-testid="grant-result"][data-outcome="done"]');
    await result.waitFor();
    expect(await result.textContent()).toContain(target.email);
    expect(await result.textContent()).toContain("wilayah 31");
    expect(grantCalls).toBe(1);

    const grants = await grantsFor(target.uid);
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ targetUid: target.uid, role: "operator", region: "31", via: "callable", grantedBy: admin.uid });
    await page.locator(`[data-testid="role-grant-list"] [data-target-uid="${target.uid}"]`).waitFor();
    await expectNoSidewaysScroll(page);
    expect(pageErrors).toEqual([]);
  });

  it("when a grant is refused because no account has that email, then the message goes as soon as the email is changed", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const target = await signUp("calon-auditor");
    const { page, pageErrors } = await openPhone();
    await signInAndOpenAdminPage(page, admin);

    const email = page.getByLabel("Email akun");
    await email.fill(`tidak-ada-${target.uid}@test.prakerja.test`);
    await page.getByRole("combobox", { name: "Peran" }).selectOption("auditor");
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
    await page.getByRole("combobox", { name: "Peran" }).selectOption("auditor");
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
