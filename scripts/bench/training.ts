import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { URLS } from "../stack/config.js";
import { LOCAL_SECRETS } from "../stack/index.js";
import { installMeter } from "./meter.js";
import { percentile, runConcurrently, table } from "./stats.js";

/**
 * The partner API's redeem calls and the purchase-deadline job on the local stack.
 * 1. `redeem-code/status` and `redeem-code/commit`, signed, over HTTP through Hosting, warm, with a
 *    floor measured in the same run: a request the same function refuses before any read (an
 *    unknown path). The ratio is what carries over; the emulator's milliseconds do not.
 * 2. Firestore reads and writes per call, counted in-process on the same authenticator, use cases
 *    and adapters (signature check, partner standing, rate-limit count, replay record, audit trail).
 * 3. The deadline job over N lapsed participants (default 10,000): time, and reads and writes per
 *    participant — the operations Firestore bills, which carry over to production cost.
 */
const CALLS = Number(process.env.BENCH_REDEEM_CALLS ?? 300);
const IN_FLIGHT = 10;
const LAPSED = Number(process.env.BENCH_DEADLINE_PEOPLE ?? 10_000);
const INSTITUTION = "akademi-digital";
const STATUS_PATH = "/api/v1/integration/payment/redeem-code/status";
const COMMIT_PATH = "/api/v1/integration/payment/redeem-code/commit";

