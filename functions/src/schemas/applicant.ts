import { z } from "zod";
import { EXCLUSION_LIST_TYPES, OCCUPATIONS, REASON_CODES } from "../domain/eligibility.js";
import { NIK_DISCREPANCIES, SEXES } from "../domain/nik.js";
import { IDENTITY_DOCUMENTS, REJECTION_REASONS, VERIFICATION_STATES } from "../domain/verification.js";
import { PRIORITY_LIST_ID } from "../domain/priority.js";
import { sealedDoc } from "./vault.js";

/**
 * Stored shapes for registration. NIK, KK, full name, phone and birth date appear in clear in no
 * document: `applicants/{uid}` holds them sealed by the personal-data vault (`personal`, opened
 * only by functions bound to VAULT_KEYS) next to masked values for display; every ID and index
 * uses the keyed hash of NIK and KK (domain/privacy.ts).
 */

export const eligibilityDoc = z.object({
  eligible: z.boolean(),
  reasons: z.array(z.enum(REASON_CODES)),
  checkedAt: z.date(),
  /** The exclusion list versions this check was made against, by list type. */
  listVersions: z.record(z.string(), z.number().int()),
});
export type EligibilityDoc = z.infer<typeof eligibilityDoc>;

/** `blocked`: a registration whose NIK was re-tied to its owner after a NIK dispute (domain/desk/dispute.ts): the account is disabled. */
export const APPLICANT_STATUSES = ["registered", "participant", "revoked", "blocked"] as const;

/** An operator's decision on a verification case: who, when, under which request, what was seen. */
export const verificationDecisionOf = z.object({
  decision: z.enum(["verified", "rejected"]),
  requestId: z.string().min(1),
  by: z.string().min(1),
  at: z.date(),
  documentsSeen: z.array(z.enum(IDENTITY_DOCUMENTS)),
  rejection: z.enum(REJECTION_REASONS).optional(),
});
export type VerificationDecisionOf = z.infer<typeof verificationDecisionOf>;

/**
 * A registration whose NIK digits differ from the KTP (domain/verification.ts): the state, why,
 * since when, and the latest decision. Absent when the NIK and the KTP agree.
 */
export const verificationDoc = z.object({
  state: z.enum(VERIFICATION_STATES),
  reasons: z.array(z.enum(NIK_DISCREPANCIES)).min(1),
  requestedAt: z.date(),
  decision: verificationDecisionOf.optional(),
});
export type VerificationDoc = z.infer<typeof verificationDoc>;

/** The vault's context for an applicant's personal data (the seal opens only under it). */
export const APPLICANT_VAULT_CONTEXT = "applicant";

/** What `applicantDoc.personal` holds once opened: the person's identity as registered. */
export const personalData = z.object({
  nik: z.string().regex(/^\d{16}$/),
  kk: z.string().regex(/^\d{16}$/),
  fullName: z.string().min(1),
  /** E.164 (+628…). */
  phone: z.string(),
  /** YYYY-MM-DD, as declared. */
  birthDate: z.string(),
});
export type PersonalData = z.infer<typeof personalData>;

export const applicantDoc = z.object({
  /** NIK, KK, full name, phone and birth date, sealed (context "applicant"; usecases/personalData.ts). */
  personal: sealedDoc,
  nikKey: z.string().min(1),
  /** "3171********0001" (domain/privacy.ts maskNik). */
  nikMasked: z.string(),
  kkKey: z.string().min(1),
  /** "Dewi L******" (domain/privacy.ts maskName). */
  nameMasked: z.string(),
  /** "+62812****7890" (domain/privacy.ts maskPhone). */
  phoneMasked: z.string(),
  /**
   * The phone sealed again for the SMS outbox (context "sms"): notifications copy it into
   * `sms/{key}` without opening anything, so only the SMS sender holds the key. Absent when the
   * number cannot be texted.
   */
  smsTo: sealedDoc.optional(),
  sex: z.enum(SEXES),
  provinceCode: z.string(),
  regencyCode: z.string(),
  /** Where the person lives (the form), which decides which operators see them. */
  districtCode: z.string(),
  inFormalEducation: z.boolean(),
  occupation: z.enum(OCCUPATIONS),
  receivesSocialAid: z.boolean(),
  consent: z.object({ at: z.date(), version: z.string(), by: z.enum(["self", "operator"]) }),
  registeredAt: z.date(),
  /** "self", or the operator who registered the person (assisted registration). */
  registeredBy: z.string(),
  /** The idempotency key of the request that registered the person. */
  requestId: z.string(),
  status: z.enum(APPLICANT_STATUSES),
  eligibility: eligibilityDoc,
  verification: verificationDoc.optional(),
  programYear: z.number().int(),
  /** Pseudonymous ID in the draw: a keyed hash of the uid, published in pool lists. */
  pid: z.string().optional(),
  /** Pseudonymous family key in the draw: a keyed hash of the KK, published in pool lists. */
  familyPid: z.string().optional(),
  /** In the pool of every wave until drawn or excluded; set once by joinWave (no carry-over writes). */
  inPool: z.boolean().optional(),
  joinedWave: z.string().optional(),
  /**
   * Recipients on the person's family card (families/{kkKey}.recipients), copied when they join the
   * pool and kept up to date each time a family member is selected: the close re-checks the family
   * limit from the applicant alone (docs/draw.md §10, "Reads"). Absent on documents older than it.
   */
  familyRecipients: z.number().int().nonnegative().optional(),
  selectedWave: z.string().optional(),
  /** Rupiah left to buy trainings with (participants). */
  trainingBalance: z.number().int().nonnegative().optional(),
  /** Participants: the first training must be bought before this moment (program year's firstPurchaseDays after selection). */
  purchaseDeadline: z.date().optional(),
  /** The purchase deadline while no training is bought yet, null after (the expiry job's query: `lapseAt <= now`). */
  lapseAt: z.date().nullable().optional(),
  /** When the next deadline reminder is due (7 days, then 1 day before), null when none is left. */
  remindAt: z.date().nullable().optional(),
  /** When the first training was bought; null again when every purchase was undone (the deadline applies again). */
  firstPurchaseAt: z.date().nullable().optional(),
  /** Revoked participants: when, and why (the timeline says it in words). */
  revokedAt: z.date().optional(),
  revokedFor: z.enum(["purchase-deadline-passed"]).optional(),
  /**
   * Priority lists the person is on (domain/priority.ts): list ID → the versions that held their
   * keyed NIK. Set at registration from the entry and by each import for people already registered,
   * so the close's freeze flags the pool line (`isPriority`) without another read.
   */
  priorityLists: z.record(z.string().regex(PRIORITY_LIST_ID), z.array(z.number().int().positive())).optional(),
});
export type ApplicantDoc = z.infer<typeof applicantDoc>;

