import type { ProgramYearDoc } from "../functions/src/schemas/documents.js";
import { PAYMENT_PARTNERS } from "../functions/src/domain/payouts/partners.js";
import { initialPartnerState, type PaymentPartnerStateDoc } from "../functions/src/schemas/payouts.js";
import type { ScheduleDoc, TrainingDoc, TrainingPartnerDoc } from "../functions/src/schemas/training.js";
import { keywordsOf } from "../functions/src/domain/training/catalogue.js";
import type { CreateWaveInput } from "../functions/src/schemas/waves.js";
import type { RoleClaims } from "../functions/src/domain/roles.js";
import { PERSON_NAMES } from "./fixtures/names.js";

/** Demo data for the local stack. Figures follow the real program (see ../shared/DOMAIN.md). */

export const DEMO_PASSWORD = "prakerja-demo-2026";

export interface DemoAccount {
  uid: string;
  email: string;
  displayName: string;
  claims: RoleClaims | null;
  /** Registered (demoParticipantForm) and selected at seeding, as a draw's winner: the training-partner simulator sells them a training. */
  participant?: boolean;
}

export const demoAccounts: DemoAccount[] = [
  { uid: "demo-applicant", email: "pendaftar@demo.prakerja.test", displayName: "Pendaftar Demo", claims: null },
  {
    uid: "demo-operator-31",
    email: "operator.jakarta@demo.prakerja.test",
    displayName: "Operator Disnaker DKI Jakarta",
    claims: { role: "operator", region: "31" },
  },
  { uid: "demo-admin", email: "admin@demo.prakerja.test", displayName: "Manajemen Pelaksana", claims: { role: "admin" } },
  { uid: "demo-auditor", email: "auditor@demo.prakerja.test", displayName: "Auditor", claims: { role: "auditor" } },
  { uid: "demo-participant", email: "peserta@demo.prakerja.test", displayName: "Peserta Demo", claims: null, participant: true },
];

/** What the demo participant registered with (a made-up person; NIK and KK of Jakarta Pusat, born 17 August 1994). */
export const demoParticipantForm = {
  nik: "3171015708940001",
  kk: "3171010101200001",
  fullName: PERSON_NAMES.demoParticipant,
  birthDate: "1994-08-17",
  sex: "female",
  phone: "081200001994",
  provinceCode: "31",
  regencyCode: "3171",
  districtCode: "317101",
  inFormalEducation: false,
  occupation: "laid-off",
  receivesSocialAid: false,
  consent: true,
};

/**
 * 2023 rules: Rp 3.5 million training balance, Rp 600,000 once plus two surveys; trainings of at
 * least 15 hours; social aid no longer excludes; 18 and older with no upper age limit, so no `maximumAge`. A program year under
 * the 2024 criteria ("WNI berusia 18-64 tahun", as published for wave 64 in March 2024) would set
 * `maximumAge: 64`.
 */
export const programYear: ProgramYearDoc = {
  year: 2026,
  trainingBalance: 3_500_000,
  incentive: { amountPerInstallment: 600_000, installments: 1, surveyAmount: 50_000, surveys: 2 },
  firstPurchaseDays: 30,
  familyLimit: 2,
  socialAidExcludes: false,
  repaymentDays: 60,
  minimumTrainingHours: 15,
};

const DAY = 24 * 60 * 60 * 1000;

/** Wave 1 of the year: open since yesterday, closing in two weeks, quota as in wave 48 (2023). */
export function openWave(now: Date): CreateWaveInput {
  return {
    number: 1,
    programYear: programYear.year,
    opensAt: new Date(now.getTime() - DAY).toISOString(),
    closesAt: new Date(now.getTime() + 14 * DAY).toISOString(),
    quota: 10_000,
    strata: { kind: "none" },
  };
}

const partner = (name: string, kind: TrainingPartnerDoc["kind"], legalName: string, at: Date): TrainingPartnerDoc => ({
  name,
  kind,
  legalName,
  registrationNumber: `9120${String(legalName.length).padStart(9, "0")}`,
  contact: { name: "Kontak Kemitraan", email: `kemitraan@${name.toLowerCase().replace(/[^a-z]+/g, "-")}.demo.prakerja.test`, phone: "+6221000000" },
  status: "active",
  settlementsFrozen: false,
  // Generous for a demo whose tests sign as these partners from several files at once; production partners get their own.
  callsPerMinute: 3000,
  createdAt: at,
  updatedAt: at,
});

