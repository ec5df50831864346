import { randomInt } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { closeRedriveDoc } from "../../functions/src/schemas/closeRedrive.js";
import { withDates } from "../../functions/src/schemas/timestamps.js";
import { closePartitionDoc } from "../../functions/src/schemas/waveClose.js";
import { adminDb } from "../support/admin.js";
import { removeClose, seedClose } from "../support/closeSeed.js";
import { accountWith, type SignedIn } from "../support/stack.js";
import { closeBrowser, expectAccessible, expectNoSidewaysScroll, openPhone, signInAs } from "./support.js";

/**
 * A wave's close in the program office's console, live: a close and its partitions are seeded
 * as the close's tasks write them (one partition stalled: running with a lapsed lease); an admin
 * sees the stage, partitions done of all, applicants processed and the stalled partition named in
 * words, re-drives it and sees its attempt go up; an auditor sees the same progress without the
 * button.
 */

const waveId = `e2e-close-${randomInt(100_000, 999_999)}`;
/** The auditor's own close: the admin's re-drive enqueues a task that may still be running on the admin's. */
const auditorWaveId = `${waveId}-a`;

afterAll(async () => {
  // Only this file looks at these closes: removed so no other page lists them.
  await Promise.all([removeClose(waveId), removeClose(auditorWaveId)]);
  await closeBrowser();
});

async function openConsole(page: Page, who: SignedIn, role: string, wave: string): Promise<void> {
  await signInAs(page, who.email, role);
  await page.getByRole("link", { name: "Admin", exact: true }).click();
  await page.getByRole("heading", { name: "Penutupan gelombang" }).waitFor();
  await page.getByTestId(`close-${wave}`).getByTestId("close-partition-03").waitFor();
}

describe("a wave's close in the console", () => {
  it("when an admin opens the console, then the close's progress shows with the stalled partition in words, and re-driving it raises its attempt", async () => {
    await seedClose(waveId);
    const admin = await accountWith({ role: "admin" }, "admin");
    const { page, pageErrors } = await openPhone();
    await openConsole(page, admin, "Admin Manajemen Pelaksana", waveId);

    const card = page.getByTestId(`close-${waveId}`);
    expect(await card.getByTestId("close-stage").textContent()).toBe("memeriksa pendaftar, bagian demi bagian");
    expect(await card.getByTestId("close-partitions-done").textContent()).toBe("2 dari 4");
    expect(await card.getByRole("progressbar", { name: "Bagian selesai" }).getAttribute("value")).toBe("2");
    expect(await card.getByTestId("close-processed").textContent()).toBe("2.400 (memenuhi syarat 2.300, dikecualikan 100)");
    expect(await card.getByTestId("close-winners").textContent()).toBe("belum diundi");
    expect(await card.getByTestId("close-stalled").textContent()).toBe("1: 02");

    const stalled = card.getByTestId("close-partition-02");
    expect(await stalled.getAttribute("data-stalled")).toBe("true");
    expect(await stalled.textContent()).toContain("MACET");
    expect(await stalled.textContent()).toContain("sewanya habis");
    expect(await card.getByTestId("close-partition-03").getAttribute("data-stalled")).toBe("false");
    // Only the stalled partition has the button.
    expect(await card.getByRole("button", { name: /^Jalankan ulang bagian/ }).count()).toBe(1);
    expect(await page.getByRole("region", { name: `Bagian-bagian penutupan gelombang ${waveId}` }).count()).toBe(1);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    await card.getByRole("button", { name: "Jalankan ulang bagian 02" }).click();
    // The callable's first call may wait for its function to start on the emulator.
    await expect
      .poll(() => card.getByTestId("close-answer").textContent(), { timeout: 30_000 })
      .toBe("Bagian 02 dijalankan ulang: percobaan ke-2 sudah diantrekan.");
    // Live: the snapshot brings the new attempt without a reload (the re-driven task may already be running it).
    await expect.poll(async () => Number(await stalled.getByTestId("close-partition-attempt").textContent()), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    expect(await stalled.getAttribute("data-stalled")).toBe("false");
    expect(await card.getByRole("button", { name: /^Jalankan ulang bagian/ }).count()).toBe(0);

    const stored = closePartitionDoc.parse(withDates((await adminDb.doc(`waveCloses/${waveId}/partitions/02`).get()).data()));
    expect(stored.attempt).toBeGreaterThanOrEqual(2);
    const records = await adminDb.collection(`waveCloses/${waveId}/redrives`).get();
    expect(records.docs.map((d) => closeRedriveDoc.parse(withDates(d.data())))).toEqual([
      expect.objectContaining({ partition: 2, attempt: 2, found: "running", by: admin.uid }),
    ]);

    // The same console in English.
    await page.getByRole("button", { name: "English" }).click();
    await card.getByRole("heading", { name: `Wave ${waveId}` }).waitFor();
    expect(await page.getByRole("heading", { name: "Wave close" }).count()).toBe(1);
    expect(await card.getByTestId("close-stage").textContent()).toBe("checking applicants, partition by partition");
    expect(await card.getByTestId("close-partitions-done").textContent()).toBe("2 of 4");
    await expectAccessible(page);
    expect(pageErrors).toEqual([]);
  });

  it("when an auditor opens the console, then the close's progress shows and no partition can be re-driven", async () => {
    await seedClose(auditorWaveId);
    const auditor = await accountWith({ role: "auditor" }, "auditor");
    const { page, pageErrors } = await openPhone();
    await openConsole(page, auditor, "Auditor", auditorWaveId);

    const card = page.getByTestId(`close-${auditorWaveId}`);
    expect(await card.getByTestId("close-partitions-done").textContent()).toBe("2 dari 4");
    expect(await card.getByTestId("close-stalled").textContent()).toBe("1: 02");
    expect(await card.getByTestId("close-partition-02").textContent()).toContain("MACET");
    expect(await card.getByRole("button").count()).toBe(0);
    expect(await card.getByRole("columnheader", { name: "Tindakan" }).count()).toBe(0);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    expect(pageErrors).toEqual([]);
  });
});
