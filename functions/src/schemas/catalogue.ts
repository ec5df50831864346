import { z } from "zod";
import { LEARNING_METHODS, PARTNER_KINDS } from "../domain/training/catalogue.js";
import { clientCode } from "./partners.js";
import { partnerCode } from "./training.js";

/**
 * Inputs and answers of the training catalogue: the program office's callables (savePartner,
 * saveTraining, saveSchedule), an institution's pushes over the signed partner API, and the public
 * browse (`GET /api/catalogue`). Field messages are in CATALOGUE_MESSAGES (both languages).
 */

/** An ISO date-time with its offset, within years 2020–2199 (Firestore keeps 0001–9999). */
const catalogueTime = (message: string) =>
  z.iso.datetime({ offset: true, message }).refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= 2020 && year < 2200;
  }, "catalogue-time-out-of-range");

const title = z.string().trim().min(1, { message: "catalogue-title-required" }).max(300);
const description = z.string().max(5000).default("");
const category = z.string().trim().min(1, { message: "catalogue-category-required" }).max(100);
/** Whole rupiah; a training dearer than any program year's balance could never be bought with it. */
const price = z.number().int({ message: "catalogue-price" }).nonnegative({ message: "catalogue-price" }).max(100_000_000, { message: "catalogue-price" });
const hours = z.number().positive({ message: "catalogue-hours" }).max(1000, { message: "catalogue-hours" });
const provinceCode = z.string().regex(/^\d{2}$/, { message: "catalogue-province-format" });
const platformCodes = z
  .array(clientCode)
  .min(1, { message: "catalogue-platforms-required" })
  .max(50)
  .refine((codes) => new Set(codes).size === codes.length, { message: "catalogue-platforms-repeated" });
/** Seats of a run; absent or null: self-paced, no limit (a callable's nulls arrive as absent fields). */
const capacity = z
  .number()
  .int({ message: "catalogue-capacity" })
  .positive({ message: "catalogue-capacity" })
  .max(100_000, { message: "catalogue-capacity" })
  .nullable()
  .optional()
  .transform((value) => value ?? null);

/** Offline trainings take place in one province; the others name none. */
function provinceForMethod(value: { method: string; provinceCode?: string | undefined }, ctx: z.RefinementCtx, field: string): void {
  if (value.method === "offline" && value.provinceCode === undefined)
    ctx.addIssue({ code: "custom", path: [field], message: "catalogue-province-required-offline" });
  if (value.method !== "offline" && value.provinceCode !== undefined)
    ctx.addIssue({ code: "custom", path: [field], message: "catalogue-province-only-offline" });
}

/** A run ends after it starts. */
function endsAfterStart(start: string, end: string, ctx: z.RefinementCtx, field: string): void {
  if (Date.parse(end) <= Date.parse(start)) ctx.addIssue({ code: "custom", path: [field], message: "catalogue-ends-before-start" });
}

// ---- the program office's callables --------------------------------------------------------

/** Input of `savePartner`: onboards a training partner, or changes one (the same call: an upsert by client code). */
export const savePartnerInput = z.object({
  /** The code it signs its API calls with (`client_code`): the key of its sign key in PARTNER_SIGN_KEYS. */
  clientCode,
  name: z.string().trim().min(1, { message: "partner-name-required" }).max(200),
  kind: z.enum(PARTNER_KINDS),
  /** As registered: company or foundation name, and the 13-digit business registration number (NIB). */
  legalName: z.string().trim().min(1, { message: "partner-legal-name-required" }).max(200),
  registrationNumber: z.string().regex(/^\d{13}$/, { message: "partner-nib-format" }),
  contact: z.object({
    name: z.string().trim().min(1, { message: "partner-contact-name-required" }).max(200),
    email: z.email({ message: "partner-contact-email" }),
    phone: z.string().regex(/^\+?\d[\d ()-]{5,30}$/, { message: "partner-contact-phone" }),
  }),
  status: z.enum(["active", "delisted"]),
  settlementsFrozen: z.boolean(),
  callsPerMinute: z.number().int().positive({ message: "partner-calls-per-minute" }).max(100_000, { message: "partner-calls-per-minute" }),
});
export type SavePartnerInput = z.infer<typeof savePartnerInput>;