/** Two digital platforms that sell trainings and two institutions that deliver them (client code → partner). */
export function trainingPartners(at: Date): Record<string, TrainingPartnerDoc> {
  return {
    "platform-belajar": partner("Platform Belajar Digital", "digital-platform", "PT Platform Belajar Digital", at),
    "kelas-kerja": partner("Kelas Kerja Online", "digital-platform", "PT Kelas Kerja Indonesia", at),
    "lpk-nusantara": partner("LPK Nusantara", "institution", "Yayasan LPK Nusantara", at),
    "akademi-digital": partner("Akademi Digital Indonesia", "institution", "PT Akademi Digital Indonesia", at),
  };
}

const training = (
  courseCode: string,
  fields: Omit<TrainingDoc, "courseCode" | "keywords" | "version" | "updatedAt" | "status" | "description"> & { description?: string },
  at: Date,
): TrainingDoc => ({ courseCode, description: "", status: "listed", version: 1, updatedAt: at, keywords: keywordsOf(fields), ...fields });

/** Five trainings; prices and hours within the 2023 rules (Rp 3.5 million balance, at least 15 hours). */
export function trainings(at: Date): Record<string, TrainingDoc> {
  const digital = { institutionCode: "akademi-digital", institutionName: "Akademi Digital Indonesia", platformCodes: ["platform-belajar", "kelas-kerja"] };
  const lpk = { institutionCode: "lpk-nusantara", institutionName: "LPK Nusantara", platformCodes: ["platform-belajar"] };
  return {
    "PMD-001": training(
      "PMD-001",
      { ...digital, title: "Pemasaran Digital untuk UMKM", price: 750_000, hours: 16, method: "self-paced", category: "Pemasaran" },
      at,
    ),
    "AKT-002": training(
      "AKT-002",
      { ...digital, title: "Dasar Akuntansi Usaha Kecil", price: 500_000, hours: 15, method: "webinar", category: "Keuangan" },
      at,
    ),
    "DSG-003": training(
      "DSG-003",
      { ...digital, title: "Desain Grafis dengan Aplikasi Gratis", price: 650_000, hours: 18, method: "self-paced", category: "Kreatif" },
      at,
    ),
    "BRS-004": training(
      "BRS-004",
      { ...lpk, title: "Barista Pemula", price: 1_200_000, hours: 24, method: "offline", category: "Kuliner", provinceCode: "31" },
      at,
    ),
    "TAC-005": training(
      "TAC-005",
      { ...lpk, title: "Teknisi AC Rumah Tangga", price: 1_500_000, hours: 32, method: "offline", category: "Teknik", provinceCode: "31" },
      at,
    ),
  };
}

/** One schedule per training, starting in ten days; self-paced ones without a seat limit. */
export function schedules(now: Date): Record<string, ScheduleDoc> {
  const start = new Date(now.getTime() + 10 * DAY);
  const end = new Date(now.getTime() + 40 * DAY);
  const of = (courseCode: string, capacity: number | null): ScheduleDoc => ({
    scheduleCode: `${courseCode}-J1`,
    courseCode,
    startsAt: start,
    endsAt: end,
    capacity,
    booked: 0,
  });
  return Object.fromEntries(
    [of("PMD-001", null), of("AKT-002", 300), of("DSG-003", null), of("BRS-004", 20), of("TAC-005", 15)].map((schedule) => [schedule.scheduleCode, schedule]),
  );
}

/**
 * Where the demo participant is paid: the payment-partner simulator's seeded Bank Nusantara account
 * in her name (scripts/payments/accounts.ts), linked at seeding through linkPayoutAccount.
 */
export const demoPayoutAccount = { partner: "bank-nusantara", channel: "bank", institution: "009", accountNumber: "3456789012" } as const;

/** The payment partners (functions/src/domain/payouts/partners.ts) as the program office runs them: none paused. */
export const paymentPartners: Record<string, PaymentPartnerStateDoc> = Object.fromEntries(
  PAYMENT_PARTNERS.map((partner) => [partner.code, initialPartnerState(partner)]),
);
