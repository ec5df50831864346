import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REFUSAL_TEXT } from "../../functions/src/schemas/refusalMessages.js";
import { REASON_TEXT } from "../../functions/src/schemas/registrationMessages.js";
import { DISCREPANCY_TEXT, REJECTION_TEXT, VERIFICATION_MESSAGES } from "../../functions/src/schemas/verificationMessages.js";
import type { ApplicantDoc } from "../../functions/src/schemas/applicant.js";
import { maskName } from "../../functions/src/domain/privacy.js";
import { adminAuth, adminDb } from "../support/admin.js";
import { vaultKeys } from "../support/secrets.js";
import { openedPerson } from "../support/vault.js";
import { ensureProgramYear } from "../support/people.js";
import { accountWith, call, type SignedIn } from "../support/stack.js";
import { caseInQueue, differingPerson, KTP_DATE, deleteOpenedWaves, openWave, registeredDifferingPerson, shownCase } from "./desk.js";
import { fillPerson, maskedNik } from "./registrationForm.js";
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
 * A NIK is evidence, not the authority: someone whose NIK's birth date differs from their KTP
 * registers, is told what to bring to which labor office; an operator of that region checks the
 * documents from the queue, and the person's status follows the decision.
 */

beforeAll(async () => {
  await ensureProgramYear();
  await openWave();
});
afterAll(async () => {
  await closeBrowser();
  await deleteOpenedWaves();
});

/** The person signs in (email) and reads their status page. */
async function statusOf(account: SignedIn): Promise<{ page: Page; pageErrors: string[] }> {
  const { page, pageErrors } = await openPhone();
  await submitAccountForm(page, account.email, "Masuk");
  await page.waitForURL("**/status");
  await page.getByTestId("timeline").waitFor();
  return { page, pageErrors };
}

async function operatorOfBandung(): Promise<{ page: Page; pageErrors: string[] }> {
  const operator = await accountWith({ role: "operator", region: "3204" }, "operator");
  const { page, pageErrors } = await openPhone();
  await signInAs(page, operator.email, "Operator Disnaker");
  return { page, pageErrors };
}

