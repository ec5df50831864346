import { z } from "zod";
import { PURCHASE_REFUSALS, type PurchaseRefusal } from "../domain/training/purchase.js";
import { POST_TEST } from "../domain/training/voucher.js";
import { partnerCode } from "./training.js";

/**
 * The program's partner API as its partners call it (developer.prakerja.go.id; example clients in
 * github.com/prakerja-dev/example-api-redeem-course): bodies and answers in the published field
 * names (snake_case), answers in the envelope `{success, message, data}` (edge/http.ts,
 * `envelope: partner-api`). Amounts are whole rupiah; times ISO 8601 UTC.
 */

type Text = { id: string; en: string };

/** `sequence`: 1 = redeem and first session, 2–10 = later sessions, 999 = post-test. Default 1. */
const sequence = z
  .number({ message: "sequence-invalid" })
  .int({ message: "sequence-invalid" })
  .refine((n) => (n >= 1 && n <= 10) || n === POST_TEST, { message: "sequence-invalid" })
  .default(1);

const redeemCode = z
  .string({ message: "redeem-code-required" })
  .trim()
  .min(1, { message: "redeem-code-required" })
  .max(64, { message: "redeem-code-required" });

/** `POST /api/v1/integration/payment/redeem-code/status`. */
export const redeemStatusBody = z.object({ redeem_code: redeemCode, sequence });

/**
 * `POST /api/v1/integration/payment/redeem-code/commit`: as published, `{redeem_code}` redeems the
 * code (sequence 1). Beyond the original, the same call records a later session (`sequence` 2–10)
 * and the post-test (999, with `score` 0–100 and optionally `certificate_code`).
 */
export const redeemCommitBody = z.object({
  redeem_code: redeemCode,
  sequence,
  score: z.number({ message: "score-invalid" }).min(0, { message: "score-invalid" }).max(100, { message: "score-invalid" }).optional(),
  certificate_code: z.string().trim().min(1).max(200).optional(),
});

const courseCode = partnerCode.or(z.literal("")).refine((code) => code !== "", { message: "course-schedule-required" });
const scheduleCode = courseCode;

/** `POST /api/v1/integration/payment/quota-schedule`. */
export const quotaScheduleBody = z.object({ schedule_code: scheduleCode, course_code: courseCode });

/** `POST /api/v1/integration/payment/send-otp`. `prakerja_id`: the participant's number shown in their app. */
export const sendOtpBody = z.object({
  user_platform_id: z.string().trim().min(1).max(128),
  prakerja_id: z.string().trim().min(1).max(128),
  course_code: courseCode,
  schedule_code: scheduleCode,
  amount: z.number({ message: "amount-invalid" }).int({ message: "amount-invalid" }).positive({ message: "amount-invalid" }),
});

/** `POST /api/v1/integration/payment/authorize`, with header `Authorization: Payment <payment_token>`. */
export const authorizeBody = z.object({
  otp: z.string().regex(/^\d{6}$/, { message: "otp-format" }),
  invoice_url: z.url({ message: "invoice-url-invalid" }).max(2000),
  invoice_code: z.string().trim().min(1).max(128),
});
export const authorizeHeaders = z.object({
  authorization: z.string({ message: "payment-token-required" }).regex(/^Payment [A-Za-z0-9_-]{20,200}$/, { message: "payment-token-required" }),
});

/** `POST /api/v1/integration/payment/status`. */
export const paymentStatusBody = z.object({ invoice_code: z.string().trim().min(1).max(128) });

/** `POST /api/v1/integration/payment/void`. */
export const voidBody = z.object({ invoice_code: z.string().trim().min(1).max(128), transaction_code: z.string().trim().min(1).max(64) });

/** What `redeem-code/status` and `redeem-code/commit` answer in `data`. */
export interface RedeemData {
  redeem_code: string;
  course_code: string;
  invoice_code: string;
  schedule_code: string;
  /** 0 = bought, not redeemed; 1 = redeemed (or completed); 2 = void; 3 = frozen (reported). */
  status: number;
  /** For the `sequence` asked: 1 = attended (committed), 0 = not yet. */
  attendance_status: 0 | 1;
  sequence: number;
  redeem_at: string | null;
  dp_platform: string;
  schedule_start_end: string;
  course_learning_method: string;
  /** Beyond the original: whether the training is completed (post-test committed), and whether this call changed anything. */
  completed: boolean;
  committed?: boolean;
}

