import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { LOCAL_SECRETS } from "../stack/index.js";
import { BEACON_PORT } from "../stack/beacon.js";
import { HOST } from "../stack/config.js";
import { person } from "../fixtures/people.js";
import { installMeter } from "./meter.js";
import { table } from "./stats.js";

/**
 * Closing a wave end to end on the local stack: N applicants in the pool are re-checked, frozen,
 * committed, drawn against the development beacon, made participants and published — the same
 * use case and adapters the schedule runs — with Firestore reads and writes counted per applicant.
 */
const POOL = Number(process.env.BENCH_WAVE_POOL ?? 100_000);
const QUOTA = Number(process.env.BENCH_WAVE_QUOTA ?? 5_000);

export async function benchWaveClose(): Promise<string> {
  const { db } = await import("../../functions/src/adapters/firebase.js");
  const { productionPorts } = await import("../../functions/src/composition.js");
  const { keyedId } = await import("../../functions/src/domain/privacy.js");
  const { sealPersonal } = await import("../../functions/src/usecases/personalData.js");
  const { localVault } = await import("../stack/localVault.js");
  // The freeze opens each birth date: sealed and opened under the local key, as the functions emulator would.
  const vault = localVault(LOCAL_SECRETS);
  const { QUICKNET, firstRoundAtOrAfter } = await import("../../functions/src/domain/beacon.js");
  const { seedCommitment } = await import("../../functions/src/domain/draw/index.js");
  const { closeWave } = await import("../../functions/src/usecases/closeWave.js");
  const { registerInput } = await import("../../functions/src/schemas/registration.js");
  const { programYear } = await import("../demo-data.js");
  const key = /^NIK_HASH_KEY=(.+)$/m.exec(readFileSync(LOCAL_SECRETS, "utf8"))![1];

  const year = new Date().getFullYear();
  await db()
    .doc(`programYears/${year}`)
    .set({ ...programYear, year });
  const waveId = `bench-${randomUUID().slice(0, 8)}`;
  const seed = randomBytes(32).toString("hex");
  const now = new Date();

  // Seed the pool as joinWave leaves it (bulk, unthrottled: this is set-up, not measured).
  const seeding = Date.now();
  const writer = db().bulkWriter({ throttling: false });
  for (let i = 0; i < POOL; i += 1) {
    const form = registerInput.parse(person({ districtCode: i % 4 === 0 ? "520101" : "317101" }));
    const uid = `bench-${waveId}-${i}`;
    const pid = keyedId("pid", uid, key);
    const kkKey = keyedId("kk", form.kk, key);
    const { nik, kk, fullName, phone, birthDate, consent: _consent, ...declared } = form;
    void writer.set(db().doc(`applicants/${uid}`), {
      ...declared,
      ...(await sealPersonal(vault, { nik, kk, fullName, phone, birthDate })),
      nikKey: keyedId("nik", form.nik, key),
      kkKey,
      consent: { at: now, version: "bench", by: "self" },
      registeredAt: now,
      registeredBy: "self",
      requestId: uid,
      status: "registered",
      eligibility: { eligible: true, reasons: [], checkedAt: now, listVersions: {} },
      programYear: year,
      pid,
      familyPid: keyedId("family", kkKey, key),
      inPool: true,
      joinedWave: waveId,
    });
    void writer.set(db().doc(`pidIndex/${pid}`), { uid });
  }
  await writer.close();
  const seedSeconds = (Date.now() - seeding) / 1000;
  const beaconSource = `http://${HOST}:${BEACON_PORT}`;
  await db().doc(`waveSecrets/${waveId}`).set({ seed });
  await db()
    .doc(`waves/${waveId}`)
    .set({
      number: 9999,
      programYear: year,
      state: "closed",
      opensAt: new Date(now.getTime() - 86_400_000),
      closesAt: now,
      quota: QUOTA,
      draw: {
        seedCommitment: seedCommitment(seed),
        beacon: { source: beaconSource, round: firstRoundAtOrAfter(new Date(now.getTime() - 60_000), QUICKNET) },
        strata: { kind: "none" },
        familyLimit: 2,
      },
    });

  const meter = installMeter();
  const ports = productionPorts({ vault });
  meter.reset();
  const began = Date.now();
  const frozenStep = await closeWave(ports, waveId);
  const freezeSeconds = (Date.now() - began) / 1000;
  const freeze = { reads: meter.reads, writes: meter.writes };
  meter.reset();
  const drawBegan = Date.now();
  const drawnStep = await closeWave(ports, waveId);
  const drawSeconds = (Date.now() - drawBegan) / 1000;
  if (frozenStep !== "frozen" || drawnStep !== "drawn") throw new Error(`wave close went ${frozenStep}, ${drawnStep}`);
  const participants = (await db().collection("applicants").where("selectedWave", "==", waveId).count().get()).data().count;

  return [
    `Wave close end to end (${POOL.toLocaleString("en")} applicants in the pool, quota ${QUOTA.toLocaleString("en")}, local emulators)`,
    table([
      ["set-up: pool seeded with BulkWriter", `${seedSeconds.toFixed(1)} s (not part of the close)`],
      ["freeze: re-check, commit, pool pages", `${freezeSeconds.toFixed(1)} s, ${(POOL / freezeSeconds).toFixed(0)} applicants/s`],
      ["  Firestore reads / writes per applicant", `${(freeze.reads / POOL).toFixed(2)} / ${(freeze.writes / POOL).toFixed(3)}`],
      ["draw: beacon, rank, participants, publish", `${drawSeconds.toFixed(1)} s`],
      ["  Firestore reads / writes per applicant", `${(meter.reads / POOL).toFixed(2)} / ${(meter.writes / POOL).toFixed(3)}`],
      ["  per winner", `${(meter.reads / QUOTA).toFixed(2)} reads / ${(meter.writes / QUOTA).toFixed(2)} writes`],
      ["participants made", `${participants.toLocaleString("en")}`],
      ["whole close", `${(freezeSeconds + drawSeconds).toFixed(1)} s`],
    ]),
  ].join("\n");
}
