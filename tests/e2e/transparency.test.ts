import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareOrder, rankOf } from "../../functions/src/domain/draw/index.js";
import { REASON_TEXT } from "../../functions/src/schemas/registrationMessages.js";
import { URLS } from "../../scripts/stack/config.js";
import { storeDrawnWave, type StoredDraw } from "./publishedDraw.js";
import { closeBrowser, expectAccessible, expectNoSidewaysScroll, expectNoSidewaysScrollAtDoubleText, openPhone } from "./support.js";

/**
 * The public transparency page on a cheap phone, signed out: a drawn wave's plan fixed in
 * advance, its published numbers, the province table, and the files an auditor downloads.
 */

const run = promisify(execFile);
const PROVINCE_NAMES: Record<string, string> = { "11": "Aceh", "31": "Daerah Khusus Ibukota Jakarta", "52": "Nusa Tenggara Barat" };

let drawn: StoredDraw;
beforeAll(async () => {
  drawn = await storeDrawnWave();
});
afterAll(closeBrowser);

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent())?.trim();

/** Opens the wave's card in the list of waves, from the header link everyone sees. */
async function openWaveCard(page: Page) {
  await page.goto(URLS.webApp);
  await page.getByRole("link", { name: "Transparansi", exact: true }).click();
  await page.waitForURL("**/transparansi");
  const card = page.locator(`[data-testid="transparency-wave"][data-wave-id="${drawn.waveId}"]`);
  await card.waitFor();
  return card;
}

