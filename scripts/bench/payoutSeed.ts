import { randomInt } from "node:crypto";
import type { PaymentPartnerCode } from "../../functions/src/domain/payouts/partners.js";
import type { ProgramYearDoc } from "../../functions/src/schemas/documents.js";
import { runConcurrently } from "./stats.js";

/**
 * Set-up of the payouts bench (never measured): entitled participants as the review of a first
 * training leaves them — the applicant, a verified payout account at `partner` that the simulator
 * knows, and (unless the bench makes them itself) the installments, due ten days ago — written with
 * an unthrottled BulkWriter, as the training bench seeds. UIDs are letters and digits only: a
 * partner reference names its installment by them (domain/payouts/schedule.ts installmentOfReference).
 */
export interface Payee {
  uid: string;
  /** Its first installment: the one due. */
  installment: string;
  reference: string;
  accountNumber: string;
}

export interface SeedOptions {
  run: string;
  /** Where these payees start in the run's numbering (each batch of the run its own range). */
  from: number;
  count: number;
  partner: PaymentPartnerCode;
  programYear: ProgramYearDoc;
  /** The simulator that must know the accounts (`POST /_control/accounts`). */
  simulatorUrl: string;
  /** False: only applicants and accounts (the bench schedules the installments itself, counted). */
  withInstallments: boolean;
  now: Date;
}

export async function seedPayees(options: SeedOptions): Promise<Payee[]> {
  const { db } = await import("../../functions/src/adapters/firebase.js");
  const { applicants, payoutAccounts, payoutEvents, payoutLedger, payouts } = await import("../../functions/src/adapters/collections.js");
  const { ledgerEntryId } = await import("../../functions/src/adapters/payouts.js");
  const { paymentPartner } = await import("../../functions/src/domain/payouts/partners.js");
  const { installmentId, payoutReference } = await import("../../functions/src/domain/payouts/schedule.js");
  const { scheduleChanges } = await import("../../functions/src/usecases/payouts/schedule.js");
  const { sealPersonal } = await import("../../functions/src/usecases/personalData.js");
  const { PAYOUT_ACCOUNT_VAULT_CONTEXT } = await import("../../functions/src/schemas/payouts.js");
  const { LOCAL_SECRETS } = await import("../stack/index.js");
  const { localVault } = await import("../stack/localVault.js");
  // Sealed with the functions emulator's key: the send tasks open the name and the account number.
  const vault = localVault(LOCAL_SECRETS);
  const person = await sealPersonal(vault, {
    nik: "3171011203900001",
    kk: "3171010000000001",
    fullName: "Siti Rahayu",
    phone: "+6281200000000",
    birthDate: "1990-03-12",
  });
  const spec = paymentPartner(options.partner);
  const { now, programYear } = options;
  // Reviewed ten days ago: the first installment fell due three working days later.
  const reviewedAt = new Date(now.getTime() - 10 * 86_400_000);
  const accountBase = randomInt(100_000, 999_999);
  const payees: Payee[] = Array.from({ length: options.count }, (_, k) => {
    const i = options.from + k;
    const uid = `bench${options.run}${String(i).padStart(6, "0")}`;
    const installment = installmentId(uid, programYear.year, 1);
    return { uid, installment, reference: payoutReference(installment), accountNumber: `${accountBase}${String(i).padStart(6, "0")}` };
  });

  const writer = db().bulkWriter({ throttling: false });
  let failed = 0;
  writer.onWriteError((error) => {
    if (error.failedAttempts < 10) return true;
    failed += 1;
    return false;
  });
  for (const payee of payees) {
    const { uid } = payee;
    void writer.set(applicants().doc(uid), {
      ...person,
      nikKey: `k-${uid}`,
      kkKey: `kk-${uid}`,
      sex: "female",
      provinceCode: "31",
      regencyCode: "3171",
      districtCode: "317101",
      inFormalEducation: false,
      occupation: "laid-off",
      receivesSocialAid: false,
      consent: { at: now, version: "bench", by: "self" },
      registeredAt: now,
      registeredBy: "self",
      requestId: uid,
      status: "participant",
      eligibility: { eligible: true, reasons: [], checkedAt: now, listVersions: {} },
      programYear: programYear.year,
      pid: `pid-${uid}`,
      selectedWave: `bench-${options.run}`,
      trainingBalance: 0,
    });
    void writer.set(payoutAccounts().doc(uid), {
      partner: options.partner,
      channel: spec.channels[0],
      institution: spec.institutions[0],
      destination: await vault.seal({ accountNumber: payee.accountNumber, holderName: "SITI RAHAYU" }, PAYOUT_ACCOUNT_VAULT_CONTEXT),
      masked: payee.accountNumber.slice(-4),
      accountKey: `bench-${payee.accountNumber}`,
      nameScore: 1,
      nameVerdict: "match",
      status: "verified",
      flags: [],
      linkedAt: now,
      requestId: uid,
    });
    if (!options.withInstallments) continue;
    for (const change of scheduleChanges(uid, programYear, reviewedAt)) {
      const id = installmentId(uid, change.payout.programYear, change.payout.number);
      void writer.set(payouts().doc(id), change.payout);
      void writer.set(payoutEvents(id).doc(String(change.payout.version).padStart(4, "0")), change.event);
      change.ledger.forEach((entry, n) => void writer.set(payoutLedger().doc(ledgerEntryId(id, change.payout.version, n)), entry));
    }
  }
  await writer.close();
  if (failed > 0) throw new Error(`${failed} set-up writes failed`);

  await runConcurrently(payees.length, 10, async (k) => {
    const response = await fetch(`${options.simulatorUrl}/_control/accounts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ number: payees[k].accountNumber, holderName: "SITI RAHAYU" }),
    });
    if (!response.ok) throw new Error(`simulator account: ${response.status} ${await response.text()}`);
  });
  return payees;
}

/** The program office's state document of every payment partner (the seed makes them for `npm start`). */
export async function ensurePartnerStates(): Promise<void> {
  const { paymentPartners } = await import("../../functions/src/adapters/collections.js");
  const { PAYMENT_PARTNERS } = await import("../../functions/src/domain/payouts/partners.js");
  for (const partner of PAYMENT_PARTNERS) {
    const ref = paymentPartners().doc(partner.code);
    if ((await ref.get()).exists) continue;
    await ref.set({
      name: partner.name,
      channels: [...partner.channels],
      institutions: [...partner.institutions],
      active: true,
      paused: false,
      pausedAt: null,
      pausedBy: null,
    });
  }
}
