import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { URLS } from "../stack/config.js";
import { LOCAL_SECRETS } from "../stack/index.js";
import { person } from "../fixtures/people.js";
import { installMeter } from "./meter.js";
import { percentile, runConcurrently, table } from "./stats.js";

/**
 * Registration on the local stack: the `register` callable over HTTP with many in flight, next
 * to a bare transaction of the same shape measured in the same run (the emulator serialises
 * transactions far more than production: the ratio is what carries over), and the Firestore
 * reads and writes one registration makes, counted in-process on the same use case and adapters.
 */
const COUNT = Number(process.env.BENCH_REGISTRATIONS ?? 300);
const IN_FLIGHT = 20;

async function signUp(): Promise<{ uid: string; idToken: string }> {
  const response = await fetch(`${URLS.auth}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=bench`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `bench-${randomUUID()}@bench.prakerja.test`, password: "rahasia-123", returnSecureToken: true }),
  });
  const body = (await response.json()) as { localId: string; idToken: string };
  return { uid: body.localId, idToken: body.idToken };
}

async function callRegister(idToken: string, data: unknown): Promise<void> {
  const response = await fetch(`${URLS.functions}/register`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${idToken}` },
    body: JSON.stringify({ data }),
  });
  const body = (await response.json()) as { error?: { message: string } };
  if (body.error) throw new Error(`register failed: ${body.error.message}`);
}

export async function benchRegistration(): Promise<string> {
  const { db } = await import("../../functions/src/adapters/firebase.js");
  const { productionPorts } = await import("../../functions/src/composition.js");
  const { keyedId } = await import("../../functions/src/domain/privacy.js");
  const { register } = await import("../../functions/src/usecases/register.js");
  const { registerInput } = await import("../../functions/src/schemas/registration.js");
  const { programYear } = await import("../demo-data.js");

  const year = new Date().getFullYear();
  await db()
    .doc(`programYears/${year}`)
    .set({ ...programYear, year });

  // 1. The floor: a transaction reading 2 documents and writing 3, nothing else.
  const bare = await runConcurrently(COUNT, IN_FLIGHT, async () => {
    const id = randomUUID();
    await db().runTransaction(async (tx) => {
      await Promise.all([tx.get(db().doc(`benchA/${id}`)), tx.get(db().doc(`benchB/${id}`))]);
      for (const c of ["benchA", "benchB", "benchC"]) tx.set(db().doc(`${c}/${id}`), { at: new Date() });
    });
  });

  // 2. The register callable over HTTP through the functions emulator.
  // The functions emulator runs each request in flight in its own worker process; the first
  // requests pay for starting them. Warm them up first, as production instances would be.
  const WARM_UP = IN_FLIGHT * 2;
  const accounts: Array<{ uid: string; idToken: string }> = [];
  await runConcurrently(COUNT + WARM_UP, 10, async (i) => {
    accounts[i] = await signUp();
  });
  const forms = accounts.map(() => person());
  await runConcurrently(WARM_UP, IN_FLIGHT, (i) => callRegister(accounts[COUNT + i].idToken, forms[COUNT + i]));
  const http = await runConcurrently(COUNT, IN_FLIGHT, (i) => callRegister(accounts[i].idToken, forms[i]));

  // 3. Reads and writes of one registration, counted on the same use case and adapters.
  const meter = installMeter();
  const key = /^NIK_HASH_KEY=(.+)$/m.exec(readFileSync(LOCAL_SECRETS, "utf8"))![1];
  const ports = productionPorts({
    pseudonyms: {
      nik: (v: string) => keyedId("nik", v, key),
      kk: (v: string) => keyedId("kk", v, key),
      pid: (v: string) => keyedId("pid", v, key),
      family: (v: string) => keyedId("family", v, key),
      account: (v: string) => keyedId("account", v, key),
      request: (v: string) => keyedId("request", v, key),
    },
    vault: (await import("../stack/localVault.js")).localVault(LOCAL_SECRETS),
  });
  const SAMPLE = 20;
  meter.reset();
  for (let i = 0; i < SAMPLE; i += 1) {
    const outcome = await register(
      ports,
      { uid: `bench-${randomUUID()}`, by: "self", requestId: randomUUID(), attemptLimit: 5 },
      registerInput.parse(person()),
    );
    if (!outcome.ok) throw new Error(`in-process register refused: ${outcome.reason}`);
  }
  const busiest = Math.max(...meter.writesByPath.values());

  const bareRate = COUNT / bare.seconds;
  const httpRate = COUNT / http.seconds;
  return [
    `Registration (${COUNT} registrations after ${WARM_UP} to warm up, ${IN_FLIGHT} in flight, local emulators)`,
    table([
      ["register over HTTP", `${httpRate.toFixed(1)} registrations/s`],
      ["  latency p50 / p95", `${percentile(http.latencies, 50).toFixed(0)} ms / ${percentile(http.latencies, 95).toFixed(0)} ms`],
      ["bare transaction (2 reads, 3 writes)", `${bareRate.toFixed(1)} transactions/s, p95 ${percentile(bare.latencies, 95).toFixed(0)} ms`],
      ["ratio register / bare transaction", `${(httpRate / bareRate).toFixed(2)}`],
      ["Firestore reads per registration", `${(meter.reads / SAMPLE).toFixed(2)} (counted over ${SAMPLE})`],
      ["Firestore writes per registration", `${(meter.writes / SAMPLE).toFixed(2)}`],
      ["busiest document's writes in the sample", `${busiest} (no document shared between registrations)`],
    ]),
  ].join("\n");
}
