import type { NikDiscrepancy } from "../domain/nik.js";
import type { IdentityDocument, RejectionReason, VerificationState } from "../domain/verification.js";

/**
 * Texts of identity verification, Bahasa Indonesia first, English second. `{regency}` is the
 * office's regency as the answer names it (`verification.office.regency`, e.g. "Kabupaten
 * Bandung"): the web app fills it in, as it fills its own `{…}` places.
 */
type Text = { id: string; en: string };

/** Field messages of the verification inputs (decideVerificationInput, joinWaveOnBehalfInput). */
export const VERIFICATION_MESSAGES = {
  "verification-decision-required": { id: "Pilih hasil pencocokan: terverifikasi atau ditolak.", en: "Choose the outcome: verified or rejected." },
  "verification-ktp-required": {
    id: "Untuk memverifikasi, KTP asli harus sudah Anda lihat.",
    en: "To verify, you must have seen the original KTP.",
  },
  "verification-rejection-required": { id: "Pilih alasan penolakan.", en: "Choose why the case is rejected." },
  "verification-document-unknown": { id: "Pilih dokumen dari daftar.", en: "Choose the documents from the list." },
  "verification-queue-state": {
    id: 'Daftar yang diminta tidak ada. Pilih "needs-verification" (menunggu pencocokan) atau "rejected" (ditolak).',
    en: 'No such list. Choose "needs-verification" (waiting to be checked) or "rejected".',
  },
  "verification-page-size": {
    id: "Jumlah kasus per halaman harus bilangan bulat dari 1 sampai 50.",
    en: "The number of cases per page must be a whole number from 1 to 50.",
  },
  "verification-cursor": {
    id: 'Halaman berikutnya dimulai dari nilai "next" halaman sebelumnya, persis seperti yang diterima.',
    en: 'The next page starts from the previous page\'s "next" value, exactly as it came.',
  },
  "join-consent-required": {
    id: "Tanyakan dulu apakah orang ini setuju diikutkan gelombang, lalu centang persetujuannya.",
    en: "Ask the person whether they agree to join the wave first, then tick their consent.",
  },
} as const satisfies Record<string, Text>;

/** Why a registration waits for verification: which digits of the NIK differ from the KTP. */
export const DISCREPANCY_TEXT: Record<NikDiscrepancy, Text> = {
  "nik-birth-date-differs": {
    id: "Tanggal lahir di dalam NIK berbeda dengan tanggal lahir di KTP yang Anda isi.",
    en: "The birth date inside your NIK differs from the birth date on your KTP that you entered.",
  },
  "nik-sex-differs": {
    id: "Jenis kelamin di dalam NIK berbeda dengan yang tertulis di KTP yang Anda isi.",
    en: "The sex encoded in your NIK differs from the one on your KTP that you entered.",
  },
};

/** What each state of a case tells the person; `{regency}` names the office. */
export const VERIFICATION_STATE_TEXT: Record<VerificationState, Text> = {
  "needs-verification": {
    id: "Pendaftaran Anda diterima, tetapi data Anda perlu dicocokkan dulu. Bawa KTP dan Kartu Keluarga (KK) asli ke Dinas Tenaga Kerja (Disnaker) {regency}. Setelah dicocokkan, Anda bisa ikut gelombang.",
    en: "Your registration is accepted, but your details must be checked first. Bring your original KTP and family card (KK) to the labor office (Disnaker) of {regency}. Once checked, you can join a wave.",
  },
  verified: {
    id: "Data Anda sudah dicocokkan dengan KTP dan KK asli oleh Disnaker {regency}.",
    en: "Your details were checked against your original KTP and family card by the labor office (Disnaker) of {regency}.",
  },
  rejected: {
    id: "Disnaker {regency} belum bisa mencocokkan data Anda. Datang lagi dengan KTP dan Kartu Keluarga (KK) asli yang sesuai.",
    en: "The labor office (Disnaker) of {regency} could not confirm your details. Come again with your matching original KTP and family card (KK).",
  },
};

export const DOCUMENT_TEXT: Record<IdentityDocument, Text> = {
  ktp: { id: "KTP asli", en: "Original ID card (KTP)" },
  kk: { id: "Kartu Keluarga (KK) asli", en: "Original family card (KK)" },
  "birth-certificate": { id: "Akta kelahiran", en: "Birth certificate" },
  "dukcapil-letter": { id: "Surat keterangan Dukcapil", en: "Letter from the civil registry (Dukcapil)" },
};

export const REJECTION_TEXT: Record<RejectionReason, Text> = {
  "ktp-does-not-match": {
    id: "KTP tidak sesuai dengan data pendaftaran (tanggal lahir, jenis kelamin, atau NIK).",
    en: "The KTP does not match the registration (birth date, sex, or NIK).",
  },
  "kk-does-not-match": {
    id: "Kartu Keluarga tidak memuat NIK ini atau nomornya berbeda dengan yang didaftarkan.",
    en: "The family card does not list this NIK, or its number differs from the one registered.",
  },
  "not-the-card-holder": { id: "Yang datang bukan pemilik KTP.", en: "The person who came is not the KTP's holder." },
  "documents-not-original": {
    id: "Dokumen yang dibawa bukan asli atau tidak terbaca.",
    en: "The documents brought were not originals, or could not be read.",
  },
};
