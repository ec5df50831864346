import type { LinkPayoutAccountInput } from "../functions/src/schemas/payouts.js";
import { clientEnvironment, HOST, PORTS } from "./stack/config.js";

/**
 * Seeds the demo data into the running local emulators. Idempotent: documents and accounts
 * that exist are left as they are, so re-running never duplicates or resets anything.
 */
export async function seedDemoData(firestoreHost: string): Promise<{ created: number; kept: number }> {
  Object.assign(process.env, clientEnvironment(firestoreHost));
  const { db, auth } = await import("../functions/src/adapters/firebase.js");
  const collections = await import("../functions/src/adapters/collections.js");
  const { grantRole } = await import("../functions/src/usecases/grantRole.js");
  const { ports } = await import("../functions/src/composition.js");
  const demo = await import("./demo-data.js");
  let created = 0;
  let kept = 0;

  const createIfMissing = async <T>(ref: FirebaseFirestore.DocumentReference<T>, data: T) => {
    try {
      await ref.create(data);
      created += 1;
    } catch (error) {
      if ((error as { code?: number }).code !== 6) throw error;
      kept += 1;
    }
  };

  await createIfMissing(collections.programYears().doc(String(demo.programYear.year)), demo.programYear);
  // The wave goes through the same use case as the createWave callable: its seed commitment and
  // beacon round are fixed now, so the demo wave can be drawn once it closes.
  const { createWave } = await import("../functions/src/usecases/createWave.js");
  const { BEACON_PORT, DEV_CHAIN } = await import("./stack/beacon.js");
  const wave = await createWave(
    ports(),
    { source: `http://${HOST}:${BEACON_PORT}`, ...DEV_CHAIN, marginSeconds: 15 },
    { uid: "command:seed", claims: { role: "admin" } },
    demo.openWave(new Date()),
  );
  if (wave.ok) created += 1;
  else if (wave.reason === "wave-exists") kept += 1;
  else throw new Error(`seeding the demo wave: ${wave.reason}`);
  const now = new Date();
  for (const [id, partner] of Object.entries(demo.trainingPartners(now))) await createIfMissing(collections.trainingPartners().doc(id), partner);
  for (const [id, training] of Object.entries(demo.trainings(now))) {
    await createIfMissing(collections.trainings().doc(id), training);
    // Every version has its history record, the first one too.
    const { keywords: _, ...recorded } = training;
    await createIfMissing(collections.trainingHistory(id).doc(String(training.version)), {
      version: training.version,
      at: now,
      by: "command:seed",
      via: "seed",
      training: recorded,
    });
  }
  for (const [id, schedule] of Object.entries(demo.schedules(now))) await createIfMissing(collections.schedules().doc(id), schedule);
  for (const [id, partner] of Object.entries(demo.paymentPartners)) await createIfMissing(collections.paymentPartners().doc(id), partner);

  for (const account of demo.demoAccounts) {
    try {
      await auth().createUser({ uid: account.uid, email: account.email, password: demo.DEMO_PASSWORD, displayName: account.displayName, emailVerified: true });
      created += 1;
    } catch (error) {
      if ((error as { code?: string }).code !== "auth/uid-already-exists") throw error;
      kept += 1;
    }
    if (account.claims === null) continue;
    // Roles go through the same use case as the grantRole callable, so each has its audit record.
    const outcome = await grantRole(
      ports(),
      { uid: "command:seed", claims: { role: "admin" } },
      { requestId: seedRequestId(account.uid), email: account.email, role: account.claims.role, region: account.claims.region },
      "command",
    );
    if (!outcome.ok) throw new Error(`seeding the role of ${account.uid}: ${outcome.reason}`);
  }
  for (const account of demo.demoAccounts.filter((a) => a.participant === true)) {
    if (await seedParticipant(account.uid, demo.demoParticipantForm, demo.programYear)) created += 1;
    else kept += 1;
    if (await seedPayoutAccount(account.uid, demo.demoPayoutAccount)) created += 1;
    else kept += 1;
  }
  await db().terminate();
  return { created, kept };
}

/**
 * The demo participant: registered through the same use case as the `register` callable (under the
 * local NIK hashing key), then given what a draw gives a winner (status, pid, the year's balance, the
 * first-purchase deadline and its reminders, `pidIndex/{pid}`). Left as it is when already registered.
 */