export interface SavePartnerResult {
  clientCode: string;
  /** True when the partner was onboarded by this call. */
  created: boolean;
  /** False when nothing differed from what was stored (nothing written). */
  written: boolean;
}

/** Input of `saveTraining`: creates or changes a training; each change is a new version with its history record. */
export const saveTrainingInput = z
  .object({
    /** Idempotency key chosen by the admin's page: a retry with it writes nothing and answers the same version. */
    requestId: z.uuid(),
    courseCode: partnerCode,
    title,
    description,
    /** An onboarded, active training institution. */
    institutionCode: clientCode,
    /** Onboarded, active digital platforms that sell it. */
    platformCodes,
    price,
    hours,
    method: z.enum(LEARNING_METHODS),
    category,
    provinceCode: provinceCode.optional(),
    status: z.enum(["listed", "delisted"]),
    /** The version the admin edited (0 for a new training): a change made meanwhile is refused (`version-conflict`), not overwritten. */
    expectedVersion: z.number().int().nonnegative().optional(),
  })
  .superRefine((value, ctx) => provinceForMethod(value, ctx, "provinceCode"));
export type SaveTrainingInput = z.infer<typeof saveTrainingInput>;

export interface SaveTrainingResult {
  courseCode: string;
  /** The training's version now (the one this call wrote, or found). */
  version: number;
  /** False for a retry of the same request, or when nothing differed (no new version). */
  written: boolean;
}

/** Input of `saveSchedule`: creates or changes a run of a training. */
export const saveScheduleInput = z
  .object({
    scheduleCode: partnerCode,
    courseCode: partnerCode,
    startsAt: catalogueTime("catalogue-time-format"),
    endsAt: catalogueTime("catalogue-time-format"),
    capacity,
  })
  .superRefine((value, ctx) => endsAfterStart(value.startsAt, value.endsAt, ctx, "endsAt"));
export type SaveScheduleInput = z.infer<typeof saveScheduleInput>;

export interface SaveScheduleResult {
  scheduleCode: string;
  created: boolean;
  written: boolean;
}

// ---- an institution's pushes over the partner API (snake_case, as the program's partner API) ----

/** `POST /api/v1/integration/catalogue/course`: one of the calling institution's own trainings. */
export const pushCourseBody = z
  .object({
    course_code: partnerCode,
    title,
    description,
    price,
    hours,
    learning_method: z.enum(LEARNING_METHODS),
    category,
    province_code: provinceCode.optional(),
    platform_codes: platformCodes,
  })
  .superRefine((value, ctx) => provinceForMethod({ method: value.learning_method, provinceCode: value.province_code }, ctx, "province_code"));
export type PushCourseBody = z.infer<typeof pushCourseBody>;

/** `POST /api/v1/integration/catalogue/schedule`: a run of one of the calling institution's trainings. */
export const pushScheduleBody = z
  .object({
    schedule_code: partnerCode,
    course_code: partnerCode,
    start_at: catalogueTime("catalogue-time-format"),
    end_at: catalogueTime("catalogue-time-format"),
    /** Seats; absent or null: self-paced, no limit. */
    quota: capacity,
  })
  .superRefine((value, ctx) => endsAfterStart(value.start_at, value.end_at, ctx, "end_at"));
export type PushScheduleBody = z.infer<typeof pushScheduleBody>;

/** The `data` of a course push's answer. */
export interface PushCourseResult {
  course_code: string;
  version: number;
  /** False when nothing differed from what was stored: a partner may push its whole catalogue again. */
  changed: boolean;
}

