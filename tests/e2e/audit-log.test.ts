import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { auditDay } from "../../functions/src/domain/audit/chain.js";
import { URLS } from "../../scripts/stack/config.js";
import { accountWith, call, signUp } from "../support/stack.js";
import { closeBrowser, expectAccessible, expectNoSidewaysScroll, openPhone, signInAs } from "./support.js";

/**
 * The auditor's journey: a program admin grants a role through the grantRole callable (a
 * privileged act, appended to the audit log by the functions); an auditor opens /jejak-audit on a
 * phone, opens today's entries, finds the grant (by the account's uid, never its email), filters
 * by act, and has the day's chains checked in the browser: "Utuh" (intact). An operator is refused.
 */

afterAll(closeBrowser);

describe("audit log page", () => {
  it("when an auditor opens today's entries and checks the chain, then the admin's grant is listed and the day is intact", async () => {
    const [admin, target, auditor] = await Promise.all([
      accountWith({ role: "admin" }, "admin"),
      signUp("granted"),
      accountWith({ role: "auditor" }, "auditor"),
    ]);
    const granted = await call("grantRole", { requestId: randomUUID(), email: target.email, role: "operator", region: "31" }, admin.idToken);
    expect(granted.error).toBeUndefined();
    const today = auditDay(new Date());

    const { page, pageErrors } = await openPhone();
    await signInAs(page, auditor.email, "Auditor");
    await page.getByRole("navigation").getByRole("link", { name: "Jejak audit", exact: true }).click();
    await page.getByTestId("audit-days").waitFor();
    await page
      .getByTestId(`audit-day-${today}`)
      .getByRole("button", { name: `Buka ${today}` })
      .click();
    const entries = page.getByTestId("audit-entries");
    await entries.waitFor();
    const grant = entries.locator("tr", { hasText: target.uid });
    await expect.poll(() => grant.count()).toBe(1);
    const row = ((await grant.textContent()) ?? "").replace(/\s+/g, " ");
    expect(row).toContain("Pemberian peran");
    expect(row).toContain(admin.uid);
    expect(row).toContain("role: operator");
    expect(row).not.toContain(target.email);

    await page.getByTestId("audit-filter").selectOption("grant-role");
    expect(await entries.locator("tbody tr").evaluateAll((rows) => rows.every((r) => r.getAttribute("data-act") === "grant-role"))).toBe(true);

    await page.getByTestId("audit-verify").click();
    const verdict = page.getByTestId("audit-verdict");
    await verdict.waitFor();
    expect(await verdict.getAttribute("data-intact")).toBe("true");
    expect(await verdict.textContent()).toMatch(/^Utuh: [\d.]+ rantai dan [\d.]+ entri diperiksa ulang di peramban ini/);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    expect(pageErrors).toEqual([]);
  });

  it("when an operator opens the page, then it is refused and no entry is shown", async () => {
    const operator = await accountWith({ role: "operator", region: "31" }, "operator");
    const { page } = await openPhone();
    await signInAs(page, operator.email, "Operator Disnaker");
    await page.goto(`${URLS.webApp}/jejak-audit`);
    await page.getByTestId("audit-log-refused").waitFor();
    expect(await page.getByTestId("audit-entries").count()).toBe(0);
  });
});
