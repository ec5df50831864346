import { z } from "zod";
import { REASON_CODES, OCCUPATIONS } from "../domain/eligibility.js";
import { SEXES } from "../domain/nik.js";
import { IDENTITY_DOCUMENTS, REJECTION_REASONS, VERIFICATION_STATES } from "../domain/verification.js";
import { APPLICANT_STATUSES, TIMELINE_KINDS } from "./applicant.js";
import { documentId, waveId } from "./ids.js";
import { regionScope } from "./region.js";
import { REFUSAL_TEXT } from "./refusalMessages.js";
import { cardNumberDigits } from "./registration.js";

/**
 * The registrants of a region as operators (their province or regency), admins (any region) and
 * auditors (any region, read-only) list, open and export them (usecases/registrants/). Only masked
 * values ever leave: the NIK as "3171********0001", the name as "Dewi L******"; a full value goes
 * through the vault's reveal, for a purpose, one person at a time.
 */

export const REGISTRANTS_PAGE_SIZE = { default: 25, max: 100 } as const;

/** How a person registered: by themself online, or with an operator at the desk (assisted). */
export const REGISTRATION_CHANNELS = ["online", "assisted"] as const;

/**
 * The filters a list and an export share. `scope`: a province or regency inside the operator's own
 * (default: their whole region; admins and auditors: everywhere). `districtCode`: one district
 * (6 digits) inside the scope. `waveId`: people who joined that wave (`joinedWave`). `status`: the
 * applicant's status (registered, participant, revoked).
 */
export const registrantFilters = z.object({
  scope: regionScope.optional(),
  status: z.enum(APPLICANT_STATUSES, { message: "registrant-status" }).optional(),
  districtCode: z
    .string()
    .regex(/^\d{6}$/, { message: "registrant-district-format" })
    .optional(),
  waveId: waveId.optional(),
});
export type RegistrantFilters = z.infer<typeof registrantFilters>;

/**
 * Input of `listRegistrants`. With `nik` (16 digits, spaces and dots dropped) the answer is that one
 * person, found through the NIK's keyed hash, if they live inside the caller's region (the other
 * filters are not applied); else `registrant-not-found`, whether the NIK is registered elsewhere or
 * not at all. `cursor`: the previous page's `nextCursor`, as it came.
 */
export const listRegistrantsInput = registrantFilters.extend({
  nik: z
    .string({ message: "registrant-nik-format" })
    .transform(cardNumberDigits)
    .pipe(z.string().regex(/^\d{16}$/, { message: "registrant-nik-format" }))
    .optional(),
  cursor: documentId.optional(),
  pageSize: z
    .number({ message: "registrant-page-size" })
    .int({ message: "registrant-page-size" })
    .min(1, { message: "registrant-page-size" })
    .max(REGISTRANTS_PAGE_SIZE.max, { message: "registrant-page-size" })
    .default(REGISTRANTS_PAGE_SIZE.default),
});
export type ListRegistrantsInput = z.infer<typeof listRegistrantsInput>;

/** One registrant in a list: masked values, where they live, and where they stand. Times are ISO strings. */
export const registrantRow = z.object({
  uid: z.string(),
  nikMasked: z.string(),
  nameMasked: z.string(),
  regencyCode: z.string(),
  regency: z.string(),
  districtCode: z.string(),
  /** The district's name today (regions data). */
  district: z.string(),
  status: z.enum(APPLICANT_STATUSES),
  eligible: z.boolean(),
  reasons: z.array(z.enum(REASON_CODES)),
  /** Identity verification (NIK digits differ from the KTP); null when the NIK and the KTP agree. */
  verification: z.enum(VERIFICATION_STATES).nullable(),
  joinedWave: z.string().nullable(),
  selectedWave: z.string().nullable(),
  registeredAt: z.string(),
  channel: z.enum(REGISTRATION_CHANNELS),
});
export type RegistrantRow = z.infer<typeof registrantRow>;

/** What `listRegistrants` answers: a page in account order, and where the next one starts (null: the last page). */
export const registrantsPage = z.object({ rows: z.array(registrantRow), nextCursor: z.string().nullable() });
export type RegistrantsPage = z.infer<typeof registrantsPage>;

/** Input of `getRegistrant`: whose record, under the caller's request ID (the audit record's key: a retry is recorded once). */
export const getRegistrantInput = z.object({ uid: documentId, requestId: z.uuid() });
export type GetRegistrantInput = z.infer<typeof getRegistrantInput>;