export interface PushScheduleResult {
  schedule_code: string;
  created: boolean;
  changed: boolean;
}

// ---- the public browse -----------------------------------------------------------------------

/** Trainings per page of `GET /api/catalogue`: each brings a query for its schedules. */
export const CATALOGUE_PAGE_MAX = 30;
export const CATALOGUE_PAGE_DEFAULT = 20;
/** Upcoming schedules shown per training. */
export const SCHEDULES_PER_TRAINING = 3;

/** The query of `GET /api/catalogue`: each filter optional; `course` asks for one training. */
export const catalogueQuery = z.object({
  /** Words typed in the search box; the longest one is searched (domain/training/catalogue.ts searchWordOf). */
  q: z.string().max(100, { message: "catalogue-search-long" }).optional(),
  category: z.string().trim().min(1).max(100).optional(),
  method: z.enum(LEARNING_METHODS, { message: "catalogue-method" }).optional(),
  province: provinceCode.optional(),
  pageSize: z
    .string()
    .regex(/^\d{1,3}$/, { message: "catalogue-page-size" })
    .transform(Number)
    .pipe(z.number().int().min(1, { message: "catalogue-page-size" }).max(CATALOGUE_PAGE_MAX, { message: "catalogue-page-size" }))
    .optional(),
  /** The `next` of the page before, as it came. */
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: "catalogue-cursor" })
    .optional(),
  /** One training by its code (a training's own page). */
  course: partnerCode.optional(),
});
export type CatalogueQuery = z.infer<typeof catalogueQuery>;

export const catalogueSchedule = z.object({
  scheduleCode: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  /** Seats still free; null: no seat limit (self-paced). */
  seatsLeft: z.number().int().nonnegative().nullable(),
});
export type CatalogueSchedule = z.infer<typeof catalogueSchedule>;

export const catalogueTraining = z.object({
  courseCode: z.string(),
  title: z.string(),
  description: z.string(),
  institutionName: z.string(),
  /** The digital platforms where it is sold (active ones only). */
  platforms: z.array(z.object({ code: z.string(), name: z.string() })),
  price: z.number().int().nonnegative(),
  hours: z.number().positive(),
  method: z.enum(LEARNING_METHODS),
  category: z.string(),
  provinceCode: z.string().optional(),
  /** The province's official name (as the region data writes it, e.g. "DKI JAKARTA"), with its code. */
  provinceName: z.string().optional(),
  /** The next runs that have not started yet, soonest first (at most SCHEDULES_PER_TRAINING). */
  schedules: z.array(catalogueSchedule),
});
export type CatalogueTraining = z.infer<typeof catalogueTraining>;

/** The answer of `GET /api/catalogue`. */
export const cataloguePage = z.object({
  trainings: z.array(catalogueTraining),
  /** The word searched, when the search had one. */
  searched: z.string().nullable(),
  /** The cursor of the next page; null on the last. */
  next: z.string().nullable(),
});
export type CataloguePage = z.infer<typeof cataloguePage>;

// ---- texts -------------------------------------------------------------------------------------

