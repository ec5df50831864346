import { z } from "zod";
import { DISPUTE_DECISIONS, DISPUTE_STATES } from "../domain/desk/dispute.js";
import { IDENTITY_DOCUMENTS } from "../domain/verification.js";
import type { APPLICANT_STATUSES, TIMELINE_KINDS } from "./applicant.js";
import { documentId } from "./ids.js";
import { REVEAL_PURPOSES } from "./personalAccess.js";
import { mobileNumber } from "./phone.js";
import { cardNumberDigits } from "./registration.js";
import { sealedDoc } from "./vault.js";

/**
 * The operator's desk (README, "At the desk"): looking up who registered a walk-in person's NIK,
 * NIK dispute cases ("joki"), the operator's count of the day and the person's receipt. Inputs
 * of `lookupRegistration`, `openNikDispute`, `resolveNikDispute`, `myDeskDay`, `sendDeskReceipt`;
 * the stored `nikDisputes/{id}`; their answers.
 */

const nik = z
  .string({ message: "nik-format" })
  .transform(cardNumberDigits)
  .pipe(z.string().regex(/^\d{16}$/, { message: "nik-format" }));

/** The documents seen, each once, in IDENTITY_DOCUMENTS order. */
const documentsSeen = z
  .array(z.enum(IDENTITY_DOCUMENTS, { message: "verification-document-unknown" }))
  .max(IDENTITY_DOCUMENTS.length * 2)
  .transform((seen) => IDENTITY_DOCUMENTS.filter((document) => seen.includes(document)));

/** What the person said, or the operator's note: a few sentences, never a document. */
export const DESK_TEXT_MAX = 1000;
const deskText = z.string().trim().min(1, { message: "desk-text-required" }).max(DESK_TEXT_MAX, { message: "desk-text-length" });

/** `lookupRegistration`: who registered this NIK, for a stated purpose (recorded on the audit log). */
export const lookupRegistrationInput = z.object({ requestId: z.uuid(), nik, purpose: z.enum(REVEAL_PURPOSES) });
export type LookupRegistrationInput = z.infer<typeof lookupRegistrationInput>;

/** The claimant: the walk-in person's own account (if they have one), or the phone or email a new account is made for. */
const claimant = z.union([
  z.object({ uid: documentId }).strict(),
  z.object({ phone: mobileNumber }).strict(),
  z.object({ email: z.email({ message: "desk-email-format" }) }).strict(),
]);
export type ClaimantInput = z.infer<typeof claimant>;

/** `openNikDispute`: the registration (its account's uid), who claims the NIK, what they said, what was seen. */
export const openNikDisputeInput = z.object({ requestId: z.uuid(), uid: documentId, claimant, statement: deskText, documentsSeen });
export type OpenNikDisputeInput = z.infer<typeof openNikDisputeInput>;

/** `resolveNikDispute`: re-tie the registration to the claimant, or dismiss the case. */
export const resolveNikDisputeInput = z.object({
  requestId: z.uuid(),
  disputeId: documentId,
  decision: z.enum(DISPUTE_DECISIONS, { message: "desk-decision-required" }),
  documentsSeen,
  note: deskText,
});
export type ResolveNikDisputeInput = z.infer<typeof resolveNikDisputeInput>;

export const myDeskDayInput = z.object({}).nullish();

/** `sendDeskReceipt`: the person's receipt after a registration or a dispute's resolution, sent once per request. */
export const sendDeskReceiptInput = z.object({ requestId: z.uuid(), uid: documentId, after: z.enum(["registration", "dispute"]) });
export type SendDeskReceiptInput = z.infer<typeof sendDeskReceiptInput>;

/**
 * `deskReceipts/{requestId}`: the receipt sent under a request — to which account, by whom, after
 * what, and through which channels — so a retry answers as the first call did and the request ID
 * reused for another person is refused. Uids and flags only.
 */
export const deskReceiptDoc = z.object({
  uid: z.string().min(1),
  by: z.string().min(1),
  after: z.enum(["registration", "dispute"]),
  at: z.date(),
  email: z.boolean(),
  sms: z.boolean(),
});
export type DeskReceiptDoc = z.infer<typeof deskReceiptDoc>;