async function seedParticipant(uid: string, form: unknown, year: { year: number; trainingBalance: number; firstPurchaseDays: number }): Promise<boolean> {
  const collections = await import("../functions/src/adapters/collections.js");
  if ((await collections.applicants().doc(uid).get()).exists) return false;
  const { participantTerms } = await import("../functions/src/domain/training/deadline.js");
  const { productionPorts } = await import("../functions/src/composition.js");
  const { register } = await import("../functions/src/usecases/register.js");
  const { registerInput } = await import("../functions/src/schemas/registration.js");
  const { applicantDoc } = await import("../functions/src/schemas/applicant.js");
  const pseudonyms = await localPseudonyms();
  const ports = productionPorts({ pseudonyms, vault: await localVaultPort() });
  const outcome = await register(ports, { uid, by: "self", requestId: `seed:${uid}`, attemptLimit: 5 }, registerInput.parse(form));
  if (!outcome.ok) throw new Error(`seeding the demo participant ${uid}: ${outcome.reason}`);
  const now = new Date();
  const pid = pseudonyms.pid(uid);
  const terms = participantTerms(year, now);
  await collections
    .applicants()
    .doc(uid)
    .update(
      collections.fields(applicantDoc, {
        status: "participant",
        pid,
        selectedWave: `${year.year}-1`,
        trainingBalance: terms.trainingBalance,
        purchaseDeadline: terms.purchaseDeadline,
        lapseAt: terms.purchaseDeadline,
        remindAt: terms.remindAt,
      }),
    );
  await collections.pidIndex().doc(pid).set({ uid });
  return true;
}

/**
 * The demo participant's payout account: linked through the same use case as `linkPayoutAccount`,
 * so the payment-partner simulator's account inquiry (running with the stack) checks it:
 * `demoPayoutAccount` is the simulator's seeded account in the participant's name.
 */
async function seedPayoutAccount(uid: string, account: Omit<LinkPayoutAccountInput, "requestId">): Promise<boolean> {
  const collections = await import("../functions/src/adapters/collections.js");
  if ((await collections.payoutAccounts().doc(uid).get()).exists) return false;
  const { LOCAL_SECRETS } = await import("./stack/index.js");
  const { localPaymentPartnerSources } = await import("./payments/keys.js");
  const { configuredPaymentPartners } = await import("../functions/src/adapters/payments/index.js");
  const { productionPorts } = await import("../functions/src/composition.js");
  const { linkPayoutAccount } = await import("../functions/src/usecases/payouts/account.js");
  const ports = productionPorts({
    paymentPartners: configuredPaymentPartners(localPaymentPartnerSources(LOCAL_SECRETS)),
    pseudonyms: await localPseudonyms(),
    vault: await localVaultPort(),
  });
  const outcome = await linkPayoutAccount(ports, uid, { ...account, requestId: seedRequestId(`payout-${uid}`) });
  if (!outcome.ok) throw new Error(`linking the demo participant's payout account: ${outcome.reason}`);
  return true;
}

/** The vault under the local VAULT_KEYS (functions/.secret.local), as the functions emulator seals. */
async function localVaultPort() {
  const { LOCAL_SECRETS } = await import("./stack/index.js");
  const { localVault } = await import("./stack/localVault.js");
  return localVault(LOCAL_SECRETS);
}

/** The pseudonyms under the local NIK hashing key (functions/.secret.local), as the functions emulator makes them. */
async function localPseudonyms() {
  const { readFileSync } = await import("node:fs");
  const { LOCAL_SECRETS } = await import("./stack/index.js");
  const { keyedId } = await import("../functions/src/domain/privacy.js");
  const key = /^NIK_HASH_KEY=(.+)$/m.exec(readFileSync(LOCAL_SECRETS, "utf8"))?.[1];
  if (key === undefined) throw new Error(`${LOCAL_SECRETS} has no NIK_HASH_KEY`);
  return {
    nik: (nik: string) => keyedId("nik", nik, key),
    kk: (kk: string) => keyedId("kk", kk, key),
    pid: (id: string) => keyedId("pid", id, key),
    family: (kkKey: string) => keyedId("family", kkKey, key),
    account: (value: string) => keyedId("account", value, key),
    request: (value: string) => keyedId("request", value, key),
  };
}

/** A fixed idempotency key per demo account, so re-seeding records each grant once. */
function seedRequestId(uid: string): string {
  const hex = Buffer.from(uid).toString("hex").padEnd(32, "0").slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const host = process.env.FIRESTORE_EMULATOR_HOST ?? `${HOST}:${PORTS.firestore}`;
  seedDemoData(host).then(
    ({ created, kept }) => console.log(`Demo data: ${created} created, ${kept} already there.`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
