import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { partnerSignature } from "../../functions/src/domain/partnerSignature.js";
import { schedules, trainingPartners, trainings } from "../../scripts/demo-data.js";
import { URLS } from "../../scripts/stack/config.js";
import { adminDb } from "../support/admin.js";
import { participant, PLATFORM, type Participant } from "../support/partnerSimulator.js";
import { ensureProgramYear } from "../support/people.js";
import { partnerSignKey } from "../support/secrets.js";
import { closeBrowser, expectAccessible, expectNoSidewaysScroll, expectNoSidewaysScrollAtDoubleText, openPhone, submitAccountForm } from "./support.js";

/**
 * "My training" (/pelatihan-saya) on a cheap phone: a participant made as a draw makes one, a
 * platform's purchase requests sent through the real partner API (signed, through Hosting), the
 * code confirmed on the page, the voucher it buys, its cancellation, and both languages.
 */

const COURSE = "PMD-001";
const SCHEDULE = "PMD-001-J1";
const PRICE = 750_000;

beforeAll(async () => {
  await ensureProgramYear();
  // The demo catalogue (scripts/demo-data.ts), which the test stack does not seed. The schedule is
  // only created when missing: its booked seats are other purchases' to count.
  const now = new Date();
  await Promise.all([
    ...Object.entries(trainingPartners(now)).map(([code, partner]) => adminDb.doc(`trainingPartners/${code}`).set(partner)),
    adminDb.doc(`trainings/${COURSE}`).set(trainings(now)[COURSE]),
  ]);
  const schedule = adminDb.doc(`schedules/${SCHEDULE}`);
  if (!(await schedule.get()).exists) await schedule.set(schedules(now)[SCHEDULE]);
});
afterAll(closeBrowser);

interface Answer {
  status: number;
  body: { success: boolean; code?: string; data?: Record<string, unknown> };
}