/** One event of a registrant's timeline, as operators see it. `by`: "self", or the acting operator's uid. */
export const registrantTimelineEntry = z.object({
  kind: z.enum(TIMELINE_KINDS),
  at: z.string(),
  by: z.string().optional(),
  eligible: z.boolean().optional(),
  reasons: z.array(z.enum(REASON_CODES)).optional(),
  waveId: z.string().optional(),
  documentsSeen: z.array(z.enum(IDENTITY_DOCUMENTS)).optional(),
  rejection: z.enum(REJECTION_REASONS).optional(),
  courseCode: z.string().optional(),
  /** Rupiah moved by a training event. */
  amount: z.number().int().optional(),
});
export type RegistrantTimelineEntry = z.infer<typeof registrantTimelineEntry>;

/** What `getRegistrant` answers: the row, the rest of the record (masked) and the timeline, oldest first. */
export const registrantRecord = z.object({
  row: registrantRow,
  phoneMasked: z.string(),
  sex: z.enum(SEXES),
  occupation: z.enum(OCCUPATIONS),
  province: z.string(),
  provinceCode: z.string(),
  programYear: z.number().int(),
  /** "self", or the uid of the operator who registered the person. */
  registeredBy: z.string(),
  /** Participants: rupiah left to buy trainings with, and the first-purchase deadline. */
  trainingBalance: z.number().int().optional(),
  purchaseDeadline: z.string().optional(),
  revokedAt: z.string().optional(),
  timeline: z.array(registrantTimelineEntry),
});
export type RegistrantRecord = z.infer<typeof registrantRecord>;

/**
 * Query of `GET /api/v1/registrants.csv`: the list's filters, nothing else. Strict, so a request
 * for clear NIKs (`include=nik`) is refused by name: the export is masked, always (README,
 * "Registrant lists and exports").
 */
export const exportRegistrantsQuery = registrantFilters.strict();
export type ExportRegistrantsQuery = z.infer<typeof exportRegistrantsQuery>;

/**
 * The CSV's columns, in order, with the header row's names: what each column holds. Values never
 * hold a line break (codes, masked values, ISO times), so one line is one registrant. `reasons`:
 * the eligibility reason codes joined with ";".
 */
export const REGISTRANT_CSV_COLUMNS = [
  { key: "uid", header: "uid" },
  { key: "nikMasked", header: "nik_masked" },
  { key: "nameMasked", header: "name_masked" },
  { key: "regencyCode", header: "regency_code" },
  { key: "regency", header: "regency" },
  { key: "districtCode", header: "district_code" },
  { key: "district", header: "district" },
  { key: "status", header: "status" },
  { key: "eligible", header: "eligible" },
  { key: "reasons", header: "reasons" },
  { key: "verification", header: "verification" },
  { key: "joinedWave", header: "joined_wave" },
  { key: "selectedWave", header: "selected_wave" },
  { key: "registeredAt", header: "registered_at" },
  { key: "channel", header: "channel" },
] as const satisfies ReadonlyArray<{ key: keyof RegistrantRow; header: string }>;

/** A row as the CSV writes it: every value a string ("true"/"false", "" for none). */
export function csvRecordOf(row: RegistrantRow): Record<string, string> {
  return {
    uid: row.uid,
    nikMasked: row.nikMasked,
    nameMasked: row.nameMasked,
    regencyCode: row.regencyCode,
    regency: row.regency,
    districtCode: row.districtCode,
    district: row.district,
    status: row.status,
    eligible: String(row.eligible),
    reasons: row.reasons.join(";"),
    verification: row.verification ?? "",
    joinedWave: row.joinedWave ?? "",
    selectedWave: row.selectedWave ?? "",
    registeredAt: row.registeredAt,
    channel: row.channel,
  };
}

/** The header carrying the number of rows an export will send (counted when it began): the web app shows "n of N". */
export const EXPORT_TOTAL_HEADER = "x-total-count";

/** What the export's refusals say (the same words as the list's). */
export const EXPORT_REFUSAL_TEXT = {
  "not-operator-admin-or-auditor": REFUSAL_TEXT["not-operator-admin-or-auditor"],
  "region-outside-scope": REFUSAL_TEXT["region-outside-scope"],
} as const;

/** Field messages of the registrant inputs. */
export const REGISTRANT_MESSAGES = {
  "registrant-status": { id: "Pilih status dari daftar.", en: "Choose a status from the list." },
  "registrant-district-format": { id: "Kode kecamatan harus 6 angka.", en: "A district code must be 6 digits." },
  "registrant-nik-format": { id: "NIK yang dicari harus 16 angka.", en: "The NIK to search for must be 16 digits." },
  "registrant-page-size": {
    id: "Jumlah pendaftar per halaman harus bilangan bulat dari 1 sampai 100.",
    en: "The number of registrants per page must be a whole number from 1 to 100.",
  },
} as const satisfies Record<string, { id: string; en: string }>;