/** Field messages of the partner API's bodies. */
export const PARTNER_API_MESSAGES = {
  "sequence-invalid": {
    id: "sequence harus 1 (redeem dan sesi pertama), 2 sampai 10 (sesi berikutnya), atau 999 (post-test).",
    en: "sequence must be 1 (redeem and first session), 2 to 10 (later sessions) or 999 (post-test).",
  },
  "redeem-code-required": { id: "redeem_code wajib diisi (paling banyak 64 karakter).", en: "redeem_code is required (at most 64 characters)." },
  "score-invalid": { id: "score (nilai post-test) harus angka 0 sampai 100.", en: "score (the post-test result) must be a number from 0 to 100." },
  "course-schedule-required": {
    id: "course_code dan schedule_code wajib diisi: huruf, angka, titik, - atau _, paling banyak 64.",
    en: "course_code and schedule_code are required: letters, digits, dot, - or _, at most 64.",
  },
  "amount-invalid": { id: "amount harus bilangan bulat rupiah lebih dari 0.", en: "amount must be a whole number of rupiah above 0." },
  "otp-format": { id: "otp harus 6 angka.", en: "otp must be 6 digits." },
  "invoice-url-invalid": { id: "invoice_url harus URL yang sah.", en: "invoice_url must be a valid URL." },
  "payment-token-required": {
    id: 'Header Authorization harus "Payment <payment_token>" dengan payment_token dari send-otp.',
    en: 'The Authorization header must be "Payment <payment_token>" with the payment_token from send-otp.',
  },
  "partner-code-format": {
    id: "Kode hanya boleh huruf, angka, titik, - atau _ (paling banyak 64), diawali huruf atau angka.",
    en: "A code holds only letters, digits, dot, - or _ (at most 64), starting with a letter or digit.",
  },
} as const satisfies Record<string, Text>;

/** What each purchase refusal says (the platform shows it to the participant: "DP diwajibkan melakukan error mapping"). */
export const PURCHASE_REFUSAL_TEXT: Record<PurchaseRefusal, Text> = {
  "participant-unknown": { id: "Nomor peserta Prakerja tidak ditemukan.", en: "No participant has this Prakerja number." },
  "participant-revoked": { id: "Kepesertaan orang ini sudah dicabut.", en: "This person's participation was revoked." },
  "not-participant": {
    id: "Orang ini belum menjadi peserta (belum lolos seleksi gelombang).",
    en: "This person is not a participant (not selected in a wave).",
  },
  "purchase-deadline-passed": {
    id: "Batas waktu pembelian pelatihan pertama sudah lewat.",
    en: "The deadline for buying the first training has passed.",
  },
  "course-unknown": { id: "Pelatihan dengan course_code ini tidak ada.", en: "There is no training with this course_code." },
  "training-not-sold-here": { id: "Pelatihan ini tidak dijual di platform Anda.", en: "This training is not sold on your platform." },
  "training-not-open": {
    id: "Pelatihan ini tidak terbuka untuk peserta ini (ditarik dari katalog, jamnya di bawah minimum, atau luring di provinsi lain).",
    en: "This training is not open to this participant (withdrawn from the catalogue, below the minimum hours, or offline in another province).",
  },
  "schedule-unknown": { id: "Jadwal dengan schedule_code ini tidak ada.", en: "There is no schedule with this schedule_code." },
  "schedule-course-mismatch": { id: "Jadwal ini bukan jadwal pelatihan tersebut.", en: "This schedule does not belong to that training." },
  "schedule-started": { id: "Jadwal ini sudah dimulai; pembelian ditutup.", en: "This schedule has started; purchases are closed." },
  "schedule-full": { id: "Kuota jadwal ini sudah penuh.", en: "This schedule is full." },
  "amount-mismatch": { id: "amount ({amount}) tidak sama dengan harga pelatihan ({price}).", en: "amount ({amount}) is not the training's price ({price})." },
  "already-bought": { id: "Peserta ini sudah membeli pelatihan ini.", en: "This participant already bought this training." },
  "balance-too-low": {
    id: "Saldo pelatihan peserta (Rp{balance}) kurang dari harga (Rp{price}).",
    en: "The participant's training balance (Rp{balance}) is below the price (Rp{price}).",
  },
};