describe("a NIK whose birth date differs from the KTP", () => {
  it("when the applicant registers, then the status page says the NIK's digits differ, that nothing is wrong with them, what to bring to the labor office of Kabupaten Bandung, and that they cannot join a wave until then", async () => {
    const email = `pendaftar-${randomUUID()}@test.prakerja.test`;
    const { page, pageErrors } = await openPhone();
    await submitAccountForm(page, email, "Daftar akun baru");
    await page.waitForURL("**/daftar");
    const who = differingPerson();
    await fillPerson(page, who);
    await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
    await page.waitForURL("**/status");

    const card = page.getByTestId("verification");
    await card.waitFor();
    expect(await card.getAttribute("data-state")).toBe("needs-verification");
    expect(await card.getByRole("heading").first().textContent()).toBe("Bawa KTP dan KK asli ke Disnaker");
    expect(await card.getByTestId("verification-reasons").textContent()).toBe(DISCREPANCY_TEXT["nik-birth-date-differs"].id);
    expect(await card.textContent()).toContain("Ini bukan kesalahan Anda, dan tidak ada masalah dengan Anda");
    expect(await card.getByTestId("verification-bring").textContent()).toBe("KTP asli, Kartu Keluarga (KK) asli");
    expect(await card.getByTestId("verification-office").textContent()).toBe("Dinas Tenaga Kerja (Disnaker) Kabupaten Bandung, Jawa Barat");
    expect(await card.getByTestId("verification-until").textContent()).toBe("Sampai data Anda dicocokkan, Anda belum bisa ikut gelombang.");

    // Not eligible for that one reason (age judged on the KTP date), and no wave to press.
    expect(await page.getByTestId("eligibility").getAttribute("data-eligible")).toBe("false");
    expect(await page.locator("[data-reason]").evaluateAll((items) => items.map((item) => item.getAttribute("data-reason")))).toEqual([
      "identity-not-verified",
    ]);
    expect(await page.getByTestId("eligibility").textContent()).toContain(REASON_TEXT["identity-not-verified"].id);
    const step = page.getByTestId("next-step");
    expect(await step.getAttribute("data-step")).toBe("verify");
    expect(await step.textContent()).toContain("Disnaker Kabupaten Bandung");
    expect(await page.getByTestId("open-wave").count()).toBe(0);
    expect(await page.getByTestId("status-nik").textContent()).toBe(maskedNik(who.nik));
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(who.nik);
    await expectNoSidewaysScroll(page);
    await expectNoSidewaysScrollAtDoubleText(page);
    await expectAccessible(page);

    const { uid } = await adminAuth.getUserByEmail(email);
    const stored = (await adminDb.doc(`applicants/${uid}`).get()).data() as ApplicantDoc;
    expect(stored).toMatchObject({ verification: { state: "needs-verification", reasons: ["nik-birth-date-differs"] } });
    expect(openedPerson(stored, vaultKeys).birthDate).toBe(KTP_DATE);

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Bring your original KTP and KK to the labor office" }).waitFor();
    expect(await card.getByTestId("verification-office").textContent()).toBe("Labor office (Disnaker) of Kabupaten Bandung, Jawa Barat");
    expect(pageErrors).toEqual([]);
  });

  it("when an operator of Kabupaten Bandung verifies the case with the KTP and KK seen, then it leaves the queue with the result shown, and the person's status shows them verified by an operator and able to join the open wave", async () => {
    const { account, form } = await registeredDifferingPerson();
    const { page, pageErrors } = await operatorOfBandung();
    const card = await caseInQueue(page, account.uid);
    expect(await card.getByRole("heading", { level: 3 }).textContent()).toBe(maskName(form.fullName));
    expect(await card.getByTestId("case-nik").textContent()).toBe(maskedNik(form.nik));
    expect(await card.getByTestId("case-differs").textContent()).toContain(
      "Tanggal lahir di NIK berbeda dengan tanggal lahir di KTP yang diisi. Cocokkan keduanya dengan KTP asli.",
    );
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(form.nik);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);

    await card.getByRole("button", { name: "Putuskan" }).click();
    const decision = card.getByTestId("decision-form");
    await decision.getByLabel("Terverifikasi — dokumen asli sudah saya lihat").check();
    // Verifying needs the original KTP among the documents seen: said before anything is sent.
    await decision.getByRole("button", { name: "Simpan keputusan" }).click();
    const documentsError = decision.getByTestId(`decide-${account.uid}-documents-error`);
    await documentsError.waitFor();
    expect(await documentsError.textContent()).toBe(VERIFICATION_MESSAGES["verification-ktp-required"].id);
    await expectAccessible(page);
    await decision.getByLabel("KTP asli").check();
    await decision.getByLabel("Kartu Keluarga (KK) asli").check();
    await decision.getByRole("button", { name: "Simpan keputusan" }).click();

    const decided = page.locator(`[data-testid="decided-case"][data-uid="${account.uid}"]`);
    await decided.waitFor();
    expect(await decided.getAttribute("data-decision")).toBe("verified");
    expect(await decided.getByTestId("decided-outcome").textContent()).toBe("Terverifikasi — dokumen dilihat: KTP asli, Kartu Keluarga (KK) asli.");
    expect(await decided.textContent()).toContain("Orang ini sekarang memenuhi syarat dan dapat ikut gelombang.");
    expect(await page.locator(`[data-testid="verification-case"][data-uid="${account.uid}"]`).count()).toBe(0);
    await expectAccessible(page);
    expect(pageErrors).toEqual([]);
    expect((await adminDb.doc(`applicants/${account.uid}`).get()).get("verification.state")).toBe("verified");

    const person = await statusOf(account);
    const status = person.page;
    const verified = status.getByTestId("verification");
    expect(await verified.getAttribute("data-state")).toBe("verified");
    expect(await verified.textContent()).toContain("Data Anda sudah dicocokkan dengan KTP dan KK asli oleh Disnaker Kabupaten Bandung.");
    expect(await status.getByTestId("eligibility").getAttribute("data-eligible")).toBe("true");
    expect(await status.getByTestId("next-step").getAttribute("data-step")).toBe("join");
    expect(await status.getByTestId("open-wave").getByRole("button").textContent()).toMatch(/^Ikut gelombang \d+$/);
    const entry = status.locator('[data-testid="timeline"] li[data-kind="identity-verified"]');
    expect(await entry.textContent()).toContain("Data Anda dicocokkan dengan KTP dan KK asli oleh operator Disnaker");
    expect(await entry.getByTestId("timeline-documents").textContent()).toBe("Dokumen yang dilihat: KTP asli, Kartu Keluarga (KK) asli.");
    expect(await entry.getByTestId("timeline-eligibility").textContent()).toBe("Memenuhi syarat");
    await expectAccessible(status);
    expect(person.pageErrors).toEqual([]);
  });

  it("when an operator rejects a case with a reason, then the person is told the reason and to come again; a case another operator verified meanwhile is refused with the shared text", async () => {
    const rejected = await registeredDifferingPerson();
    const meanwhile = await registeredDifferingPerson();
    const { page, pageErrors } = await operatorOfBandung();
    const card = await caseInQueue(page, rejected.account.uid);
    await card.getByRole("button", { name: "Putuskan" }).click();
    await card.getByLabel("Ditolak — dengan alasan").check();
    await card.getByLabel("Alasan penolakan").selectOption("not-the-card-holder");
    await card.getByRole("button", { name: "Simpan keputusan" }).click();
    const decided = page.locator(`[data-testid="decided-case"][data-uid="${rejected.account.uid}"]`);
    await decided.waitFor();
    expect(await decided.getByTestId("decided-outcome").textContent()).toContain(`Ditolak — ${REJECTION_TEXT["not-the-card-holder"].id}`);

    // Another operator of the region verifies the second case while this page still lists it.
    const other = await shownCase(page, meanwhile.account.uid, "needs-verification");
    const colleague = await accountWith({ role: "operator", region: "32" }, "operator");
    const verify = { requestId: randomUUID(), uid: meanwhile.account.uid, decision: "verified", documentsSeen: ["ktp", "kk"] };
    expect((await call("decideVerification", verify, colleague.idToken)).error).toBeUndefined();
    await other.getByRole("button", { name: "Putuskan" }).click();
    await other.getByLabel("Ditolak — dengan alasan").check();
    await other.getByLabel("Alasan penolakan").selectOption("kk-does-not-match");
    await other.getByRole("button", { name: "Simpan keputusan" }).click();
    await other.getByTestId("decision-outcome").getByText(REFUSAL_TEXT["already-verified"].id).waitFor();
    expect((await adminDb.doc(`applicants/${meanwhile.account.uid}`).get()).get("verification.state")).toBe("verified");

    // The rejected case is listed among the rejected ones, with its reason.
    await page.getByLabel("Pernah ditolak (boleh datang lagi)").check();
    const again = await shownCase(page, rejected.account.uid, "rejected");
    expect(await again.textContent()).toContain(REJECTION_TEXT["not-the-card-holder"].id);
    await expectAccessible(page);
    expect(pageErrors).toEqual([]);

    const { page: status, pageErrors: personErrors } = await statusOf(rejected.account);
    const notice = status.getByTestId("verification");
    expect(await notice.getAttribute("data-state")).toBe("rejected");
    expect(await notice.getByTestId("verification-rejection").textContent()).toContain(REJECTION_TEXT["not-the-card-holder"].id);
    expect(await notice.getByTestId("verification-bring").textContent()).toBe("KTP asli, Kartu Keluarga (KK) asli");
    expect(await status.getByTestId("next-step").getAttribute("data-step")).toBe("verify");
    expect(await status.getByTestId("next-step").textContent()).toContain("Datang lagi ke Disnaker Kabupaten Bandung");
    const entry = status.locator('[data-testid="timeline"] li[data-kind="identity-rejected"]');
    expect(await entry.getByTestId("timeline-rejection").textContent()).toBe(`Alasannya: ${REJECTION_TEXT["not-the-card-holder"].id}`);
    await expectAccessible(status);
    expect(personErrors).toEqual([]);
  });
});
