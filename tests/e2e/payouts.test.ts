import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installmentId, payoutReference } from "../../functions/src/domain/payouts/schedule.js";
import { REFUSAL_TEXT } from "../../functions/src/schemas/refusalMessages.js";
import { demoParticipantForm } from "../../scripts/demo-data.js";
import type { ApplicantDoc } from "../../functions/src/schemas/applicant.js";
import { adminDb } from "../support/admin.js";
import { vaultKeys } from "../support/secrets.js";
import { openedPerson, sealedDestination, sealedPerson } from "../support/vault.js";
import { participant } from "../support/partnerSimulator.js";
import { ensurePaymentPartners } from "../support/payouts.js";
import { ensureProgramYear } from "../support/people.js";
import { accountWith } from "../support/stack.js";
import {
  closeBrowser,
  expectAccessible,
  expectNoSidewaysScroll,
  expectNoSidewaysScrollAtDoubleText,
  openPhone,
  signInAs,
  submitAccountForm,
} from "./support.js";

/**
 * What people see of payouts, on a cheap phone: the participant's incentives (/insentif-saya) —
 * each installment with its amount, due date, status and the partner's own reports, linking an
 * account through the payment partner's account inquiry (the payment-partner simulator,
 * scripts/payments/), and "not received" in one tap — and the program office's page
 * (/pembayaran): queues per partner, a held payout cancelled with a note, a quarantined partner
 * report resolved, an account in review verified (its held payout released), the participant's
 * open report resolved; an auditor sees the same without buttons.
 */

/**
 * The simulator's seeded account in the demo participant's name (scripts/payments/accounts.ts:
 * 3456789012, "DEWI LESTARI"), at Bank Nusantara's BNI (009). The test's participant is registered
 * under that name, as the demo participant is (scripts/demo-data.ts demoParticipantForm).
 */
const ACCOUNT = { partner: "bank-nusantara", partnerName: "Bank Nusantara", institution: "009", number: "3456789012", masked: "••••9012" };
/** The simulator's account in another person's name ("RUDI HARTONO"). */
const SOMEONE_ELSES = "5678901234";

const DAY = 86_400_000;
const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? "").replace(/\s+/g, " ").trim();

beforeAll(async () => {
  await ensureProgramYear();
  await ensurePaymentPartners();
});
afterAll(closeBrowser);

/** Installment 1 of the participant's program year, paid three days after it fell due, with its timeline as the partner reported it. */
async function paidInstallment(uid: string): Promise<{ id: string; partnerReference: string }> {
  const applicant = (await adminDb.doc(`applicants/${uid}`).get()).data() as { programYear: number };
  const id = installmentId(uid, applicant.programYear, 1);
  const partnerReference = `BN${Date.now()}`;
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
  await adminDb.doc(`payouts/${id}`).set({
    uid,
    programYear: applicant.programYear,
    number: 1,
    of: 1,
    amount: 600_000,
    dueAt: at(4),
    state: "paid",
    attempt: 1,
    partner: ACCOUNT.partner,
    reference: payoutReference(id),
    externalId: "0000000000000000000000000000000001",
    sentAt: at(3),
    partnerReference,
    leaseUntil: null,
    hold: null,
    version: 4,
    createdAt: at(10),
    updatedAt: at(1),
    paidAt: at(1),
  });
  const events = [
    { at: at(10), from: null, to: "scheduled", attempt: 0, source: "schedule", code: "entitled" },
    { at: at(3), from: "scheduled", to: "queued", attempt: 1, source: "dispatch" },
    { at: new Date(at(3).getTime() + 1000), from: "queued", to: "sending", attempt: 1, source: "task" },
    {
      at: new Date(at(3).getTime() + 2000),
      from: "sending",
      to: "sent",
      attempt: 1,
      source: "partner-answer",
      code: "2024300",
      message: "Request In Progress",
    },
    { at: at(1), from: "sent", to: "paid", attempt: 1, source: "notification", code: "2005600", message: "Successful", partnerReference },
  ];
  await Promise.all(events.map((event, version) => adminDb.doc(`payouts/${id}/events/${String(version).padStart(4, "0")}`).set(event)));
  return { id, partnerReference };
}

