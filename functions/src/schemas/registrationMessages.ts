import type { Occupation, ReasonCode } from "../domain/eligibility.js";

/**
 * Texts for registration, Bahasa Indonesia first, English second, in the shape of MESSAGES
 * (to be merged into it). Written for an applicant reading on a small phone: short sentences,
 * everyday words, and what to do next.
 */
type Text = { id: string; en: string };

/** Field messages of registerInput, and the NIK/KK refusals of parseNik and parseKk. */
export const REGISTRATION_MESSAGES = {
  "nik-format": { id: "NIK harus 16 angka, sesuai KTP.", en: "The NIK must be 16 digits, as on your ID card (KTP)." },
  "nik-region-unknown": {
    id: "Kode wilayah di awal NIK tidak dikenal. Periksa lagi NIK Anda.",
    en: "The region code at the start of the NIK is not known. Please check your NIK.",
  },
  "nik-birth-date-invalid": {
    id: "Tanggal lahir di dalam NIK tidak benar. Periksa lagi NIK Anda.",
    en: "The birth date inside the NIK is not valid. Please check your NIK.",
  },
  "nik-serial-zero": { id: "NIK tidak benar. Periksa lagi 4 angka terakhir.", en: "The NIK is not valid. Please check the last 4 digits." },
  "kk-format": { id: "Nomor KK harus 16 angka, sesuai Kartu Keluarga.", en: "The family card (KK) number must be 16 digits." },
  "kk-equals-nik": {
    id: "Nomor KK tidak sama dengan NIK. Lihat nomor di bagian atas Kartu Keluarga Anda.",
    en: "The family card (KK) number is not your NIK. Use the number at the top of your family card.",
  },
  "kk-region-unknown": {
    id: "Kode wilayah di awal nomor KK tidak dikenal. Periksa lagi nomor KK Anda.",
    en: "The region code at the start of the KK number is not known. Please check it.",
  },
  "name-required": { id: "Nama lengkap wajib diisi.", en: "Please enter your full name." },
  "name-length": { id: "Nama lengkap harus 2 sampai 100 huruf.", en: "The full name must be 2 to 100 characters." },
  "name-characters": {
    id: "Nama hanya boleh berisi huruf, spasi, titik, tanda petik ('), dan tanda hubung (-).",
    en: "The name may only have letters, spaces, dots, apostrophes (') and hyphens (-).",
  },
  "birth-date-format": { id: "Isi tanggal lahir (tanggal, bulan, tahun).", en: "Please enter your date of birth (day, month, year)." },
  "birth-date-invalid": { id: "Tanggal lahir tidak ada di kalender. Periksa lagi.", en: "That date of birth does not exist. Please check it." },
  "birth-date-future": { id: "Tanggal lahir tidak boleh setelah hari ini. Periksa lagi.", en: "The date of birth cannot be after today. Please check it." },
  "sex-required": { id: "Pilih jenis kelamin.", en: "Please choose your sex." },
  "phone-format": {
    id: "Nomor HP harus dimulai 08 atau +628, panjang 10 sampai 13 angka.",
    en: "The mobile number must start with 08 or +628 and have 10 to 13 digits.",
  },
  "province-format": { id: "Pilih provinsi.", en: "Please choose a province." },
  "regency-format": { id: "Pilih kabupaten/kota.", en: "Please choose a regency or city." },
  "district-format": { id: "Pilih kecamatan.", en: "Please choose a district (kecamatan)." },
  "regency-not-in-province": {
    id: "Kabupaten/kota ini tidak ada di provinsi yang dipilih.",
    en: "This regency or city is not in the chosen province.",
  },
  "district-not-in-regency": { id: "Kecamatan ini tidak ada di kabupaten/kota yang dipilih.", en: "This district is not in the chosen regency or city." },
  "district-unknown": { id: "Kecamatan tidak dikenal. Pilih dari daftar.", en: "Unknown district. Please choose one from the list." },
  "choose-yes-or-no": { id: "Pilih Ya atau Tidak.", en: "Please choose Yes or No." },
  "occupation-required": { id: "Pilih pekerjaan Anda dari daftar.", en: "Please choose your job from the list." },
  "consent-required": {
    id: "Anda harus menyetujui penggunaan data Anda untuk program ini agar bisa mendaftar.",
    en: "You must agree to the use of your data for this program to register.",
  },
} as const satisfies Record<string, Text>;

export type RegistrationMessageKey = keyof typeof REGISTRATION_MESSAGES;