export const CATALOGUE_MESSAGES = {
  "partner-name-required": { id: "Isi nama mitra.", en: "Enter the partner's name." },
  "partner-legal-name-required": { id: "Isi nama badan hukum sesuai akta.", en: "Enter the registered legal name." },
  "partner-nib-format": {
    id: "Nomor Induk Berusaha (NIB) harus 13 digit angka.",
    en: "The business registration number (NIB) must be 13 digits.",
  },
  "partner-contact-name-required": { id: "Isi nama kontak mitra.", en: "Enter the partner contact's name." },
  "partner-contact-email": { id: "Email kontak tidak sah.", en: "The contact's email is not valid." },
  "partner-contact-phone": {
    id: "Nomor telepon kontak harus angka (boleh diawali +), 6 sampai 30 karakter.",
    en: "The contact's phone number must be digits (a leading + allowed), 6 to 30 characters.",
  },
  "partner-calls-per-minute": {
    id: "Batas panggilan per menit harus bilangan bulat dari 1 sampai 100.000.",
    en: "Calls per minute must be a whole number from 1 to 100,000.",
  },
  "catalogue-title-required": { id: "Isi judul pelatihan.", en: "Enter the training's title." },
  "catalogue-category-required": { id: "Isi kategori pelatihan.", en: "Enter the training's category." },
  "catalogue-price": {
    id: "Harga harus rupiah utuh, dari 0 sampai Rp 100.000.000.",
    en: "The price must be whole rupiah, from 0 to Rp 100,000,000.",
  },
  "catalogue-hours": { id: "Jumlah jam harus lebih dari 0 dan paling banyak 1.000.", en: "Hours must be above 0 and at most 1,000." },
  "catalogue-province-format": { id: "Kode provinsi harus 2 digit.", en: "A province code is 2 digits." },
  "catalogue-province-required-offline": {
    id: "Pelatihan luring wajib menyebut provinsi tempat pelatihan.",
    en: "An offline training must name the province where it takes place.",
  },
  "catalogue-province-only-offline": {
    id: "Provinsi hanya diisi untuk pelatihan luring.",
    en: "A province is given only for offline trainings.",
  },
  "catalogue-platforms-required": {
    id: "Sebutkan paling sedikit satu platform digital yang menjual pelatihan ini.",
    en: "Name at least one digital platform that sells this training.",
  },
  "catalogue-platforms-repeated": { id: "Ada platform yang disebut dua kali.", en: "A platform is named twice." },
  "catalogue-capacity": {
    id: "Kuota harus bilangan bulat dari 1 sampai 100.000, atau kosong untuk belajar mandiri tanpa batas.",
    en: "The quota must be a whole number from 1 to 100,000, or empty for self-paced learning without a limit.",
  },
  "catalogue-time-format": {
    id: "Waktu harus tanggal-waktu ISO 8601 dengan zona waktu, misalnya 2026-05-04T09:00:00+07:00.",
    en: "The time must be an ISO 8601 date-time with its offset, e.g. 2026-05-04T09:00:00+07:00.",
  },
  "catalogue-time-out-of-range": { id: "Waktu harus antara tahun 2020 dan 2199.", en: "The time must be between the years 2020 and 2199." },
  "catalogue-ends-before-start": { id: "Waktu selesai harus sesudah waktu mulai.", en: "The end must be after the start." },
  "catalogue-search-long": { id: "Kata pencarian paling banyak 100 karakter.", en: "A search is at most 100 characters." },
  "catalogue-method": {
    id: 'Metode belajar harus "self-paced", "webinar" atau "offline".',
    en: 'The learning method must be "self-paced", "webinar" or "offline".',
  },
  "catalogue-page-size": {
    id: `Jumlah pelatihan per halaman harus bilangan bulat dari 1 sampai ${CATALOGUE_PAGE_MAX}.`,
    en: `Trainings per page must be a whole number from 1 to ${CATALOGUE_PAGE_MAX}.`,
  },
  "catalogue-cursor": {
    id: 'Halaman berikutnya dimulai dari nilai "next" halaman sebelumnya, persis seperti yang diterima.',
    en: 'The next page starts from the previous page\'s "next" value, exactly as it came.',
  },
} as const satisfies Record<string, { id: string; en: string }>;

/** Refusals only the partner API gives (the others it shares with the callables, in refusalMessages.ts). */
export const PARTNER_CATALOGUE_TEXT = {
  "not-own-training": {
    id: "Pelatihan ini milik lembaga pelatihan lain; Anda hanya dapat mengubah pelatihan Anda sendiri.",
    en: "This training belongs to another training institution; you can only change your own trainings.",
  },
} as const satisfies Record<string, { id: string; en: string }>;
