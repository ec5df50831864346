import { randomUUID } from "node:crypto";
import { participantTerms } from "../../functions/src/domain/training/deadline.js";
import { usedSignatureKey } from "../../functions/src/domain/partnerSignature.js";
import { trainingPartners } from "../../scripts/demo-data.js";
import type { Faults } from "../../scripts/simulator/client.js";
import { startSimulator, type Simulator } from "../../scripts/simulator/server.js";
import { adminDb } from "./admin.js";
import { ensureProgramYear, person } from "./people.js";
import { accountWith, call, type SignedIn } from "./stack.js";

/**
 * The partner API's emulator suites drive the training-partner simulator (scripts/simulator/) over
 * its own HTTP API, and check Firestore with the Admin SDK. Each suite makes its own catalogue
 * (course codes unique to the run) and its own participants, so suites run side by side.
 */

export const PLATFORM = "platform-belajar";
export const INSTITUTION = "akademi-digital";
/** Onboarded only by these suites (scripts/stack/index.ts LOCAL_TEST_PARTNER_CODES). */
export const DELISTED_PLATFORM = "test-delisted-platform";
export const FROZEN_INSTITUTION = "test-frozen-institution";

export interface Course {
  courseCode: string;
  scheduleCode: string;
  price: number;
}

/** The demo partners (active), the two test partners, and three trainings of this run with a schedule each, starting in ten days. */
export async function partnerCatalogue(run: string): Promise<{ selfPaced: Course; webinar: Course; design: Course; frozen: Course }> {
  await ensureProgramYear();
  const now = new Date();
  const demo = trainingPartners(now);
  const base = demo[INSTITUTION];
  await Promise.all([
    ...Object.entries(demo).map(([code, partner]) => adminDb.doc(`trainingPartners/${code}`).set(partner)),
    adminDb.doc(`trainingPartners/${DELISTED_PLATFORM}`).set({ ...demo[PLATFORM], name: "Platform Dikeluarkan", status: "delisted" }),
    adminDb.doc(`trainingPartners/${FROZEN_INSTITUTION}`).set({ ...base, name: "Lembaga Dibekukan", settlementsFrozen: true }),
  ]);
  const course = async (name: string, price: number, capacity: number | null, institutionCode = INSTITUTION): Promise<Course> => {
    const courseCode = `${name}-${run}`;
    const scheduleCode = `${courseCode}-J1`;
    await adminDb.doc(`trainings/${courseCode}`).set({
      courseCode,
      title: `Pelatihan ${name} ${run}`,
      description: "",
      institutionCode,
      institutionName: institutionCode,
      platformCodes: [PLATFORM, "kelas-kerja"],
      price,
      hours: 16,
      method: capacity === null ? "self-paced" : "webinar",
      category: "Uji",
      status: "listed",
      keywords: [run.toLowerCase()],
      version: 1,
      updatedAt: now,
    });
    await adminDb.doc(`schedules/${scheduleCode}`).set({
      scheduleCode,
      courseCode,
      startsAt: new Date(now.getTime() + 10 * 86_400_000),
      endsAt: new Date(now.getTime() + 40 * 86_400_000),
      capacity,
      booked: 0,
    });
    return { courseCode, scheduleCode, price };
  };
  const [selfPaced, webinar, design, frozen] = await Promise.all([
    course("SIM", 750_000, null),
    course("WEB", 500_000, 300),
    course("DSG", 650_000, null),
    course("FRZ", 400_000, null, FROZEN_INSTITUTION),
  ]);
  return { selfPaced: selfPaced, webinar: webinar, design: design, frozen: frozen };
}

export interface Participant {
  account: SignedIn;
  uid: string;
  pid: string;
}

/**
 * A person registered through the `register` callable, then given what a draw gives a winner
 * (tests/unit/usecases/trainingFixtures.ts `participant()`): status, pid, balance, deadline,
 * reminders, and `pidIndex/{pid}`.
 */
export async function participant(balance = 3_500_000): Promise<Participant> {
  const account = await accountWith(null, "peserta");
  const registered = await call("register", person({ districtCode: "317101" }), account.idToken);
  if (registered.error !== undefined) throw new Error(`register: ${JSON.stringify(registered.error)}`);
  const pid = `pid-${randomUUID()}`;
  const terms = participantTerms({ trainingBalance: balance, firstPurchaseDays: 30 }, new Date());
  await adminDb.doc(`applicants/${account.uid}`).update({
    status: "participant",
    pid,
    selectedWave: `${terms.purchaseDeadline.getUTCFullYear()}-1`,
    trainingBalance: terms.trainingBalance,
    purchaseDeadline: terms.purchaseDeadline,
    lapseAt: terms.purchaseDeadline,
    remindAt: terms.remindAt,
  });
  await adminDb.doc(`pidIndex/${pid}`).set({ uid: account.uid });
  return { account, uid: account.uid, pid };
}