describe("my incentives", () => {
  it("when a participant opens their incentives, then they see the paid installment and its history, link an account in their name (another person's refused at its field), and report it not received in one tap, in either language", async () => {
    const who = await participant();
    // The name the simulator's demo account holds: sealed again under the local key, as registration would.
    const stored = (await adminDb.doc(`applicants/${who.uid}`).get()).data() as Pick<ApplicantDoc, "personal">;
    const renamed = sealedPerson({ ...openedPerson(stored, vaultKeys), fullName: demoParticipantForm.fullName }, vaultKeys);
    await adminDb.doc(`applicants/${who.uid}`).update({ personal: renamed.personal, nameMasked: renamed.nameMasked });
    const paid = await paidInstallment(who.uid);
    const { page, pageErrors } = await openPhone();
    await submitAccountForm(page, who.account.email, "Masuk");
    await page.waitForURL("**/status");

    await page.getByRole("navigation").getByRole("link", { name: "Insentif saya", exact: true }).click();
    await page.waitForURL("**/insentif-saya");
    await page.getByRole("heading", { name: "Insentif saya", level: 1 }).waitFor();
    const installment = page.getByTestId("installment");
    await installment.waitFor();
    expect(await installment.getByRole("heading", { level: 3 }).textContent()).toBe("Insentif 1 dari 1");
    expect(await text(page, "installment-amount")).toBe("Rp 600.000");
    expect(await text(page, "installment-state")).toBe("Dibayar");
    expect(await text(page, "installment-reference")).toBe(paid.partnerReference);
    // Newest first: the partner's notification that the money arrived, with its code and reference.
    const history = page.getByTestId("history-entry");
    expect(await history.count()).toBe(5);
    const latest = ((await history.first().textContent()) ?? "").replace(/\s+/g, " ");
    expect(latest).toContain("Mitra melaporkan dana sudah masuk ke rekening Anda");
    expect(latest).toContain("Sumber: pemberitahuan mitra · kode 2005600 Successful");
    expect(latest).toContain(`ref. mitra ${paid.partnerReference}`);
    expect(await history.last().getAttribute("data-to")).toBe("scheduled");
    expect(await text(page, "account-none")).toContain("Anda belum menambahkan rekening");
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await expectNoSidewaysScrollAtDoubleText(page);

    // Partner → (its one channel, chosen) → bank → number. Someone else's account is refused at the number.
    const form = page.getByTestId("link-account-form");
    await form.getByRole("radio", { name: ACCOUNT.partnerName }).check();
    await form.getByLabel("Bank atau e-wallet").selectOption(ACCOUNT.institution);
    await form.getByLabel("Nomor rekening").fill(SOMEONE_ELSES);
    await form.getByRole("button", { name: "Periksa dan simpan rekening" }).click();
    const numberError = page.getByTestId("link-accountNumber-error");
    await numberError.waitFor();
    expect(await numberError.textContent()).toBe(REFUSAL_TEXT["account-name-mismatch"].id);
    expect(await form.getByLabel("Nomor rekening").getAttribute("aria-invalid")).toBe("true");
    expect((await adminDb.doc(`payoutAccounts/${who.uid}`).get()).exists).toBe(false);

    // Their own account (spaces typed as on a bank book are fine): verified by the partner's inquiry.
    await form.getByLabel("Nomor rekening").fill("345 678 9012");
    await numberError.waitFor({ state: "detached" });
    await form.getByRole("button", { name: "Periksa dan simpan rekening" }).click();
    await page.getByTestId("link-outcome").waitFor();
    expect(await text(page, "link-outcome")).toBe(`Rekening ${ACCOUNT.masked} terverifikasi. Insentif Anda akan dibayar ke rekening ini.`);
    await page.getByTestId("account-masked").waitFor();
    expect(await text(page, "account-masked")).toBe(ACCOUNT.masked);
    expect(await text(page, "account-partner")).toBe(ACCOUNT.partnerName);
    expect(await text(page, "account-institution")).toBe("BNI (009)");
    expect(await text(page, "account-status")).toContain("Terverifikasi");
    expect(await page.locator("main").textContent()).not.toContain(ACCOUNT.number);
    expect((await adminDb.doc(`payoutAccounts/${who.uid}`).get()).data()).toMatchObject({ status: "verified", institution: "009", masked: ACCOUNT.masked });

    // "Tidak diterima" in one tap: the case is said on the installment, and the buttons go.
    await installment.getByRole("button", { name: "Tidak diterima" }).click();
    const opened = page.getByTestId("installment-case");
    await opened.waitFor();
    expect(await text(page, "installment-case")).toMatch(/^Laporan Anda \(tidak diterima\) dibuka pada .+ WIB\. Petugas mencocokkannya/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("installment-case");
    expect(await installment.getByRole("button", { name: "Tidak diterima" }).count()).toBe(0);
    const cases = (await adminDb.collection("payoutCases").where("uid", "==", who.uid).get()).docs.map((doc) => doc.data());
    expect(cases).toMatchObject([
      { installmentId: paid.id, kind: "not-received", status: "open", stateAtReport: "paid", partnerReference: paid.partnerReference },
    ]);
    // Read again, the page says the same (the case comes from the server).
    await page.reload();
    await page.getByTestId("installment-case").waitFor();
    expect(await installment.getByRole("button", { name: "Diterima kurang" }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "My incentives", level: 1 }).waitFor();
    expect(await text(page, "installment-state")).toBe("Paid");
    expect(await text(page, "installment-case")).toMatch(/^Your report \(not received\) was opened on /);
    const main = (await page.locator("main").innerText()).replace(/\s+/g, " ");
    expect(main).toContain("Incentive 1 of 1");
    expect(main).toContain("The partner reported the money in your account");
    expect(main).not.toMatch(/Insentif|Rekening|Riwayat|Dibayar|Jadwal|Sumber|Laporan|pukul|Agustus|Desember|Mei|Juni|Juli/);
    await expectAccessible(page);
    await expectNoSidewaysScrollAtDoubleText(page);
    expect(pageErrors).toEqual([]);
  });
});

describe("the program office's payments page", () => {
  it("when an admin opens it, then each partner's queue shows its counts, a held payout is cancelled with a note, a quarantined report is resolved and the participant's report is listed; an auditor sees it all without buttons", async () => {
    const run = randomUUID().slice(0, 8);
    const year = new Date().getFullYear();
    // Oldest first on the page: dated 2020 so that these come first whatever else the stack holds.
    const old = new Date("2020-05-01T03:00:00Z");
    const held = installmentId(`e2eheld${run}`, year, 1);
    await adminDb.doc(`payouts/${held}`).set({
      uid: `e2eheld${run}`,
      programYear: year,
      number: 1,
      of: 1,
      amount: 600_000,
      dueAt: old,
      state: "held",
      attempt: 0,
      partner: null,
      reference: payoutReference(held),
      externalId: null,
      sentAt: null,
      partnerReference: null,
      leaseUntil: null,
      hold: { reason: "eligibility", details: ["civil-servant"], at: old },
      version: 1,
      createdAt: old,
      updatedAt: old,
      paidAt: null,
    });
    await adminDb.doc(`payouts/${held}/events/0000`).set({ at: old, from: null, to: "scheduled", attempt: 0, source: "schedule", code: "entitled" });
    await adminDb.doc(`payouts/${held}/events/0001`).set({ at: old, from: "scheduled", to: "held", attempt: 0, source: "dispatch", code: "eligibility" });
    const quarantined = `e2e-${run}`;
    await adminDb.doc(`paymentQuarantine/${quarantined}`).set({
      partner: "kirim-dana",
      eventKey: quarantined,
      reference: `PKJ-nobody${run}-${year}-1`,
      installmentId: null,
      reason: "unknown-reference",
      reported: { state: "paid", amount: 600_000, currency: "IDR", code: "SUCCESS" },
      ours: null,
      at: old,
      status: "open",
    });
    // An account linked for review (a doubtful name, a shared number) and the payout held for it, due
    // a year ahead so that no dispatch picks it up once released.
    const reviewed = `e2eacct${run}`;
    const waiting = installmentId(reviewed, year, 1);
    await adminDb.doc(`payoutAccounts/${reviewed}`).set({
      partner: ACCOUNT.partner,
      channel: "bank",
      institution: ACCOUNT.institution,
      destination: sealedDestination("1234567890", "SITI NURHALIZA", vaultKeys),
      masked: "••••7890",
      accountKey: `e2e-${run}`,
      nameScore: 0.82,
      nameVerdict: "doubtful",
      status: "review",
      flags: ["doubtful-name", "shared-account"],
      linkedAt: old,
      requestId: randomUUID(),
    });
    await adminDb.doc(`payouts/${waiting}`).set({
      uid: reviewed,
      programYear: year,
      number: 1,
      of: 1,
      amount: 600_000,
      dueAt: new Date(Date.now() + 365 * DAY),
      state: "held",
      attempt: 0,
      partner: null,
      reference: payoutReference(waiting),
      externalId: null,
      sentAt: null,
      partnerReference: null,
      leaseUntil: null,
      hold: { reason: "account-review", at: old },
      version: 1,
      createdAt: old,
      updatedAt: old,
      paidAt: null,
    });
    await adminDb.doc(`payouts/${waiting}/events/0000`).set({ at: old, from: null, to: "scheduled", attempt: 0, source: "schedule", code: "entitled" });
    await adminDb.doc(`payouts/${waiting}/events/0001`).set({ at: old, from: "scheduled", to: "held", attempt: 0, source: "dispatch", code: "account-review" });
    const reporter = await participant();
    const reported = await paidInstallment(reporter.uid);
    const caseId = randomUUID();
    await adminDb.doc(`payoutCases/${caseId}`).set({
      uid: reporter.uid,
      installmentId: reported.id,
      kind: "received-less",
      amountReceived: 500_000,
      stateAtReport: "paid",
      partner: ACCOUNT.partner,
      partnerReference: reported.partnerReference,
      status: "open",
      openedAt: old,
      resolvedAt: null,
      resolution: null,
    });

    const admin = await accountWith({ role: "admin" }, "admin");
    const { page, pageErrors } = await openPhone();
    await signInAs(page, admin.email, "Admin Manajemen Pelaksana");
    await page.getByRole("navigation").getByRole("link", { name: "Pembayaran", exact: true }).click();
    await page.waitForURL("**/pembayaran");
    await page.getByRole("heading", { name: "Pembayaran insentif", level: 1 }).waitFor();

    // Each partner: its state in words and a table of its payouts per state (a header, six states) and the tasks waiting in its queue.
    const queues = page.getByTestId("partner-queue");
    await queues.first().waitFor();
    expect(await queues.count()).toBe(3);
    const kirimDana = page.locator('[data-testid="partner-queue"][data-partner="kirim-dana"]');
    expect(await kirimDana.getByRole("table", { name: "Jumlah pembayaran KirimDana per status" }).getByRole("row").count()).toBe(8);
    await expect.poll(() => kirimDana.locator('tr[data-state="queue-depth"] td').textContent()).toMatch(/^\d+$/);
    // Pausing asks first; "Tidak" changes nothing (other suites' payouts go through this partner).
    const paused = (await adminDb.doc("paymentPartners/kirim-dana").get()).data()?.paused as boolean;
    await kirimDana.getByRole("button", { name: paused ? "Lanjutkan antrean KirimDana" : "Jeda antrean KirimDana" }).click();
    await kirimDana.getByText(paused ? "Lanjutkan antrean KirimDana?" : "Jeda antrean KirimDana?", { exact: false }).waitFor();
    await kirimDana.getByRole("button", { name: "Tidak" }).click();
    expect((await adminDb.doc("paymentPartners/kirim-dana").get()).data()?.paused).toBe(paused);

    // The held payout: a decision needs a note; with one, it is cancelled and leaves the list.
    const heldCard = page.locator(`[data-testid="held-payout"][data-installment="${held}"]`);
    await heldCard.waitFor();
    expect(await heldCard.getByTestId("held-reason").textContent()).toContain("Data peserta kena daftar pengecualian atau syarat program");
    await heldCard.getByRole("button", { name: "Batalkan pembayaran" }).click();
    expect(await heldCard.getByTestId(`held-${held}-note-error`).textContent()).toBe("Tulis catatan, paling sedikit 3 huruf.");
    expect((await adminDb.doc(`payouts/${held}`).get()).data()?.state).toBe("held");
    await heldCard.getByLabel("Catatan (wajib, disimpan bersama keputusan)").fill("Terdaftar sebagai PNS menurut daftar BKN terbaru.");
    await heldCard.getByRole("button", { name: "Batalkan pembayaran" }).click();
    await page.getByTestId("held-outcome").waitFor();
    expect(await text(page, "held-outcome")).toBe(`Pembayaran ${held} dibatalkan.`);
    await heldCard.waitFor({ state: "detached" });
    expect((await adminDb.doc(`payouts/${held}`).get()).data()?.state).toBe("cancelled");

    // The quarantined report: resolved with a note, by this admin.
    const quarantineCard = page.locator(`[data-testid="quarantine-entry"][data-id="${quarantined}"]`);
    expect(await quarantineCard.getByTestId("quarantine-reason").textContent()).toBe("Referensi tidak dikenal");
    await quarantineCard.getByLabel("Catatan (wajib, disimpan bersama keputusan)").fill("KirimDana mengonfirmasi: transaksi uji, bukan pembayaran program.");
    await quarantineCard.getByRole("button", { name: "Tandai selesai" }).click();
    await page.getByTestId("quarantine-outcome").waitFor();
    expect(await text(page, "quarantine-outcome")).toBe(`Laporan ${quarantined} ditandai selesai.`);
    expect((await adminDb.doc(`paymentQuarantine/${quarantined}`).get()).data()).toMatchObject({ status: "resolved", resolvedBy: admin.uid });

    // The participant's report, in a table with its caption.
    const cases = page.getByRole("table", { name: /Laporan "tidak diterima" dan "diterima kurang" dari peserta/ });
    const row = cases.getByRole("row").filter({ hasText: reported.id });
    expect(((await row.textContent()) ?? "").replace(/\s+/g, " ")).toContain("Diterima kurang");
    expect(((await row.textContent()) ?? "").replace(/\s+/g, " ")).toContain("Rp 500.000");

    // The account in review: why, the last digits and the name's score; verified with a note, its held payout is scheduled again.
    const accountCard = page.locator(`[data-testid="account-in-review"][data-uid="${reviewed}"]`);
    expect(await accountCard.getByTestId("account-flags").textContent()).toContain("Nama pemilik rekening tidak sepenuhnya sama dengan nama terdaftar");
    expect(await accountCard.getByTestId("account-name-score").textContent()).toBe("82% (meragukan)");
    expect(await accountCard.textContent()).not.toContain("1234567890");
    await accountCard.getByLabel("Catatan (wajib, disimpan bersama keputusan)").fill("Buku tabungan dilihat di Disnaker; nama sesuai KTP.");
    await accountCard.getByRole("button", { name: "Verifikasi rekening" }).click();
    await page.getByTestId("accounts-outcome").waitFor();
    expect(await text(page, "accounts-outcome")).toBe(`Rekening peserta ${reviewed} diverifikasi; 1 pembayaran yang ditahan dijadwalkan lagi.`);
    await accountCard.waitFor({ state: "detached" });
    expect((await adminDb.doc(`payoutAccounts/${reviewed}`).get()).data()).toMatchObject({ status: "verified", review: { decision: "verify", by: admin.uid } });
    expect((await adminDb.doc(`payouts/${waiting}`).get()).data()?.state).toBe("scheduled");

    // The participant's report: resolved with what was found and a note the participant reads.
    const resolveForm = page.getByTestId("case-resolve-form");
    await resolveForm.getByLabel("Laporan", { exact: true }).selectOption(caseId);
    await resolveForm.getByLabel("Hasil pemeriksaan").selectOption("paid-confirmed");
    await resolveForm.getByLabel("Catatan untuk peserta (wajib)").fill("Rekening koran Bank Nusantara menunjukkan Rp 600.000 masuk.");
    await resolveForm.getByRole("button", { name: "Selesaikan laporan" }).click();
    await page.getByTestId("cases-outcome").waitFor();
    expect(await text(page, "cases-outcome")).toBe(`Laporan atas cicilan ${reported.id} diselesaikan.`);
    await row.waitFor({ state: "detached" });
    expect((await adminDb.doc(`payoutCases/${caseId}`).get()).data()).toMatchObject({
      status: "resolved",
      resolvedAs: "paid-confirmed",
      resolvedBy: admin.uid,
      resolution: "Rekening koran Bank Nusantara menunjukkan Rp 600.000 masuk.",
    });
    await page.getByTestId("reconciliation").waitFor();
    await page.getByTestId("clawbacks").waitFor();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await expectNoSidewaysScrollAtDoubleText(page);
    expect(pageErrors).toEqual([]);

    // An auditor: the same page, said to be read-only, with no button that acts.
    const auditor = await accountWith({ role: "auditor" }, "auditor");
    const { page: auditorPage, pageErrors: auditorErrors } = await openPhone();
    await signInAs(auditorPage, auditor.email, "Auditor");
    await auditorPage.getByRole("navigation").getByRole("link", { name: "Pembayaran", exact: true }).click();
    await auditorPage.getByTestId("payments-read-only").waitFor();
    await auditorPage.getByTestId("partner-queue").first().waitFor();
    expect(
      await auditorPage
        .getByRole("button", {
          name: /^Jeda antrean|^Lanjutkan antrean|Tandai selesai|Batalkan pembayaran|Lepaskan|Verifikasi rekening|Tolak rekening|Selesaikan laporan/,
        })
        .count(),
    ).toBe(0);
    await expectAccessible(auditorPage);
    expect(auditorErrors).toEqual([]);
    // The released payout and its account would otherwise wait in the other suites' queries.
    await adminDb.recursiveDelete(adminDb.doc(`payouts/${waiting}`));
    await adminDb.doc(`payoutAccounts/${reviewed}`).delete();
  });
});
