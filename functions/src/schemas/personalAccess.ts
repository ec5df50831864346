import { z } from "zod";
import { documentId } from "./ids.js";

/**
 * Access to personal data held in the vault (README, "Personal-data vault"): an operator or admin
 * revealing one field of one person for a stated purpose (`revealPersonalData`), and a person
 * downloading everything held about them (`downloadMyData`, the right of access of UU PDP art. 7).
 */

/** The fields sealed in an applicant's `personal` (schemas/applicant.ts), each revealed on its own. */
export const PERSONAL_FIELDS = ["nik", "kk", "fullName", "phone", "birthDate"] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/**
 * Why a value is revealed, recorded on the audit log with the act. A short fixed list, so the log
 * can be read and counted; "other" needs a note.
 */
export const REVEAL_PURPOSES = ["desk-verification", "nik-dispute", "payout-investigation", "data-subject-request", "other"] as const;
export type RevealPurpose = (typeof REVEAL_PURPOSES)[number];

/** Longest note: a sentence, never a document. */
export const REVEAL_NOTE_MAX = 200;

export const revealPersonalDataInput = z
  .object({
    /** The act's idempotency key (a retry reveals again and is recorded once). */
    requestId: z.uuid(),
    /** The person whose value is revealed. */
    uid: documentId,
    field: z.enum(PERSONAL_FIELDS),
    purpose: z.enum(REVEAL_PURPOSES),
    /** Free text recorded on the audit log: required with "other". Never a NIK, a name or a phone number. */
    note: z.string().trim().max(REVEAL_NOTE_MAX, { message: "reveal-note-length" }).optional(),
  })
  .refine((input) => input.purpose !== "other" || (input.note !== undefined && input.note.length > 0), {
    message: "reveal-note-required",
    path: ["note"],
  });
export type RevealPersonalDataInput = z.infer<typeof revealPersonalDataInput>;

/** What `revealPersonalData` answers: the one value asked for, as registered. */
export interface RevealPersonalDataResult {
  value: string;
}

/** `downloadMyData` takes only the act's idempotency key. */
export const downloadMyDataInput = z.object({ requestId: z.uuid() });
export type DownloadMyDataInput = z.infer<typeof downloadMyDataInput>;

/** A value as JSON carries it (dates as ISO 8601 strings). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonRecord = { [key: string]: JsonValue };

/**
 * What `downloadMyData` answers: everything held about the signed-in person, by where it is kept,
 * with the personal data opened and without the keyed hashes and seals that mean nothing to them.
 * Dates are ISO 8601 strings; amounts are rupiah.
 */
export interface MyData {
  format: "prakerja-my-data/1";
  /** When this copy was made (ISO 8601). */
  madeAt: string;
  uid: string;
  /** `applicants/{uid}` with NIK, KK, name, phone and birth date in clear; null when not registered. */
  registration: JsonRecord | null;
  /** `applicants/{uid}/timeline`, oldest first. */
  timeline: JsonRecord[];
  /** `applicants/{uid}/inbox`: the notifications sent to them, in both languages. */
  notifications: JsonRecord[];
  training: {
    /** `vouchers` bought for them. */
    vouchers: JsonRecord[];
    /** `purchases` behind those vouchers. */
    purchases: JsonRecord[];
    /** `paymentTokens` waiting for or used with their one-time code. */
    paymentTokens: JsonRecord[];
    /** `entitlements/{uid}`: the reviewed first training that entitles them to incentives. */
    entitlement: JsonRecord | null;
  };
  payouts: {
    /** `payoutAccounts/{uid}`, with the whole account number. */
    account: JsonRecord | null;
    /** `payouts` with their `events`. */
    installments: JsonRecord[];
    /** `payoutCases`: their reports ("not received", "received less"). */
    cases: JsonRecord[];
    /** `clawbacks`: money asked back from them, with what they repaid. */
    clawbacks: JsonRecord[];
  };
}

export const PERSONAL_DATA_MESSAGES = {
  "reveal-note-required": {
    id: "Tuliskan keperluannya (paling banyak 200 karakter) bila memilih “Lainnya”. Jangan menulis NIK, nama, atau nomor HP.",
    en: "Write the purpose (at most 200 characters) when choosing “Other”. Do not write a NIK, a name or a phone number.",
  },
  "reveal-note-length": {
    id: "Catatan paling banyak 200 karakter.",
    en: "The note holds at most 200 characters.",
  },
} as const satisfies Record<string, { id: string; en: string }>;