/** The purchase OTPs sent to `uid` by SMS, newest first (the participant reads them off their phone). */
export async function otpsSent(uid: string): Promise<string[]> {
  const docs = (await adminDb.collection("sms").where("uid", "==", uid).get()).docs.map(
    (d) => d.data() as { kind: string; body: string; createdAt: { toMillis(): number } },
  );
  return docs
    .filter((d) => d.kind === "purchase-otp")
    .sort((a, b) => b.createdAt.toMillis() - a.createdAt.toMillis())
    .map((d) => /\b(\d{6})\b/.exec(d.body)?.[1] ?? "");
}

export async function latestOtp(uid: string): Promise<string> {
  const [otp] = await otpsSent(uid);
  if (otp === undefined || otp === "") throw new Error(`no purchase OTP was texted to ${uid}`);
  return otp;
}

export interface SimAnswer {
  ok: boolean;
  answer: { status: number; body: Envelope; requestId: string | null };
  deliveries: Array<{ status: number; body: Envelope; requestId: string | null; attempts: number }>;
  paymentToken?: string;
  transactionCode?: string;
  step?: string;
}

export interface Envelope {
  success: boolean;
  message: string;
  code?: string;
  data?: Record<string, unknown>;
  error?: { code: string; fields: Array<{ field: string; code: string }>; requestId: string; details?: Record<string, unknown> };
}

export interface SimulatorDriver {
  simulator: Simulator;
  post(path: string, body: Record<string, unknown>): Promise<SimAnswer>;
  /** Buys `course` for `who` through the simulator: send-otp, the OTP read off the participant's SMS, authorize. */
  buy(who: Participant, course: Course, invoiceCode: string, faults?: Faults): Promise<{ redeemCode: string; transactionCode: string; answer: SimAnswer }>;
}

/** A simulator on a free port (suites run side by side), playing the demo platform and institution through Hosting. */
export async function simulatorDriver(): Promise<SimulatorDriver> {
  const simulator = await startSimulator({ port: 0 });
  const post = async (path: string, body: Record<string, unknown>): Promise<SimAnswer> => {
    const response = await fetch(`${simulator.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const json = (await response.json()) as SimAnswer;
    if (response.status !== 200) throw new Error(`simulator ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    simulator,
    post,
    async buy(who, course, invoiceCode, faults) {
      const otp = await post("/platform/buy", { prakerjaId: who.pid, ...course, amount: course.price, invoiceCode, faults });
      if (!otp.ok || otp.paymentToken === undefined) throw new Error(`send-otp: ${JSON.stringify(otp.answer)}`);
      const answer = await post("/platform/authorize", { paymentToken: otp.paymentToken, otp: await latestOtp(who.uid), invoiceCode, faults });
      if (!answer.ok) throw new Error(`authorize: ${JSON.stringify(answer.answer)}`);
      const purchase = (await adminDb.collection("purchases").where("platformCode", "==", PLATFORM).where("invoiceCode", "==", invoiceCode).get()).docs[0];
      const redeemCode = (purchase?.data() as { redeemCode?: string } | undefined)?.redeemCode;
      if (redeemCode === undefined) throw new Error(`no purchase recorded for ${invoiceCode}`);
      return { redeemCode, transactionCode: String(answer.answer.body.data?.transaction_code), answer };
    },
  };
}

/** What a refused partner call must not have written, for one participant and one redeem code. */
export async function footprint(who: Participant, redeemCode?: string) {
  const [applicant, vouchers, tokens, sms, settlements] = await Promise.all([
    adminDb.doc(`applicants/${who.uid}`).get(),
    adminDb.collection("vouchers").where("uid", "==", who.uid).get(),
    adminDb.collection("paymentTokens").where("uid", "==", who.uid).get(),
    adminDb.collection("sms").where("uid", "==", who.uid).get(),
    redeemCode === undefined ? null : adminDb.collection("settlements").where("redeemCode", "==", redeemCode).get(),
  ]);
  const voucherList = vouchers.docs.map((d) => d.data());
  const invoices = voucherList.map((v) => String(v.invoiceCode));
  return {
    balance: applicant.data()?.trainingBalance as number,
    vouchers: voucherList.map((v) => ({ code: v.redeemCode as string, state: v.state as string, attended: v.attended as number[] })),
    purchases: invoices.length,
    paymentTokens: tokens.size,
    sms: sms.size,
    settlements: settlements?.size ?? 0,
  };
}

/** Whether the partner's audit trail has the call answered with this request ID, and how it ended. */
export async function auditOf(requestId: string | null): Promise<string | null> {
  if (requestId === null) return null;
  const doc = await adminDb.doc(`partnerCalls/${requestId}`).get();
  return doc.exists ? String(doc.data()?.outcome) : null;
}

/** Whether a signature was recorded as used (the replay store). */
export async function signatureRecorded(signature: string): Promise<boolean> {
  return (await adminDb.doc(`usedSignatures/${usedSignatureKey(signature)}`).get()).exists;
}
