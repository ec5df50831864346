import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { URLS } from "../../scripts/stack/config.js";
import { trainingPartners } from "../../scripts/demo-data.js";
import { adminDb } from "../support/admin.js";
import { accountWith, call } from "../support/stack.js";
import { closeBrowser, expectAccessible, expectNoSidewaysScroll, openPhone } from "./support.js";

/**
 * The public training catalogue on a cheap phone, signed out: search a word, filter by learning
 * method and province, open a training and read its price and schedule. Its trainings carry a word
 * of their own, so other tests' trainings never show up in its searches.
 */

const WORD = `seduh${randomUUID().slice(0, 8)}`;
const OFFLINE = `BRS-${WORD}`;
const ONLINE = `LTE-${WORD}`;

beforeAll(async () => {
  await Promise.all(Object.entries(trainingPartners(new Date())).map(([code, partner]) => adminDb.doc(`trainingPartners/${code}`).set(partner)));
  const admin = await accountWith({ role: "admin" }, "admin");
  const training = (courseCode: string, fields: Record<string, unknown>) => ({
    requestId: randomUUID(),
    courseCode,
    description: "Menyeduh kopi untuk kedai.",
    institutionCode: "lpk-nusantara",
    platformCodes: ["platform-belajar"],
    hours: 24,
    category: "Kuliner",
    status: "listed",
    ...fields,
  });
  for (const input of [
    training(OFFLINE, { title: `Barista Pemula ${WORD}`, price: 1_200_000, method: "offline", provinceCode: "31" }),
    training(ONLINE, { title: `Latte Art ${WORD}`, price: 650_000, method: "webinar" }),
  ])
    expect((await call("saveTraining", input, admin.idToken)).error).toBeUndefined();
  const schedule = {
    scheduleCode: `${OFFLINE}-J1`,
    courseCode: OFFLINE,
    startsAt: "2030-06-01T09:00:00+07:00",
    endsAt: "2030-06-05T17:00:00+07:00",
    capacity: 12,
  };
  expect((await call("saveSchedule", schedule, admin.idToken)).error).toBeUndefined();
});
afterAll(closeBrowser);

describe("training catalogue page", () => {
  it("when anyone searches, filters in-person trainings in a province and opens one, then they read its price in rupiah and its schedule's free seats", async () => {
    const { page, pageErrors } = await openPhone();
    await page.goto(URLS.webApp);
    await page.getByRole("link", { name: "Pelatihan", exact: true }).click();
    await page.waitForURL("**/pelatihan");
    await page.getByRole("heading", { name: "Katalog pelatihan", level: 1 }).waitFor();

    await page.getByLabel("Cari pelatihan").fill(WORD.toUpperCase());
    await page.getByRole("button", { name: "Cari", exact: true }).click();
    await page.getByTestId("catalogue-searched").waitFor();
    const cards = page.getByTestId("catalogue-training");
    // In title order: "Barista…" before "Latte…".
    expect(await cards.evaluateAll((all) => all.map((card) => card.getAttribute("data-course-code")))).toEqual([OFFLINE, ONLINE]);
    await expectNoSidewaysScroll(page);

    await page.getByLabel("Metode belajar").selectOption("offline");
    await page.waitForURL(`**/pelatihan?q=${WORD.toUpperCase()}&method=offline`);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="catalogue-training"]').length === 1);
    const province = page.getByLabel("Provinsi");
    await page.waitForFunction(() => !(document.getElementById("catalogue-province") as HTMLSelectElement | null)?.disabled);
    await province.selectOption("31");
    await page.waitForURL(`**/pelatihan?q=${WORD.toUpperCase()}&method=offline&province=31`);
    await page.getByTestId("catalogue-list").waitFor();
    expect(await cards.evaluateAll((all) => all.map((card) => card.getAttribute("data-course-code")))).toEqual([OFFLINE]);
    expect(await cards.first().getByTestId("training-price").textContent()).toBe("Rp\u00a01.200.000");
    await expectAccessible(page);

    await page.getByRole("link", { name: `Barista Pemula ${WORD}` }).click();
    await page.waitForURL(`**/pelatihan/${OFFLINE}`);
    const detail = page.getByTestId("training-detail");
    await detail.waitFor();
    expect(await detail.getByRole("heading", { level: 1 }).textContent()).toBe(`Barista Pemula ${WORD}`);
    expect(await detail.getByTestId("training-price").textContent()).toBe("Rp\u00a01.200.000");
    expect(await detail.getByTestId("schedule-seats").textContent()).toBe("12 kursi tersisa");
    expect(await detail.textContent()).toContain("1 Juni 2030 pukul 09.00 WIB");
    expect(await detail.getByTestId("training-platforms").textContent()).toContain("Platform Belajar Digital");
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);

    // English second: the same training, dates in English.
    await page.getByRole("button", { name: "English" }).click();
    expect(await detail.getByTestId("schedule-seats").textContent()).toBe("12 seats left");
    expect(await detail.textContent()).toContain("1 June 2030 at 09:00 WIB");
    expect(pageErrors).toEqual([]);
  });
});
