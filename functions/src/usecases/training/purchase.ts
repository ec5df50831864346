import { calendarDateIn } from "../../domain/calendar.js";
import { done, refused, type Outcome, type RefusalDetails } from "../../domain/outcome.js";
import { bytesForCode, codeFrom, invoiceKey, otpFrom, REDEEM_CODE_LENGTH, secretHash } from "../../domain/training/codes.js";
import { OTP_MAX_ATTEMPTS, OTP_TTL_SECONDS, purchaseRefusal, seatsLeft, type BuyerFacts, type PurchaseRefusal } from "../../domain/training/purchase.js";
import { overlapping } from "../../domain/training/flags.js";
import type { ApplicantDoc } from "../../schemas/applicant.js";
import type { PurchaseDoc, TrainingDoc, VoucherDoc } from "../../schemas/training.js";
import type { AuthorizeWrite, Ports } from "../ports.js";

/**
 * A digital platform sells a training for a participant's training balance, in the program's
 * published flow (developer.prakerja.go.id, "payment"): check a schedule's quota, ask us to send
 * the participant a one-time code (OTP), authorize the purchase with that code and the platform's
 * invoice, query or void the payment. The participant sees the OTP only in their own app and by
 * SMS/email: a platform cannot spend a balance without the person's confirmation.
 */

type Caller = { clientCode: string };
type PurchasePorts = Pick<Ports, "training" | "programYears" | "notifications" | "random" | "clock">;

/** A schedule's seats as the published `quota-schedule` answers them. `quota` for a schedule without a limit: 100,000 (`unlimited: true`). */
export interface QuotaData {
  schedule_code: string;
  course_code: string;
  quota: number;
  unlimited: boolean;
}

export const UNLIMITED_QUOTA = 100_000;

/** `quota-schedule`: two reads. Refused: `course-unknown`, `schedule-unknown`, `schedule-course-mismatch`. */
export async function quotaSchedule(
  ports: Pick<Ports, "training">,
  input: { courseCode: string; scheduleCode: string },
): Promise<Outcome<QuotaData, "course-unknown" | "schedule-unknown" | "schedule-course-mismatch">> {
  const [training, schedule] = await Promise.all([ports.training.training(input.courseCode), ports.training.schedule(input.scheduleCode)]);
  if (training === null) return refused("course-unknown");
  if (schedule === null) return refused("schedule-unknown");
  if (schedule.courseCode !== training.courseCode) return refused("schedule-course-mismatch");
  const left = seatsLeft(schedule);
  return done({ schedule_code: schedule.scheduleCode, course_code: training.courseCode, quota: left ?? UNLIMITED_QUOTA, unlimited: left === null });
}

export interface SendOtpInput {
  userPlatformId: string;
  /** The participant's pseudonymous ID (`prakerja_id`), as their app shows it. */
  prakerjaId: string;
  courseCode: string;
  scheduleCode: string;
  /** Rupiah. */
  amount: number;
}

/**
 * `send-otp`: checks everything a purchase needs (domain/training/purchase.ts), then stores a
 * payment token (its hash) with the OTP's hash and sends the OTP to the participant (their app, SMS,
 * email). Answers `{payment_token, expires_at}`; the token is never stored in clear.
 */
export async function sendPurchaseOtp(
  ports: PurchasePorts,
  caller: Caller,
  input: SendOtpInput,
): Promise<Outcome<{ payment_token: string; expires_at: string }, PurchaseRefusal>> {
  const now = ports.clock.now();
  const uid = await ports.training.uidOfPid(input.prakerjaId);
  const [applicant, vouchers, training, schedule, platform] = await Promise.all([
    uid === null ? null : ports.training.applicant(uid),
    uid === null ? [] : ports.training.vouchersOf(uid),
    ports.training.training(input.courseCode),
    ports.training.schedule(input.scheduleCode),
    ports.training.partner(caller.clientCode),
  ]);
  const institution = training === null ? null : await ports.training.partner(training.institutionCode);
  const minimumHours = await minimumHoursNow(ports, now);
  const ask = { platformCode: caller.clientCode, courseCode: input.courseCode, amount: input.amount, minimumHours };
  const refusal = purchaseRefusal(buyerFacts(applicant, vouchers), training, schedule, ask, now, institution?.status === "active");
  if (refusal !== null || uid === null) return refused(refusal ?? "participant-unknown", refusalDetails(refusal, applicant, training, input.amount));

  const token = Buffer.from(ports.random.bytes(32)).toString("base64url");
  const otp = otpFrom(ports.random.bytes(30));
  const expiresAt = new Date(now.getTime() + OTP_TTL_SECONDS * 1000);
  const tokenHash = secretHash("payment-token", token);
  await ports.training.savePaymentToken(tokenHash, {
    platformCode: caller.clientCode,
    uid,
    userPlatformId: input.userPlatformId,
    courseCode: input.courseCode,
    scheduleCode: input.scheduleCode,
    amount: input.amount,
    otpHash: secretHash("otp", token, otp),
    otp,
    attempts: 0,
    expiresAt,
  });
  await ports.notifications.send(`purchase-otp-${tokenHash.slice(0, 32)}`, {
    kind: "purchase-otp",
    uid,
    params: { code: otp, validMinutes: OTP_TTL_SECONDS / 60, platformName: platform?.name ?? caller.clientCode, price: input.amount },
  });
  return done({ payment_token: token, expires_at: expiresAt.toISOString() });
}