/** Why someone is not eligible, as shown to them. */
export const REASON_TEXT: Record<ReasonCode, Text> = {
  "identity-not-verified": {
    id: "Data NIK Anda belum dicocokkan dengan KTP dan KK asli di Disnaker. Sebelum itu Anda belum bisa ikut gelombang.",
    en: "Your NIK has not yet been checked against your original KTP and family card (KK) at the labor office (Disnaker). Until then you cannot join a wave.",
  },
  "under-age": { id: "Umur Anda belum cukup. Umur minimal 18 tahun.", en: "You are not old enough. The minimum age is 18." },
  "over-age": {
    id: "Umur Anda melebihi batas umur program tahun ini.",
    en: "You are above this program year's age limit.",
  },
  "in-formal-education": {
    id: "Anda masih sekolah atau kuliah. Program ini untuk yang tidak sedang sekolah atau kuliah.",
    en: "You are still at school or university. This program is for people who are not.",
  },
  "excluded-occupation": {
    id: "Pekerjaan Anda tidak boleh ikut program ini (PNS/ASN, TNI, Polri, pejabat negara, anggota DPRD, kepala/perangkat desa, atau direksi/komisaris/pengawas BUMN/BUMD).",
    en: "Your job cannot join this program (civil servant, soldier, police, state official, DPRD member, village head or official, or BUMN/BUMD director, commissioner or supervisor).",
  },
  "receives-social-aid": {
    id: "Anda sedang menerima bantuan sosial (bansos) lain. Tahun ini penerima bansos lain tidak bisa ikut.",
    en: "You already receive other social aid. This year, people who do cannot join.",
  },
  "on-exclusion-list": {
    id: "Data pemerintah mencatat Anda tidak bisa ikut (misalnya sebagai PNS, TNI, Polri, pejabat, pelajar/mahasiswa, atau penerima bansos). Jika data itu salah, minta instansi yang mencatatnya untuk memperbaiki.",
    en: "Government records list you as someone who cannot join (for example as a civil servant, soldier, police, official, student or aid recipient). If that is wrong, ask the office that keeps the record to correct it.",
  },
  "family-limit-reached": {
    id: "Jumlah penerima dari Kartu Keluarga (KK) Anda sudah penuh.",
    en: "Your family card (KK) already has the most recipients allowed.",
  },
  blocked: {
    id: "Anda tidak bisa mendaftar lagi: kepesertaan Anda pernah dicabut, atau Anda sudah pernah menerima program ini.",
    en: "You cannot register again: your place was revoked before, or you already received this program.",
  },
  "already-participant": { id: "Anda sudah menjadi peserta program ini.", en: "You are already a participant in this program." },
};

/**
 * The same reasons as REASON_TEXT, for an operator's screen at the labor office: they read about
 * the person in front of them, so the texts speak of "this person", not "you".
 */
export const OPERATOR_REASON_TEXT: Record<ReasonCode, Text> = {
  "identity-not-verified": {
    id: "NIK orang ini belum dicocokkan dengan KTP dan KK asli. Sebelum diverifikasi, ia belum bisa ikut gelombang.",
    en: "This person's NIK has not yet been checked against their original KTP and family card (KK). Until verified, they cannot join a wave.",
  },
  "under-age": { id: "Orang ini belum berumur 18 tahun.", en: "This person is under 18." },
  "over-age": { id: "Umur orang ini melebihi batas umur program tahun ini.", en: "This person is above this program year's age limit." },
  "in-formal-education": {
    id: "Orang ini masih sekolah atau kuliah.",
    en: "This person is still at school or university.",
  },
  "excluded-occupation": {
    id: "Pekerjaan yang dinyatakan orang ini tidak boleh ikut program (PNS/ASN, TNI, Polri, pejabat negara, anggota DPRD, kepala/perangkat desa, atau direksi/komisaris/pengawas BUMN/BUMD).",
    en: "The job this person declared cannot join the program (civil servant, soldier, police, state official, DPRD member, village head or official, or BUMN/BUMD director, commissioner or supervisor).",
  },
  "receives-social-aid": {
    id: "Orang ini menyatakan sedang menerima bansos lain; tahun ini penerima bansos lain tidak bisa ikut.",
    en: "This person declared receiving other social aid; this year, aid recipients cannot join.",
  },
  "on-exclusion-list": {
    id: "NIK orang ini ada di daftar pengecualian pemerintah. Jika data itu salah, instansi yang mencatatnya harus memperbaikinya.",
    en: "This person's NIK is on a government exclusion list. If that is wrong, the office that keeps the record must correct it.",
  },
  "family-limit-reached": {
    id: "Kartu Keluarga (KK) orang ini sudah mencapai jumlah penerima maksimum.",
    en: "This person's family card (KK) already has the most recipients allowed.",
  },
  blocked: {
    id: "Orang ini tidak bisa ikut lagi: kepesertaannya pernah dicabut, atau ia sudah pernah menerima program ini.",
    en: "This person cannot join again: their place was revoked before, or they already received this program.",
  },
  "already-participant": { id: "Orang ini sudah menjadi peserta program.", en: "This person is already a participant in the program." },
};

/** Labels of the occupation choices on the form. */
export const OCCUPATION_TEXT: Record<Occupation, Text> = {
  unemployed: { id: "Belum/tidak bekerja", en: "Not working" },
  "private-employee": { id: "Karyawan swasta", en: "Private-sector employee" },
  "self-employed": { id: "Wiraswasta/usaha sendiri", en: "Self-employed" },
  "laid-off": { id: "Korban PHK", en: "Laid off" },
  "informal-worker": { id: "Pekerja lepas/informal", en: "Informal or casual worker" },
  "farmer-fisher": { id: "Petani/nelayan", en: "Farmer or fisher" },
  other: { id: "Lainnya", en: "Other" },
  "civil-servant": { id: "PNS/ASN", en: "Civil servant (ASN/PNS)" },
  military: { id: "TNI", en: "Armed forces (TNI)" },
  police: { id: "Polri", en: "Police (Polri)" },
  "state-official": { id: "Pejabat negara", en: "State official" },
  "regional-parliament": { id: "Anggota/pimpinan DPRD", en: "Member or leader of a regional parliament (DPRD)" },
  "village-official": { id: "Kepala desa/perangkat desa", en: "Village head or village official" },
  "state-enterprise-executive": {
    id: "Direksi/komisaris/dewan pengawas BUMN/BUMD",
    en: "Director, commissioner or supervisor of a state- or region-owned enterprise (BUMN/BUMD)",
  },
};
