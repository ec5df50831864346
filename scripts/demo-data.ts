import type { PaymentPartnerDoc, ProgramYearDoc, TrainingDoc, TrainingPartnerDoc } from "../functions/src/schemas/documents.js";
import type { CreateWaveInput } from "../functions/src/schemas/waves.js";
import type { RoleClaims } from "../functions/src/domain/roles.js";

/** Demo data for the local stack. Figures follow the real program (see ../shared/DOMAIN.md). */

export const DEMO_PASSWORD = "prakerja-demo-2026";

export interface DemoAccount {
  uid: string;
  email: string;
  displayName: string;
  claims: RoleClaims | null;
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
];

/**
 * 2023 rules: Rp 3.5 million training balance, Rp 600,000 once plus two surveys; social aid no
 * longer excludes; 18 and older with no upper age limit, so no `maximumAge`. A program year under
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

export const trainingPartners: Record<string, TrainingPartnerDoc> = {
  "platform-belajar": { name: "Platform Belajar Digital", kind: "digital-platform", active: true },
  "kelas-kerja": { name: "Kelas Kerja Online", kind: "digital-platform", active: true },
  "lpk-nusantara": { name: "LPK Nusantara", kind: "institution", active: true },
};

export const trainings: Record<string, TrainingDoc> = {
  "pemasaran-digital": { partnerId: "platform-belajar", title: "Pemasaran Digital untuk UMKM", price: 750_000, mode: "online", category: "pemasaran" },
  "dasar-akuntansi": { partnerId: "platform-belajar", title: "Dasar Akuntansi Usaha Kecil", price: 500_000, mode: "online", category: "keuangan" },
  "barista-pemula": { partnerId: "lpk-nusantara", title: "Barista Pemula", price: 1_200_000, mode: "offline", category: "kuliner" },
  "desain-grafis": { partnerId: "kelas-kerja", title: "Desain Grafis dengan Aplikasi Gratis", price: 650_000, mode: "online", category: "kreatif" },
  "teknisi-ac": { partnerId: "lpk-nusantara", title: "Teknisi AC Rumah Tangga", price: 1_500_000, mode: "offline", category: "teknik" },
};

export const paymentPartners: Record<string, PaymentPartnerDoc> = {
  "bank-demo": { name: "Bank Demo", kind: "bank", active: true },
  "dompet-demo": { name: "Dompet Digital Demo", kind: "e-wallet", active: true },
};