/** A call of the partner API as the demo platform makes it: through Hosting, signed with its key. */
async function platformCall(path: string, body: Record<string, unknown>, authorization?: string): Promise<Answer> {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = partnerSignature(partnerSignKey(PLATFORM), { clientCode: PLATFORM, timestamp, method: "POST", path, body: Buffer.from(raw) });
  const response = await fetch(`${URLS.webApp}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", client_code: PLATFORM, timestamp, signature, ...(authorization ? { authorization } : {}) },
    body: raw,
  });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

async function sendOtp(who: Participant): Promise<string> {
  const answer = await platformCall("/api/v1/integration/payment/send-otp", {
    user_platform_id: `e2e-${who.uid.slice(0, 8)}`,
    prakerja_id: who.pid,
    course_code: COURSE,
    schedule_code: SCHEDULE,
    amount: PRICE,
  });
  expect(answer).toMatchObject({ status: 200, body: { success: true } });
  return String(answer.body.data?.payment_token);
}

/** The codes stored for the participant's purchase requests still waiting (not declined). */
async function waitingCodes(uid: string): Promise<string[]> {
  const tokens = (await adminDb.collection("paymentTokens").where("uid", "==", uid).get()).docs.map((d) => d.data());
  return tokens.filter((token) => token.declined !== true && token.usedFor === undefined).map((token) => String(token.otp));
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? "").replace(/\s+/g, " ").trim();

describe("my training page", () => {
  it("when a platform asks to buy, then the participant sees what, from whom, for how much and the code, declines one, confirms another, sees the voucher and cancels it for a refund, in either language", async () => {
    const who = await participant();
    const { page, pageErrors } = await openPhone();
    await submitAccountForm(page, who.account.email, "Masuk");
    await page.waitForURL("**/status");

    // Linked from the status page's next step for a participant, and from the menu.
    await page.getByRole("navigation").getByRole("link", { name: "Pelatihan saya", exact: true }).waitFor();
    await page.getByRole("link", { name: /^Buka Pelatihan saya/ }).click();
    await page.waitForURL("**/pelatihan-saya");
    await page.getByRole("heading", { name: "Pelatihan saya", level: 1 }).waitFor();
    await page.getByTestId("pending-none").waitFor();
    expect(await text(page, "balance")).toBe("Rp 3.500.000");
    expect(await text(page, "deadline-days")).toBe("Sisa 30 hari");
    expect(await text(page, "vouchers-none")).toContain("Anda belum membeli pelatihan.");

    // A request the participant did not make: declined, and the platform can no longer use it.
    await sendOtp(who);
    await page.getByRole("button", { name: "Periksa permintaan baru" }).click();
    await page.getByTestId("pending-purchase").waitFor();
    await page.getByRole("button", { name: "Saya tidak meminta ini" }).click();
    await page.getByTestId("pending-outcome").waitFor();
    expect(await text(page, "pending-outcome")).toContain("Permintaan pembelian Pemasaran Digital untuk UMKM dari Platform Belajar Digital ditolak");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("pending-outcome");
    expect(await page.getByTestId("pending-purchase").count()).toBe(0);
    expect(await waitingCodes(who.uid)).toEqual([]);

    // The one they make: what is bought, from whom, for how much, until when, and the stored code.
    const paymentToken = await sendOtp(who);
    const [stored] = await waitingCodes(who.uid);
    await page.getByRole("button", { name: "Periksa permintaan baru" }).click();
    const pending = page.getByTestId("pending-purchase");
    await pending.waitFor();
    expect(await pending.getByRole("heading", { level: 3 }).textContent()).toBe("Pemasaran Digital untuk UMKM");
    expect(await text(page, "pending-platform")).toBe("Platform Belajar Digital");
    expect(await text(page, "pending-amount")).toBe("Rp 750.000");
    expect(await text(page, "pending-countdown")).toMatch(/^Sisa waktu: [45] menit \d{1,2} detik$/);
    expect(await text(page, "pending-code")).toBe(stored);
    expect(await text(page, "pending-instruction")).toBe("Berikan kode ini kepada Platform Belajar Digital hanya jika Anda memang membeli pelatihan ini.");
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await expectNoSidewaysScrollAtDoubleText(page);

    // The participant gives the code shown to the platform, which authorizes the purchase with it.
    const shownCode = await text(page, "pending-code");
    const invoiceCode = `INV-${randomUUID()}`;
    const bought = await platformCall(
      "/api/v1/integration/payment/authorize",
      { otp: shownCode, invoice_url: `https://platform-belajar.test/invoice/${invoiceCode}`, invoice_code: invoiceCode },
      `Payment ${paymentToken}`,
    );
    expect(bought).toMatchObject({ status: 200, body: { success: true, data: { status: "SUCCESS", amount: PRICE } } });
    const [voucherDoc] = (await adminDb.collection("vouchers").where("uid", "==", who.uid).get()).docs;
    const redeemCode = String(voucherDoc.data().redeemCode);

    await page.reload();
    const voucher = page.getByTestId("voucher");
    await voucher.waitFor();
    expect(await text(page, "voucher-code")).toBe(redeemCode);
    expect(await text(page, "balance")).toBe("Rp 2.750.000");
    expect(await text(page, "voucher-state")).toBe("Sudah dibeli, kode belum ditukarkan");
    expect(await text(page, "voucher-sessions")).toBe("Belum ada");
    expect(await page.getByTestId("deadline").count()).toBe(0);
    expect(await page.getByTestId("pending-purchase").count()).toBe(0);
    expect(await voucher.textContent()).toContain("Berikan kode ini kepada lembaga pelatihan (Akademi Digital Indonesia)");
    await expectAccessible(page);
    await expectNoSidewaysScrollAtDoubleText(page);

    // Cancelled within the cooling-off window, after saying what comes back.
    await voucher.getByRole("button", { name: "Batalkan pembelian" }).click();
    const confirm = page.getByTestId("voucher-confirm");
    await confirm.waitFor();
    expect((await confirm.textContent())?.replace(/\s+/g, " ")).toContain("Rp 750.000 akan dikembalikan ke saldo pelatihan Anda");
    await confirm.getByRole("button", { name: "Ya, batalkan pembelian" }).click();
    await page.getByTestId("voucher-outcome").waitFor();
    expect(await text(page, "voucher-outcome")).toBe("Pembelian dibatalkan. Rp 750.000 dikembalikan ke saldo; saldo Anda sekarang Rp 3.500.000.");
    expect(await text(page, "balance")).toBe("Rp 3.500.000");
    expect(await text(page, "voucher-state")).toBe("Dibatalkan, harga dikembalikan ke saldo");
    expect(await voucher.getByRole("button", { name: "Batalkan pembelian" }).count()).toBe(0);
    expect((await adminDb.doc(`applicants/${who.uid}`).get()).data()?.trainingBalance).toBe(3_500_000);
    expect((await adminDb.doc(`vouchers/${redeemCode}`).get()).data()?.state).toBe("cancelled");

    // Everything, the outcome just shown included, switches language.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "My training", level: 1 }).waitFor();
    expect(await text(page, "voucher-outcome")).toBe("Purchase cancelled. Rp 750.000 went back to your balance; your balance is now Rp 3.500.000.");
    expect(await text(page, "voucher-state")).toBe("Cancelled, price returned to your balance");
    const main = (await page.locator("main").innerText()).replace(/\s+/g, " ");
    expect(main).toContain("Training balance");
    expect(main).toContain("Check for new requests");
    // Indonesian words of the page's own texts (the training's title and institution are data).
    expect(main).not.toMatch(/Saldo|saldo|Permintaan|Periksa|Dibatalkan|Kode|Lembaga|Mulai|Harga|Belum|Sisa|pukul|Agustus|Oktober|Desember|Mei|Juni|Juli/);
    await expectAccessible(page);
    await expectNoSidewaysScrollAtDoubleText(page);
    expect(pageErrors).toEqual([]);
  });
});