/** An operator's act on a case: who, when, under which request, what was seen. */
const disputeAct = z.object({
  by: z.string().min(1),
  role: z.string().min(1),
  at: z.date(),
  requestId: z.string().min(1),
  documentsSeen: z.array(z.enum(IDENTITY_DOCUMENTS)),
});

/**
 * The opening: its act, and the keyed digest of its input (Pseudonyms.request), which tells a retry
 * from a reused request ID. A case stored without one answers no retry: its request ID reads as reused.
 */
const disputeOpening = disputeAct.extend({ digest: z.string().min(1).optional() });

/**
 * `nikDisputes/{requestId of the opening}`: one case. `uid` is the registration's account when
 * the case was opened (the account the person says is not theirs), `claimantUid` the person's.
 * The region codes are the registration's, for the rules (operators of that region read it).
 * What the person said and the resolution's note are sealed by the vault (context "nik-dispute"):
 * they may name people.
 */
export const nikDisputeDoc = z.object({
  state: z.enum(DISPUTE_STATES),
  uid: z.string().min(1),
  claimantUid: z.string().min(1),
  nikKey: z.string().min(1),
  nikMasked: z.string(),
  provinceCode: z.string().regex(/^\d{2}$/),
  regencyCode: z.string().regex(/^\d{4}$/),
  districtCode: z.string().regex(/^\d{6}$/),
  statement: sealedDoc,
  opened: disputeOpening,
  resolved: disputeAct.extend({ decision: z.enum(DISPUTE_DECISIONS), note: sealedDoc }).optional(),
});
export type NikDisputeDoc = z.infer<typeof nikDisputeDoc>;

/** Who registered a person: themself, or an operator (uid), and when. */
export interface RegisteredBy {
  kind: "self" | "operator";
  operatorUid: string | null;
  at: string;
}

/** The Auth account behind a registration, masked. */
export interface DeskAccount {
  exists: boolean;
  disabled: boolean;
  /** Sign-in methods: "phone", "password", "google.com"… */
  methods: string[];
  emailMasked: string | null;
  phoneMasked: string | null;
}

/** What `lookupRegistration` answers: masked values only; full values through `revealPersonalData`. */
export interface RegistrationLookup {
  uid: string;
  nikMasked: string;
  nameMasked: string;
  phoneMasked: string;
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  status: (typeof APPLICANT_STATUSES)[number];
  registeredBy: RegisteredBy;
  account: DeskAccount;
  /** Oldest first; times as ISO 8601. */
  timeline: Array<{ kind: (typeof TIMELINE_KINDS)[number]; at: string; by: string | null }>;
}

/** What `openNikDispute` and `resolveNikDispute` answer. */
export interface NikDisputeView {
  disputeId: string;
  state: (typeof DISPUTE_STATES)[number];
  uid: string;
  claimantUid: string;
  nikMasked: string;
  /** Where the registration is now (the claimant's account after a re-tie). */
  registrationUid: string;
}

/** What `myDeskDay` answers: the operator's assisted registrations today (Asia/Jakarta) and what the daily limit still allows. */
export interface DeskDay {
  day: string;
  registered: number;
  limit: number;
  remaining: number;
}

/** What `sendDeskReceipt` answers: the receipt went out under this request (now, or on its first call: a retry answers the same), and through which channels. */
export interface DeskReceiptResult {
  sent: boolean;
  email: boolean;
  sms: boolean;
}

export const DESK_MESSAGES = {
  "desk-text-required": { id: "Tuliskan keterangannya.", en: "Write what was said." },
  "desk-text-length": { id: `Paling banyak ${DESK_TEXT_MAX} karakter.`, en: `At most ${DESK_TEXT_MAX} characters.` },
  "desk-email-format": { id: "Alamat email tidak sah.", en: "The email address is not valid." },
  "desk-decision-required": { id: "Pilih keputusan: ikat ulang atau tolak.", en: "Choose a decision: re-tie or dismiss." },
  // `nik-registered` as the desk's registration form says it: the operator is the labor office the applicant's text sends people to.
  "desk-nik-registered": {
    id: "NIK ini sudah terdaftar. Cari pendaftarannya di bawah untuk melihat siapa yang mendaftarkannya; jika orang ini tidak pernah mendaftar, buka sengketa NIK di sana.",
    en: "This NIK is already registered. Look its registration up below to see who registered it; if this person never registered, open a NIK dispute there.",
  },
} as const;
