import { type z } from "zod";
import { en, id } from "zod/locales";
import { CATALOGUE_MESSAGES } from "./catalogue.js";
import { DESK_MESSAGES } from "./desk.js";
import { ID_MESSAGES } from "./ids.js";
import { MY_TRAINING_MESSAGES } from "./myTraining.js";
import { SETTLEMENT_MESSAGES } from "./settlement.js";
import { PARTNER_API_MESSAGES } from "./partnerApi.js";
import { PARTNER_MESSAGES } from "./partners.js";
import { PAYOUT_MESSAGES } from "./payoutViews.js";
import { PERSONAL_DATA_MESSAGES } from "./personalAccess.js";
import { REFUSAL_TEXT } from "./refusalMessages.js";
import { REGISTRATION_MESSAGES } from "./registrationMessages.js";
import { VERIFICATION_MESSAGES } from "./verificationMessages.js";
import { REGISTRANT_MESSAGES } from "./registrants.js";

/**
 * Field messages in Bahasa Indonesia (first) and English. A schema refers to a
 * message by its key (`{ message: "region-format" }`); issues without a key are
 * worded by zod's own Indonesian and English locales. Used by the functions'
 * edge and by the web form, so both say exactly the same thing. The callables' refusals are here
 * too: the edge sends a refusal about one field with its text, as it does a schema's message.
 */
export const MESSAGES = {
  ...REGISTRATION_MESSAGES,
  ...REFUSAL_TEXT,
  ...VERIFICATION_MESSAGES,
  ...ID_MESSAGES,
  ...PARTNER_MESSAGES,
  ...CATALOGUE_MESSAGES,
  ...PARTNER_API_MESSAGES,
  ...MY_TRAINING_MESSAGES,
  ...SETTLEMENT_MESSAGES,
  ...PAYOUT_MESSAGES,
  ...DESK_MESSAGES,
  ...REGISTRANT_MESSAGES,
  ...PERSONAL_DATA_MESSAGES,
  "input-shape": {
    id: "Isian tidak dapat dibaca: susunannya terlalu dalam, terlalu banyak, atau memakai kunci yang dicadangkan.",
    en: "The input cannot be read: it is nested too deep, has too many values, or uses a reserved key.",
  },
  "wave-time-out-of-range": {
    id: "Waktu harus antara tahun 2020 dan 2199.",
    en: "The time must be between the years 2020 and 2199.",
  },
  "closes-before-opening": {
    id: "Waktu tutup harus sesudah waktu buka.",
    en: "The closing time must be after the opening time.",
  },
  "region-format": {
    id: "Kode wilayah harus 2 digit (provinsi) atau 4 digit (kabupaten/kota).",
    en: "Region code must be 2 digits (province) or 4 digits (regency/city).",
  },
  "region-required-for-operator": {
    id: "Operator wajib memiliki kode wilayah.",
    en: "An operator needs a region code.",
  },
  "partner-required-for-partner-staff": {
    id: "Staf mitra wajib memiliki kode mitra (client code).",
    en: "Partner staff need their partner's client code.",
  },
  "partner-only-for-partner-staff": {
    id: "Kode mitra hanya untuk peran staf mitra.",
    en: "A partner code is only for the partner staff role.",
  },
  "region-only-for-operator": {
    id: "Kode wilayah hanya untuk peran operator.",
    en: "A region code is only for the operator role.",
  },
  // The share's field, by what was found (the value itself is not echoed, as no field's is).
  "priority-share-missing": {
    id: "Bagian kursi daftar prioritas belum diisi: tulis persennya, 0,01 sampai 100 (di API: basisPoints, 1–10.000).",
    en: "The priority list's share of seats is empty: write its percentage, 0.01 to 100 (in the API: basisPoints, 1–10,000).",
  },
  "priority-share-not-a-number": {
    id: "Bagian kursi daftar prioritas bukan angka yang bisa dibaca: tulis persen dengan paling banyak dua angka desimal, misalnya 12,5 (di API: basisPoints, bilangan bulat 1–10.000).",
    en: "The priority list's share of seats is not a number that can be read: write a percentage with at most two decimals, e.g. 12.5 (in the API: basisPoints, a whole number 1–10,000).",
  },
  "priority-share-not-whole": {
    id: "Bagian kursi daftar prioritas berupa pecahan basis poin: basisPoints harus bilangan bulat (paling banyak dua angka desimal dalam persen).",
    en: "The priority list's share of seats is a fraction of a basis point: basisPoints must be whole (at most two decimals in percent).",
  },
  "priority-share-too-small": {
    id: "Bagian kursi daftar prioritas 0 atau kurang: paling sedikit 0,01% (1 basis poin).",
    en: "The priority list's share of seats is 0 or less: it must be at least 0.01% (1 basis point).",
  },
  "priority-share-too-big": {
    id: "Bagian kursi daftar prioritas lebih dari seluruh kuota: paling banyak 100% (10.000 basis poin).",
    en: "The priority list's share of seats is more than the whole quota: it can be at most 100% (10,000 basis points).",
  },
} as const satisfies Record<string, { id: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;
export type Lang = "id" | "en";

export interface FieldError {
  /** Dotted path of the field, "" for the whole input. */
  field: string;
  code: string;
  message: { id: string; en: string };
}

const localeId = id().localeError;
const localeEn = en().localeError;

function isMessageKey(text: string): text is MessageKey {
  return Object.hasOwn(MESSAGES, text);
}

function localised(issue: z.core.$ZodIssue, locale: typeof localeId): string {
  const worded = locale(issue as unknown as z.core.$ZodRawIssue);
  if (typeof worded === "string") return worded;
  return worded?.message ?? issue.message;
}

/** One entry per failing field, each worded in both languages. Never echoes the input. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const all = error.issues.map((issue) => ({
    field: issue.path.map(String).join("."),
    code: issue.code,
    message: isMessageKey(issue.message) ? { ...MESSAGES[issue.message] } : { id: localised(issue, localeId), en: localised(issue, localeEn) },
  }));
  // Two checks of one field often fail together with the same words: say it once.
  return all.filter((entry, i) => all.findIndex((other) => other.field === entry.field && other.message.en === entry.message.en) === i);
}