export { PURCHASE_REFUSALS };

/** Refusals of the rest of the partner API (redeem codes, payment tokens, invoices, voids). */
export const PARTNER_API_REFUSAL_TEXT = {
  "redeem-code-unknown": {
    id: "Kode redeem tidak ditemukan untuk lembaga pelatihan Anda.",
    en: "This redeem code was not found for your training institution.",
  },
  "voucher-cancelled": { id: "Kode redeem ini sudah dibatalkan.", en: "This redeem code was cancelled." },
  "voucher-frozen": {
    id: "Kode redeem ini dibekukan: peserta melaporkan tidak membelinya. Menunggu pemeriksaan Manajemen Pelaksana.",
    en: "This redeem code is frozen: the participant reported not buying it. Awaiting the program office's review.",
  },
  "voucher-completed": {
    id: "Pelatihan ini sudah selesai (post-test tercatat); tidak ada sesi baru yang dicatat.",
    en: "This training is completed (post-test recorded); no new session is recorded.",
  },
  "not-redeemed": {
    id: "Kode redeem belum digunakan: catat dulu sequence 1 (redeem dan sesi pertama).",
    en: "The redeem code is not redeemed yet: commit sequence 1 (redeem and first session) first.",
  },
  "post-test-score-required": {
    id: "Untuk sequence 999 (post-test), kirim score 0 sampai 100.",
    en: "For sequence 999 (post-test), send score from 0 to 100.",
  },
  "payment-token-invalid": { id: "payment_token tidak dikenal untuk platform Anda.", en: "This payment_token is not known for your platform." },
  "payment-token-expired": {
    id: "payment_token sudah kedaluwarsa (berlaku 5 menit). Minta OTP baru lewat send-otp.",
    en: "The payment_token has expired (valid 5 minutes). Ask for a new OTP with send-otp.",
  },
  "payment-token-used": { id: "payment_token ini sudah dipakai untuk invoice lain.", en: "This payment_token was already used for another invoice." },
  "otp-attempts-exceeded": {
    id: "OTP salah terlalu sering; payment_token ini tidak berlaku lagi. Minta OTP baru lewat send-otp.",
    en: "Too many wrong OTPs; this payment_token no longer works. Ask for a new OTP with send-otp.",
  },
  "otp-invalid": { id: "OTP salah. Sisa percobaan: {attemptsLeft}.", en: "Wrong OTP. Attempts left: {attemptsLeft}." },
  "invoice-code-used": {
    id: "invoice_code ini sudah dipakai untuk pembelian lain di platform Anda.",
    en: "This invoice_code was already used for another purchase on your platform.",
  },
  "purchase-declined": {
    id: "Peserta menolak pembelian ini di aplikasinya. Jangan ulangi tanpa persetujuan peserta.",
    en: "The participant declined this purchase in their app. Do not repeat it without the participant's consent.",
  },
  "invoice-unknown": { id: "Tidak ada pembayaran dengan invoice_code ini di platform Anda.", en: "No payment with this invoice_code on your platform." },
  "transaction-not-found": { id: "Kode transaksi tidak ditemukan.", en: "The transaction code was not found." },
  "transaction-already-void": { id: "Transaksi sudah dibatalkan sebelumnya.", en: "The transaction was already voided." },
  "voucher-redeemed": {
    id: "Transaksi tidak dapat dibatalkan: kode redeem sudah digunakan di lembaga pelatihan.",
    en: "The transaction cannot be voided: the redeem code was already redeemed at the training institution.",
  },
} as const satisfies Record<string, Text>;

/** Published error codes where the program's documentation names one (developer.prakerja.go.id, "payment"). */
export const PUBLISHED_ERROR_CODES: Partial<Record<string, string>> = {
  "transaction-not-found": "ERRVOD40001",
  "transaction-already-void": "ERRPLT40028",
};