/** `applicants/{uid}/timeline/{id}`: what happened to the person, in their own words. */
export const TIMELINE_KINDS = [
  "registered",
  "registered-assisted",
  "eligibility-changed",
  "identity-verified",
  "identity-rejected",
  "joined-pool",
  "excluded-at-draw",
  // A family member was selected and the family card reached its limit: out of the pool, once (reasons: family-limit-reached).
  "left-pool-family-limit",
  "selected",
  "training-bought",
  "training-cancelled",
  "training-reported",
  "training-completed",
  "training-reviewed",
  "revoked",
  // A NIK dispute at the desk: the registration moved to this account (nik-re-tied), or away from it (blocked-nik-dispute).
  "nik-re-tied",
  "blocked-nik-dispute",
] as const;
export const timelineEventDoc = z.object({
  kind: z.enum(TIMELINE_KINDS),
  at: z.date(),
  eligible: z.boolean().optional(),
  reasons: z.array(z.enum(REASON_CODES)).optional(),
  /** "self", or the uid of the operator who acted (registered, verified, joined the wave for the person). */
  by: z.string().optional(),
  waveId: z.string().optional(),
  /** The operator's idempotency key of the act (verification decision, joining on the person's behalf). */
  requestId: z.string().optional(),
  /** Verification: the documents the operator saw, and why they rejected. */
  documentsSeen: z.array(z.enum(IDENTITY_DOCUMENTS)).optional(),
  rejection: z.enum(REJECTION_REASONS).optional(),
  /** Joined on the person's behalf: the operator recorded the person's consent to join. */
  consent: z.literal(true).optional(),
  /** Training events: the course, and the rupiah moved (bought: taken from the balance; cancelled, reported, revoked: returned). */
  courseCode: z.string().optional(),
  amount: z.number().int().optional(),
});
export type TimelineEventDoc = z.infer<typeof timelineEventDoc>;

/** `nikIndex/{nikKey}`: one registration per NIK, claimed in the registering transaction. */
export const nikIndexDoc = z.object({ uid: z.string(), at: z.date() });
export type NikIndexDoc = z.infer<typeof nikIndexDoc>;

/**
 * `families/{kkKey}`: per family card, how many registered and how many became recipients, and
 * the accounts (uids) registered on it while they number at most FAMILY_MEMBERS_LISTED
 * (domain/family.ts). `members` is complete when present: the draw reads the family's documents
 * by ID from it; a card without it (more registrants than that) is found by its `kkKey` instead.
 */
export const familyDoc = z.object({
  registrants: z.number().int().nonnegative(),
  recipients: z.number().int().nonnegative(),
  members: z.array(z.string().min(1)).optional(),
});
export type FamilyDoc = z.infer<typeof familyDoc>;

/** `exclusionEntries/{nikKey}`: in which versions of which lists a NIK was present. */
export const exclusionEntryDoc = z.object({
  lists: z.partialRecord(z.enum(EXCLUSION_LIST_TYPES), z.object({ versions: z.array(z.number().int()) })),
});
export type ExclusionEntryDoc = z.infer<typeof exclusionEntryDoc>;

/** `exclusionLists/{type}`: the current (last completed) import of each list. */
export const exclusionListDoc = z.object({
  currentVersion: z.number().int().nonnegative(),
  entries: z.number().int().nonnegative(),
  updatedAt: z.date(),
});
export type ExclusionListDoc = z.infer<typeof exclusionListDoc>;

/** `exclusionImports/{type}-v{version}`: one import of one list. */
export const exclusionImportDoc = z.object({
  type: z.enum(EXCLUSION_LIST_TYPES),
  version: z.number().int().positive(),
  status: z.enum(["running", "completed", "failed"]),
  entries: z.number().int().nonnegative(),
  rejectedLines: z.number().int().nonnegative(),
  startedAt: z.date(),
  finishedAt: z.date().optional(),
  by: z.string(),
  /** For each earlier completed version: how many of this import's NIKs it also held (for diffs). */
  overlaps: z.record(z.string().regex(/^\d+$/), z.number().int().nonnegative()).optional(),
});
export type ExclusionImportDoc = z.infer<typeof exclusionImportDoc>;

/** `operatorDays/{uid}_{YYYY-MM-DD}`: assisted registrations by one operator on one day (Jakarta time). */
export const operatorDayDoc = z.object({ count: z.number().int().nonnegative() });

/** `registerAttempts/{uid}_{YYYY-MM-DD}`: registrations one caller tried that day that registered nobody. */
export const registerAttemptsDoc = z.object({ count: z.number().int().nonnegative() });