export type AuthorizeRefusal =
  | PurchaseRefusal
  | "payment-token-invalid"
  | "payment-token-expired"
  | "payment-token-used"
  | "otp-attempts-exceeded"
  | "otp-invalid"
  | "invoice-code-used"
  | "purchase-declined";

/** What `authorize` and `payment/status` answer in `data` (the published fields). */
export interface PaymentData {
  invoice_code: string;
  transaction_code: string;
  /** Rupiah. */
  amount: number;
  status: "SUCCESS" | "VOID";
  /** The participant's name as a platform may show it: first word in full, then initials ("Siti N*******"). */
  prakerja_name: string;
  created_at: string;
  /** Beyond the original: the voucher's redeem code is the participant's, shown in their app — never sent to the platform. */
}

/**
 * `authorize`: in one transaction (TrainingStore.authorize) — the payment token must be this
 * platform's, unexpired and unused; the OTP must match (each wrong one counts; after 5 the token is
 * spent); every purchase check is made again on fresh facts; then the balance is deducted, a seat
 * taken (capacity-limited schedules), the voucher issued and the invoice recorded. The same invoice
 * with the same token again answers as the first time and writes nothing (idempotent on the
 * platform's invoice code); the invoice code with another token is `invoice-code-used`.
 */
export async function authorizePurchase(
  ports: PurchasePorts,
  caller: Caller,
  input: { token: string; otp: string; invoiceCode: string; invoiceUrl: string },
): Promise<Outcome<PaymentData, AuthorizeRefusal>> {
  const now = ports.clock.now();
  const tokenHash = secretHash("payment-token", input.token);
  const key = invoiceKey(caller.clientCode, input.invoiceCode);
  const redeemCode = codeFrom(ports.random.bytes(bytesForCode(REDEEM_CODE_LENGTH)), REDEEM_CODE_LENGTH);
  const transactionCode = `PKJ${codeFrom(ports.random.bytes(bytesForCode(13)), 13)}`;
  const minimumHours = await minimumHoursNow(ports, now);

  const write = await ports.training.authorize({ tokenHash, invoiceKey: key, redeemCode }, (facts): AuthorizeWrite<AuthorizeRefusal> => {
    const { token, purchase, applicant, training, schedule } = facts;
    if (token === null || token.platformCode !== caller.clientCode) return { kind: "refused", reason: "payment-token-invalid" };
    if (purchase !== null) {
      if (purchase.tokenHash !== tokenHash) return { kind: "refused", reason: "invoice-code-used" };
      return { kind: "existing", purchase, voucher: facts.vouchers.find((v) => v.redeemCode === purchase.redeemCode) ?? null };
    }
    if (token.usedFor !== undefined) return { kind: "refused", reason: "payment-token-used" };
    if (now >= token.expiresAt) return { kind: "refused", reason: "payment-token-expired" };
    if (token.declined === true) return { kind: "refused", reason: "purchase-declined" };
    if (token.attempts >= OTP_MAX_ATTEMPTS) return { kind: "refused", reason: "otp-attempts-exceeded" };
    if (secretHash("otp", input.token, input.otp) !== token.otpHash) {
      const attempts = token.attempts + 1;
      return {
        kind: "refused",
        reason: attempts >= OTP_MAX_ATTEMPTS ? "otp-attempts-exceeded" : "otp-invalid",
        details: { attemptsLeft: OTP_MAX_ATTEMPTS - attempts },
        attempts,
      };
    }
    const ask = { platformCode: caller.clientCode, courseCode: token.courseCode, amount: token.amount, minimumHours };
    const refusal = purchaseRefusal(buyerFacts(applicant, facts.vouchers), training, schedule, ask, now, facts.institution?.status === "active");
    if (refusal !== null || applicant === null || training === null || schedule === null) {
      const reason = refusal ?? "participant-unknown";
      return { kind: "refused", reason, details: refusalDetails(reason, applicant, training, token.amount) as Record<string, string | number> };
    }
    if (facts.redeemCodeTaken) throw new Error("authorize: a freshly drawn redeem code is taken; retry draws another");
    const voucher: VoucherDoc = {
      redeemCode,
      uid: token.uid,
      courseCode: training.courseCode,
      scheduleCode: schedule.scheduleCode,
      institutionCode: training.institutionCode,
      platformCode: caller.clientCode,
      invoiceCode: input.invoiceCode,
      transactionCode,
      amount: training.price,
      state: "issued",
      issuedAt: now,
      startsAt: schedule.startsAt,
      // Scheduled sessions (webinar, offline) can overlap another booking; self-paced learning cannot.
      ...(training.method === "self-paced" ? {} : { endsAt: schedule.endsAt }),
      attended: [],
    };
    const clash = overlapping(
      voucher,
      facts.vouchers.filter((v) => v.state !== "cancelled"),
    );
    const bought: PurchaseDoc = {
      platformCode: caller.clientCode,
      invoiceCode: input.invoiceCode,
      invoiceUrl: input.invoiceUrl,
      redeemCode,
      transactionCode,
      tokenHash,
      amount: training.price,
      createdAt: now,
      status: "SUCCESS",
    };
    return {
      kind: "bought",
      voucher,
      purchase: bought,
      balance: (applicant.trainingBalance ?? 0) - training.price,
      firstPurchase: (applicant.firstPurchaseAt ?? null) === null,
      booked: schedule.capacity === null ? null : schedule.booked + 1,
      event: { kind: "training-bought", at: now, courseCode: training.courseCode, amount: -training.price },
      flag:
        clash.length === 0 || applicant.pid === undefined
          ? null
          : { kind: "overlapping-sessions", pid: applicant.pid, redeemCodes: [redeemCode, ...clash], at: now, state: "open" },
    };
  });
  if (write.kind === "refused") return refused(write.reason, write.details);
  const purchase = write.purchase;
  const uid = write.kind === "bought" ? write.voucher.uid : (write.voucher?.uid ?? null);
  const applicant = uid === null ? null : await ports.training.applicant(uid);
  if (write.kind === "bought") {
    const [training, platform] = await Promise.all([ports.training.training(write.voucher.courseCode), ports.training.partner(caller.clientCode)]);
    await ports.notifications.send(`purchase-confirmed-${write.voucher.redeemCode}`, {
      kind: "purchase-confirmed",
      uid: write.voucher.uid,
      params: {
        trainingTitle: training?.title ?? write.voucher.courseCode,
        platformName: platform?.name ?? caller.clientCode,
        price: write.voucher.amount,
        balanceLeft: write.balance,
      },
    });
  }
  return done(paymentData(purchase, applicant));
}