describe("draw transparency page", () => {
  it("when anyone opens a drawn wave, then they see its plan fixed in advance, its published numbers by province and reason, and the files and command to check it", async () => {
    const { manifest } = drawn.publication;
    const { page, pageErrors } = await openPhone();

    const card = await openWaveCard(page);
    expect(await card.getAttribute("data-state")).toBe("drawn");
    expect(await card.getByTestId("plan-quota").textContent()).toBe("10 orang");
    expect(await card.getByTestId("plan-seed-commitment").textContent()).toBe(manifest.seedCommitment);
    expect(await card.getByTestId("plan-beacon").textContent()).toContain("putaran 1234567");
    expect(await card.getByTestId("plan-strata").textContent()).toContain("Nusa Tenggara Barat: 25% dari kuota");
    await expectNoSidewaysScroll(page);

    await card.getByRole("link", { name: `Rincian dan hasil undian gelombang ${drawn.number}` }).click();
    await page.waitForURL(`**/transparansi/${drawn.waveId}`);
    await page.getByTestId("draw-result").waitFor();
    expect(await text(page, "draw-pool-size")).toBe("40");
    expect(await text(page, "draw-winners")).toBe(String(manifest.winners.count));
    expect(await text(page, "draw-quota")).toBe("10");
    expect(await text(page, "draw-skipped")).toBe(String(manifest.result.skippedForFamilyLimit));
    expect(await text(page, "draw-national-seats")).toBe(`${manifest.result.national.selected} dari ${manifest.result.national.seats}`);
    expect(await text(page, "draw-seed")).toBe(manifest.seed);
    expect(await text(page, "draw-beacon-value")).toBe(manifest.beacon.value);
    expect(await text(page, "draw-pool-root")).toBe(manifest.poolRoot);

    const underAge = page.locator('[data-testid="excluded-by-reason"] [data-reason="under-age"]');
    expect(await underAge.textContent()).toContain(REASON_TEXT["under-age"].id);
    expect(await underAge.locator("td.number").textContent()).toBe("3");
    expect(await page.locator('[data-testid="excluded-by-reason"] [data-reason="on-exclusion-list"] td.number').textContent()).toBe("2");

    const rows = page.getByTestId("province-table").locator("tbody tr");
    expect(await rows.count()).toBe(3);
    for (const [code, counts] of Object.entries(manifest.byProvince)) {
      const row = page.locator(`[data-testid="province-table"] tr[data-province="${code}"]`);
      expect(await row.locator("th").textContent()).toBe(PROVINCE_NAMES[code]);
      expect(await row.getByTestId("province-pool").textContent()).toMatch(new RegExp(`^${counts.pool} \\(`));
      expect(await row.getByTestId("province-winners").textContent()).toMatch(new RegExp(`^${counts.winners} \\(`));
    }
    expect(await page.getByRole("img", { name: /Diagram batang per provinsi/ }).count()).toBe(1);
    await expectNoSidewaysScroll(page);

    const manifestUrl = `${URLS.webApp}/draws/${drawn.waveId}/manifest.json`;
    expect(await text(page, "verify-command")).toBe(`npm run verify-draw -- ${manifestUrl} --check-beacon`);
    const manifestHref = await page.getByTestId("manifest-link").getAttribute("href");
    const served = await page.request.get(new URL(manifestHref!, page.url()).toString());
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toContain("application/json");
    expect(await served.json()).toMatchObject({ waveId: drawn.waveId, poolRoot: manifest.poolRoot, poolSize: 40 });
    const poolLinks = page.getByTestId("pool-pages").locator("a");
    expect(await poolLinks.count()).toBe(3);
    const firstPage = await page.request.get(new URL((await poolLinks.first().getAttribute("href"))!, page.url()).toString());
    expect(((await firstPage.json()) as { entries: unknown[] }).entries).toHaveLength(16);
    expect(pageErrors).toEqual([]);

    // What the page tells auditors to run, without --check-beacon (this stored wave's beacon value is made
    // up; the beacon check is proved on a real draw in tests/integration/waveDraw.test.ts): the served
    // files re-compute to the same winners.
    const { stdout } = await run(process.execPath, [join(process.cwd(), "node_modules", ".bin", "tsx"), "scripts/verify-draw.ts", manifestUrl]);
    expect(stdout).toContain(`MATCH: the published winners of wave ${drawn.waveId}`);
  });

  it("when a wave's page is read at 200% text size on a 360 px screen, then it does not scroll sideways (its tables scroll inside their own box), and it passes axe's checks", async () => {
    const { page, pageErrors } = await openPhone();
    await page.goto(`${URLS.webApp}/transparansi/${drawn.waveId}`);
    await page.getByTestId("draw-result").waitFor();
    await expectNoSidewaysScrollAtDoubleText(page);
    await expectAccessible(page);
    expect(pageErrors).toEqual([]);
  });

  it("when a person checks their ID, then the page counts their exact place in the draw's order, says whether the cut-off reached them, and shows a proof that holds", async () => {
    const { manifest, poolPages } = drawn.publication;
    const pool = poolPages.flatMap(({ page }) => page.entries);
    const drawKey = manifest.drawKey!;
    const keyOf = (e: (typeof pool)[number]) => ({ rank: rankOf(drawKey, e.pid), pid: e.pid });
    const ordered = [...pool].sort((a, b) => compareOrder(keyOf(a), keyOf(b)));
    const winners = new Set(manifest.winners.pids ?? drawn.publication.winnersPages.flatMap(({ page }) => page.pids));
    const { page, pageErrors } = await openPhone();
    await page.goto(`${URLS.webApp}/transparansi/${drawn.waveId}`);
    await page.getByTestId("draw-result").waitFor();
    expect(await text(page, "draw-reconciled")).toContain(`= ${manifest.winners.count}`);
    expect(await page.getByTestId("draw-national-reach").textContent()).toContain("dari 40");

    // The first winner in the draw's order (within the cut-off), and the last person in it (40th, with 10 seats: not reached).
    const first = ordered.findIndex((e) => winners.has(e.pid));
    for (const [person, position, within] of [
      [ordered[first], first + 1, true],
      [ordered[39], 40, false],
    ] as const) {
      await page.getByLabel("ID samaran").fill(person.pid);
      await page.getByTestId("check-button").click();
      await page.locator('[data-testid="check-result"][data-kind="found"]').waitFor();
      expect(await text(page, "check-position")).toBe(`Anda nomor ${position} dari 40 dalam urutan undian.`);
      expect(await page.getByTestId("check-outcome").getAttribute("data-within")).toBe(String(within));
      expect(await page.getByTestId("check-proof").getAttribute("data-holds")).toBe("true");
      expect(await page.getByTestId("check-line").textContent()).toContain(person.pid);
    }
    await page.getByTestId("check-my-id").locator("summary").click();
    await expectNoSidewaysScrollAtDoubleText(page);
    await expectAccessible(page);

    await page.getByLabel("ID samaran").fill("not-in-this-pool");
    await page.getByTestId("check-button").click();
    await page.locator('[data-testid="check-result"][data-kind="not-found"]').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("when the page is asked for by the wave's number alone, then it reaches that wave", async () => {
    const { page, pageErrors } = await openPhone();
    await page.goto(`${URLS.webApp}/transparansi/${drawn.number}`);
    await page.getByTestId("draw-result").waitFor();
    expect(await page.getByTestId("wave-detail").getAttribute("data-state")).toBe("drawn");
    expect(await text(page, "draw-pool-size")).toBe("40");
    expect(pageErrors).toEqual([]);
  });

  it("when a wave's page names no known wave, then it says so", async () => {
    const { page, pageErrors } = await openPhone();
    await page.goto(`${URLS.webApp}/transparansi/e2e-missing-${drawn.waveId.slice(4, 12)}`);
    await page.getByTestId("wave-not-found").waitFor();
    expect(await text(page, "wave-not-found")).toBe("Gelombang ini tidak ditemukan.");
    expect(pageErrors).toEqual([]);
  });
});
