import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { zeroDistrict, zeroFigures, type RegionFigures } from "../../functions/src/domain/dashboard/figures.js";
import { allProvinces, districtsOf, findProvince, regenciesOf } from "../../functions/src/domain/regions/index.js";
import type { DashboardDoc } from "../../functions/src/schemas/dashboard.js";
import { adminDb } from "../support/admin.js";
import { accountWith } from "../support/stack.js";
import { closeBrowser, expectAccessible, expectNoSidewaysScroll, openPhone, signInAs, submitAccountForm } from "./support.js";

/**
 * The regional dashboard in the browser (/dasbor): an operator of Kalimantan Selatan (63) opens it
 * from the header and sees their province's figures, its regencies, and the registrations-per-day
 * chart with its table; opening a regency shows its districts. An admin sees the national view.
 * The dashboard documents are written here as the rollup writes them (the rollup itself is proved
 * on the emulator in tests/integration/dashboard.test.ts); no other suite uses province 63's.
 */
const PROVINCE = "63";
const REGENCY = regenciesOf(PROVINCE)[0];
const now = new Date();
const dayOf = (daysAgo: number) => new Date(now.getTime() + 7 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);

const figures = (registrants: number): RegionFigures => ({
  ...zeroFigures(),
  registrants,
  online: registrants - 400,
  assisted: 400,
  eligible: registrants - 300,
  notEligible: { ...zeroFigures().notEligible, "under-age": 120, "excluded-occupation": 180 },
  needsVerification: 25,
  joined: 900,
  drawn: 210,
  bought: 150,
  completed: 90,
  inTraining: 60,
  paidPeople: 80,
  paidInstallments: 95,
  paidRupiah: 48_500_000,
});

const DAYS = [
  { day: dayOf(2), registrants: 700, online: 520, assisted: 180 },
  { day: dayOf(1), registrants: 1_134, online: 914, assisted: 220 },
];

function regencyDoc(): DashboardDoc {
  return {
    scope: REGENCY.code,
    level: "regency",
    name: REGENCY.name,
    updatedAt: now,
    figures: figures(1_834),
    parts: [],
    districts: districtsOf(REGENCY.code).map((d, i) => ({
      code: d.code,
      name: d.name,
      figures: i === 0 ? { ...zeroDistrict(), registrants: 1_834, online: 1_434, assisted: 400 } : zeroDistrict(),
    })),
    days: DAYS,
    waves: [{ waveId: "1", joined: 900, drawn: 210 }],
  };
}

function provinceDoc(): DashboardDoc {
  return {
    scope: PROVINCE,
    level: "province",
    name: findProvince(PROVINCE)!.name,
    updatedAt: now,
    figures: figures(1_834),
    parts: regenciesOf(PROVINCE).map((r) => ({ code: r.code, name: r.name, figures: r.code === REGENCY.code ? figures(1_834) : zeroFigures() })),
    districts: [],
    days: DAYS,
    waves: [{ waveId: "1", joined: 900, drawn: 210 }],
  };
}

async function openDashboard(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Dasbor", exact: true }).click();
  await page.getByTestId("dashboard-figures").waitFor();
}

const figureText = async (page: Page, figure: string) =>
  ((await page.locator(`[data-testid=dashboard-figures] [data-figure=${figure}]`).textContent()) ?? "").trim();

afterAll(closeBrowser);

describe("the regional dashboard", () => {
  it("when an operator of province 63 opens the dashboard, then they see their province's figures, its regencies and a chart with its table", async () => {
    await adminDb.doc(`dashboards/${PROVINCE}`).set(provinceDoc());
    await adminDb.doc(`dashboards/${REGENCY.code}`).set(regencyDoc());
    const operator = await accountWith({ role: "operator", region: PROVINCE }, "operator-dash");
    const { page, pageErrors } = await openPhone();
    await signInAs(page, operator.email, "Operator Disnaker");
    await openDashboard(page);

    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Kalimantan Selatan");
    expect(await figureText(page, "registrants")).toBe("1.834");
    expect(await figureText(page, "assisted")).toBe("400");
    expect(await figureText(page, "paidRupiah")).toBe("Rp\u00a048.500.000");
    const chart = page.getByTestId("dashboard-days-chart");
    expect(await chart.getAttribute("role")).toBe("img");
    expect(await chart.getAttribute("aria-label")).toContain("Kalimantan Selatan");
    const dayRows = page.locator("[data-testid=dashboard-days] tbody tr");
    expect(await dayRows.count()).toBe(2);
    expect(await page.locator("[data-testid=dashboard-days] tbody").textContent()).toContain("1.134");
    expect(await page.locator("[data-testid=dashboard-parts] tbody tr").count()).toBe(regenciesOf(PROVINCE).length);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    // Into one regency: its districts; and back up through the breadcrumb.
    await page.locator("[data-testid=dashboard-parts] tbody tr").first().getByRole("button").click();
    await page.locator(`[data-testid=dashboard][data-scope="${REGENCY.code}"] [data-testid=dashboard-parts]`).waitFor();
    expect(await page.locator("[data-testid=dashboard-parts] tbody tr").count()).toBe(districtsOf(REGENCY.code).length);
    await page.getByRole("navigation", { name: "Wilayah" }).getByRole("button").click();
    await page.locator(`[data-testid=dashboard][data-scope="${PROVINCE}"] [data-testid=dashboard-figures]`).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("when an admin opens the dashboard, then they see the national view with every province and the target form", async () => {
    // The national document as the rollup writes it (every province a part); another suite's rollup may rewrite it meanwhile, with the same shape.
    if (!(await adminDb.doc("dashboards/ID").get()).exists) {
      const parts = allProvinces().map((p) => ({ code: p.code, name: p.name, figures: p.code === PROVINCE ? figures(1_834) : zeroFigures() }));
      await adminDb.doc("dashboards/ID").set({ ...provinceDoc(), scope: "ID", level: "national", name: "Indonesia", parts });
    }
    const admin = await accountWith({ role: "admin" }, "admin-dash");
    const { page, pageErrors } = await openPhone();
    await signInAs(page, admin.email, "Admin Manajemen Pelaksana");
    await openDashboard(page);

    expect(await page.getByTestId("dashboard").getAttribute("data-scope")).toBe("ID");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Indonesia");
    expect(await figureText(page, "registrants")).toMatch(/^\d{1,3}(\.\d{3})*$/);
    expect(await page.locator("[data-testid=dashboard-parts] tbody tr").count()).toBe(allProvinces().length);
    expect(await page.locator("[data-testid=dashboard-parts] tbody").textContent()).toContain("Kalimantan Selatan");
    expect(await page.getByLabel("Target pendaftar (0 untuk menghapus)").count()).toBe(1);
    await expectAccessible(page);
    expect(pageErrors).toEqual([]);
  });

  it("when an applicant opens /dasbor, then the page says it is not for them", async () => {
    const applicant = await accountWith(null, "applicant-dash");
    const { page } = await openPhone();
    // An applicant not yet registered is taken to the registration form (not the account page).
    await submitAccountForm(page, applicant.email, "Masuk");
    await page.waitForURL("**/daftar");
    expect(await page.getByRole("link", { name: "Dasbor", exact: true }).count()).toBe(0);
    await page.evaluate(() => {
      history.pushState(null, "", "/dasbor");
      dispatchEvent(new PopStateEvent("popstate"));
    });
    await page.getByTestId("dashboard-refused").waitFor();
  });
});