/** `payment/status`: the platform's own invoice only. */
export async function paymentStatus(ports: Pick<Ports, "training">, caller: Caller, invoiceCode: string): Promise<Outcome<PaymentData, "invoice-unknown">> {
  const purchase = await ports.training.purchase(invoiceKey(caller.clientCode, invoiceCode));
  if (purchase === null) return refused("invoice-unknown");
  const voucher = await ports.training.voucher(purchase.redeemCode);
  return done(paymentData(purchase, voucher === null ? null : await ports.training.applicant(voucher.uid)));
}

function paymentData(purchase: PurchaseDoc, applicant: ApplicantDoc | null): PaymentData {
  return {
    invoice_code: purchase.invoiceCode,
    transaction_code: purchase.transactionCode,
    amount: purchase.amount,
    status: purchase.status,
    prakerja_name: applicant?.nameMasked ?? "",
    created_at: purchase.createdAt.toISOString(),
  };
}

export function buyerFacts(applicant: ApplicantDoc | null, vouchers: readonly VoucherDoc[]): BuyerFacts | null {
  if (applicant === null) return null;
  return {
    status: applicant.status,
    trainingBalance: applicant.trainingBalance ?? 0,
    purchaseDeadline: applicant.purchaseDeadline,
    firstPurchaseAt: applicant.firstPurchaseAt ?? undefined,
    provinceCode: applicant.provinceCode,
    activeCourses: vouchers.filter((v) => v.state !== "cancelled").map((v) => v.courseCode),
  };
}

/** What a refusal found, for its message: amounts and price for amount-mismatch and balance-too-low (never personal data). */
function refusalDetails(
  refusal: PurchaseRefusal | null,
  applicant: ApplicantDoc | null,
  training: TrainingDoc | null,
  amount: number,
): RefusalDetails | undefined {
  if (refusal === "amount-mismatch" && training !== null) return { amount, price: training.price };
  if (refusal === "balance-too-low" && training !== null) return { balance: applicant?.trainingBalance ?? 0, price: training.price };
  return undefined;
}

/** The program year's minimum training hours now (2023: 15); undefined when the year sets none or is not configured. */
async function minimumHoursNow(ports: Pick<Ports, "programYears">, now: Date): Promise<number | undefined> {
  const rules = await ports.programYears.get(calendarDateIn(now).year);
  return rules?.minimumTrainingHours;
}