export async function benchTraining(): Promise<string> {
  const { db } = await import("../../functions/src/adapters/firebase.js");
  const { productionPorts } = await import("../../functions/src/composition.js");
  const { partnerSignature } = await import("../../functions/src/domain/partnerSignature.js");
  const { partnerSignature: authenticator } = await import("../../functions/src/edge/httpAuth.js");
  const { redeemStatus, commitRedeem } = await import("../../functions/src/usecases/training/redeem.js");
  const { runDeadlines } = await import("../../functions/src/usecases/training/deadlines.js");
  const demo = await import("../demo-data.js");
  const keys = JSON.parse(/^PARTNER_SIGN_KEYS='(.+)'$/m.exec(readFileSync(LOCAL_SECRETS, "utf8"))![1]) as Record<string, string>;
  const key = keys[INSTITUTION];

  // Set-up (not measured): the demo partners, and one voucher per call to come.
  const now = new Date();
  for (const [code, partner] of Object.entries(demo.trainingPartners(now)))
    await db()
      .doc(`trainingPartners/${code}`)
      .set({ ...partner, callsPerMinute: 100_000 });
  for (const [code, training] of Object.entries(demo.trainings(now))) await db().doc(`trainings/${code}`).set(training);
  const run = randomUUID().slice(0, 8).toUpperCase();
  const codes = Array.from({ length: CALLS * 2 + 40 }, (_, i) => `B${run}${String(i).padStart(6, "0")}`);
  const writer = db().bulkWriter({ throttling: false });
  for (const code of codes)
    void writer.set(db().doc(`vouchers/${code}`), {
      redeemCode: code,
      uid: `bench-${run}`,
      courseCode: "PMD-001",
      scheduleCode: "PMD-001-J1",
      institutionCode: INSTITUTION,
      platformCode: "platform-belajar",
      invoiceCode: `INV-${code}`,
      transactionCode: `PKJ${code}`,
      amount: 750_000,
      state: "issued",
      issuedAt: now,
      startsAt: new Date(now.getTime() + 10 * 86_400_000),
      attended: [],
    });
  await writer.close();

  // Each call's body names another voucher, so no two signatures repeat even within one second.
  const signed = async (path: string, body: string) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = partnerSignature(key, { clientCode: INSTITUTION, timestamp, method: "POST", path, body: Buffer.from(body) });
    const response = await fetch(`${URLS.webApp}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", client_code: INSTITUTION, timestamp, signature },
      body,
    });
    const text = await response.text();
    return { status: response.status, text };
  };
  const ok = async (path: string, body: string) => {
    const { status, text } = await signed(path, body);
    if (status !== 200) throw new Error(`${path} answered ${status}: ${text.slice(0, 200)}`);
  };

  // Warm up the function's workers, as production instances would be.
  await runConcurrently(40, IN_FLIGHT, (i) => ok(STATUS_PATH, JSON.stringify({ redeem_code: codes[CALLS * 2 + i] })));
  const floor = await runConcurrently(CALLS, IN_FLIGHT, async () => {
    const response = await fetch(`${URLS.webApp}/api/v1/integration/payment/unknown`, { method: "POST", body: "{}" });
    await response.text();
  });
  const status = await runConcurrently(CALLS, IN_FLIGHT, (i) => ok(STATUS_PATH, JSON.stringify({ redeem_code: codes[i], sequence: 1 })));
  const commit = await runConcurrently(CALLS, IN_FLIGHT, (i) => ok(COMMIT_PATH, JSON.stringify({ redeem_code: codes[CALLS + i] })));

  // Reads and writes per call, in-process, the edge's authentication and audit record included.
  const meter = installMeter();
  const ports = productionPorts({ partnerKeys: { signKeys: (code) => Promise.resolve(keys[code] === undefined ? [] : [keys[code]]) } });
  const auth = authenticator(["institution"], () => ports);
  // One base second for every in-process sample, each call a second before the last: no two signatures repeat.
  const base = Math.floor(Date.now() / 1000);
  let samplesSigned = 0;
  const perCall = async (path: string, body: string, call: () => Promise<unknown>) => {
    meter.reset();
    const SAMPLE = 20;
    for (let i = 0; i < SAMPLE; i += 1) {
      samplesSigned += 1;
      const timestamp = String(base - samplesSigned);
      const raw = Buffer.from(body);
      const signature = partnerSignature(key, { clientCode: INSTITUTION, timestamp, method: "POST", path, body: raw });
      const caller = await auth.authenticate({
        method: "POST",
        path,
        target: path,
        headers: { client_code: INSTITUTION, timestamp, signature },
        rawBody: raw,
        requestId: randomUUID(),
      });
      if (!caller.ok) throw new Error(`in-process authentication refused: ${caller.code}`);
      await call();
      await auth.record?.(caller.caller, { requestId: randomUUID(), endpoint: "bench", outcome: "ok" });
    }
    return { reads: meter.reads / SAMPLE, writes: meter.writes / SAMPLE };
  };
  let n = 0;
  const sampleCodes = codes.slice(CALLS * 2, CALLS * 2 + 40);
  const statusCost = await perCall(STATUS_PATH, JSON.stringify({ redeem_code: sampleCodes[0] }), () =>
    redeemStatus(ports, { clientCode: INSTITUTION }, sampleCodes[0], 1),
  );
  const commitCost = await perCall(COMMIT_PATH, JSON.stringify({ redeem_code: "x" }), () =>
    commitRedeem(ports, { clientCode: INSTITUTION }, { code: sampleCodes[1 + (n++ % 39)], sequence: 1 }),
  );

  // The deadline job over LAPSED participants whose deadline has passed (set-up not measured).
  const lapsedAt = new Date(now.getTime() - 60_000);
  const { sealPersonal } = await import("../../functions/src/usecases/personalData.js");
  const { localVault } = await import("../stack/localVault.js");
  // One seal for all (the same person), under the functions emulator's key: the reminders copy its SMS seal.
  const person = await sealPersonal(localVault(LOCAL_SECRETS), {
    nik: "3171011203900001",
    kk: "3171010000000001",
    fullName: "Siti Nurhaliza",
    phone: "+6281200000000",
    birthDate: "1990-03-12",
  });
  const people = db().bulkWriter({ throttling: false });
  // Retried, and counted when they still fail: the figures say how many the job had to find.
  let unseeded = 0;
  people.onWriteError((error) => {
    if (error.failedAttempts < 10) return true;
    unseeded += 1;
    return false;
  });
  for (let i = 0; i < LAPSED; i += 1) {
    const uid = `bench-lapse-${run}-${i}`;
    void people.set(db().doc(`applicants/${uid}`), {
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
      programYear: now.getFullYear(),
      pid: `pid-${uid}`,
      selectedWave: `bench-${run}`,
      trainingBalance: 3_500_000,
      purchaseDeadline: lapsedAt,
      lapseAt: lapsedAt,
      remindAt: null,
    });
  }
  await people.close();
  meter.reset();
  const began = performance.now();
  const deadlineRun = await runDeadlines(ports, now);
  const seconds = (performance.now() - began) / 1000;
  const per = (count: number) => (count / Math.max(1, deadlineRun.revoked)).toFixed(2);

  const ms = (latencies: number[], p: number) => `${percentile(latencies, p).toFixed(0)} ms`;
  return [
    `Partner API redeem calls (${CALLS} each after 40 to warm up, ${IN_FLIGHT} in flight, signed, through Hosting; local emulators)`,
    table([
      ["floor: refused before any read, p50 / p95", `${ms(floor.latencies, 50)} / ${ms(floor.latencies, 95)}`],
      ["redeem-code/status p50 / p95", `${ms(status.latencies, 50)} / ${ms(status.latencies, 95)}`],
      ["redeem-code/commit p50 / p95", `${ms(commit.latencies, 50)} / ${ms(commit.latencies, 95)}`],
      ["ratio status / floor (p50)", (percentile(status.latencies, 50) / percentile(floor.latencies, 50)).toFixed(2)],
      ["ratio commit / floor (p50)", (percentile(commit.latencies, 50) / percentile(floor.latencies, 50)).toFixed(2)],
      ["Firestore reads / writes per status call", `${statusCost.reads.toFixed(2)} / ${statusCost.writes.toFixed(2)} (edge included)`],
      ["Firestore reads / writes per commit call", `${commitCost.reads.toFixed(2)} / ${commitCost.writes.toFixed(2)} (edge included)`],
    ]),
    "",
    `Purchase deadline job (${LAPSED} participants past their deadline; notifications included)`,
    table([
      ["seeded past their deadline", `${LAPSED - unseeded}`],
      ["revoked", `${deadlineRun.revoked}`],
      ["time", `${seconds.toFixed(1)} s (${((seconds / Math.max(1, deadlineRun.revoked)) * 10_000).toFixed(1)} s per 10,000)`],
      ["Firestore reads per participant", per(meter.reads)],
      ["Firestore writes per participant", per(meter.writes)],
      [
        "per 10,000 participants",
        `${Math.round((meter.reads / Math.max(1, deadlineRun.revoked)) * 10_000)} reads, ${Math.round((meter.writes / Math.max(1, deadlineRun.revoked)) * 10_000)} writes`,
      ],
    ]),
  ].join("\n");
}
