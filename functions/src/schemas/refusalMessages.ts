import type { Refusal } from "./contract.js";
import { REASON_TEXT, REGISTRATION_MESSAGES } from "./registrationMessages.js";

type Text = { id: string; en: string };

/**
 * What each refusal of each callable says, Bahasa Indonesia first, English second: the one
 * wording the functions send and the web app shows. A reason means the same in every callable
 * that gives it, so it has one text. Keyed by the contract's union: a refusal without its text
 * fails the type check.
 */
export const REFUSAL_TEXT: Record<Refusal, Text> = {
  // Registration: the NIK and KK checks read as the form's own field messages.
  "nik-format": REGISTRATION_MESSAGES["nik-format"],
  "nik-region-unknown": REGISTRATION_MESSAGES["nik-region-unknown"],
  "nik-birth-date-invalid": REGISTRATION_MESSAGES["nik-birth-date-invalid"],
  "nik-serial-zero": REGISTRATION_MESSAGES["nik-serial-zero"],
  "kk-format": REGISTRATION_MESSAGES["kk-format"],
  "kk-equals-nik": REGISTRATION_MESSAGES["kk-equals-nik"],
  "kk-region-unknown": REGISTRATION_MESSAGES["kk-region-unknown"],
  "nik-registered": {
    id: "NIK ini sudah terdaftar. Jika ini NIK Anda dan Anda belum pernah mendaftar, hubungi Disnaker setempat.",
    en: "This NIK is already registered. If it is yours and you never registered, contact your local labor office (Disnaker).",
  },
  "account-registered": {
    id: "Akun ini sudah dipakai untuk mendaftar dengan NIK lain. Satu akun hanya untuk satu NIK.",
    en: "This account has already registered another NIK. One account is for one NIK only.",
  },
  "program-year-not-configured": {
    id: "Ketentuan tahun program ini belum diterbitkan, jadi ini belum bisa dilakukan. Coba lagi nanti.",
    en: "This program year's rules have not been published yet, so this cannot be done now. Please try again later.",
  },
  "too-many-attempts": {
    id: "Terlalu banyak percobaan pendaftaran yang gagal dari akun ini hari ini. Coba lagi besok, atau minta bantuan Disnaker setempat.",
    en: "Too many failed registration attempts from this account today. Try again tomorrow, or ask your local labor office (Disnaker) for help.",
  },
  "daily-limit-reached": {
    id: "Batas pendaftaran dibantu untuk hari ini sudah tercapai. Coba lagi besok.",
    en: "Today's limit of assisted registrations is reached. Try again tomorrow.",
  },
  "not-operator": {
    id: "Hanya operator Disnaker yang dapat mendaftarkan orang lain.",
    en: "Only labor office (Disnaker) operators can register other people.",
  },
  "outside-region": {
    id: "Kecamatan ini di luar wilayah Anda. Orang ini perlu didaftarkan oleh operator wilayahnya.",
    en: "This district is outside your region. This person must be registered by an operator of their region.",
  },

  // Status and waves. Eligibility is checked again on joining: its reasons read as on the eligibility card.
  "not-registered": { id: "Anda belum mendaftar. Isi formulir pendaftaran dulu.", en: "You have not registered yet. Fill in the registration form first." },
  "wave-not-open": {
    id: "Gelombang ini sudah ditutup atau belum dibuka. Muat ulang halaman untuk melihat gelombang yang sedang dibuka.",
    en: "This wave has closed or is not open yet. Reload the page to see the wave that is open.",
  },
  "not-eligible": {
    id: "Anda belum memenuhi syarat program, jadi belum bisa ikut gelombang.",
    en: "You do not meet the program's requirements yet, so you cannot join a wave.",
  },
  ...REASON_TEXT,

  // Operators at the desk: joining a wave for a person, and the identity verification queue.
  "person-not-registered": {
    id: "Orang ini belum terdaftar. Daftarkan dulu lewat pendaftaran dibantu.",
    en: "This person has not registered. Register them first (assisted registration).",
  },
  "person-outside-region": {
    id: "Orang ini tinggal di luar wilayah Anda. Ia perlu dilayani operator Disnaker wilayahnya.",
    en: "This person lives outside your region. An operator of their region's labor office (Disnaker) must serve them.",
  },
  "not-operator-or-admin": {
    id: "Hanya operator Disnaker atau admin program yang dapat melakukan ini.",
    en: "Only labor office (Disnaker) operators and program admins can do this.",
  },
  "region-outside-scope": {
    id: "Wilayah itu di luar wilayah tugas Anda. Pilih provinsi atau kabupaten/kota di wilayah Anda.",
    en: "That region is outside yours. Choose a province or regency within your region.",
  },
  "case-not-found": {
    id: "Tidak ada data yang perlu dicocokkan untuk orang ini. Muat ulang daftar.",
    en: "There is no verification case for this person. Reload the list.",
  },
  "own-case": { id: "Anda tidak dapat memverifikasi data Anda sendiri.", en: "You cannot verify your own registration." },
  "already-verified": {
    id: "Data orang ini sudah diverifikasi sebelumnya; keputusan itu tidak dapat diubah.",
    en: "This person was verified already; that decision cannot be changed.",
  },

  // Program office: roles, exclusion lists, waves.
  "not-admin": { id: "Hanya admin program yang dapat melakukan ini.", en: "Only program admins can do this." },
  "region-unknown": {
    id: "Kode wilayah “{region}” bukan provinsi atau kabupaten/kota yang ada. Pilih wilayah dari daftar resmi.",
    en: "The region code “{region}” is not an existing province or regency/city. Pick the region from the official list.",
  },
  "no-such-account": { id: "Akun itu tidak ada (lagi).", en: "That account does not exist (any more)." },
  "no-role-to-revoke": {
    id: "Akun itu tidak punya peran untuk dicabut: ia sudah pendaftar biasa.",
    en: "That account has no role to revoke: it is a plain applicant already.",
  },
  "own-role": { id: "Anda tidak dapat mengubah peran akun Anda sendiri.", en: "You cannot change your own account's role." },
  "unknown-account": { id: "Tidak ada akun dengan email tersebut.", en: "There is no account with that email." },
  "request-id-reused": {
    id: "Permintaan ini bentrok dengan permintaan sebelumnya. Kirim ulang formulir.",
    en: "This request clashes with an earlier one. Submit the form again.",
  },
  "not-admin-or-auditor": { id: "Hanya admin atau auditor program yang dapat melihat ini.", en: "Only program admins and auditors can see this." },
  "version-not-found": { id: "Versi daftar itu tidak ada.", en: "That version of the list does not exist." },
  "version-not-completed": {
    id: "Impor versi daftar itu belum selesai atau gagal, jadi belum bisa dibandingkan.",
    en: "That version of the list has not finished importing (or failed), so it cannot be compared.",
  },
  "imports-overlapped": {
    id: "Kedua versi ini diimpor pada waktu yang bersamaan, jadi perbedaannya tidak bisa dihitung dengan tepat.",
    en: "These two versions were imported at the same time, so their difference cannot be counted exactly.",
  },
  "wave-exists": { id: "Gelombang dengan nomor ini sudah ada di tahun program ini.", en: "A wave with this number already exists in this program year." },
  // A wave's priority list (domain/priority.ts): it must exist and have a completed import, whose version the wave records.
  "priority-list-unknown": { id: "Daftar prioritas {listId} tidak ada.", en: "There is no priority list {listId}." },
  "priority-list-not-imported": {
    id: "Daftar prioritas {listId} belum pernah selesai diimpor, jadi belum bisa dipakai untuk gelombang.",
    en: "Priority list {listId} has no completed import yet, so no wave can use it.",
  },
  // One pool for every wave (domain/wave.ts poolClash): the other wave and its times in Jakarta time come in the details.
  "wave-overlaps": {
    id: "Waktu gelombang ini bertabrakan dengan gelombang {waveId} (dibuka {opensAt}, ditutup {closesAt}). Hanya satu gelombang boleh dibuka pada satu waktu, dan gelombang berikutnya baru boleh dibuka paling cepat 1 jam setelah gelombang sebelumnya ditutup.",
    en: "This wave's time clashes with wave {waveId} (open {opensAt} to {closesAt}). Only one wave may be open at a time, and the next wave may open no sooner than 1 hour after the previous one closes.",
  },
  "wave-draw-pending": {
    id: "Gelombang {waveId} (ditutup {closesAt}) baru diundi setelah {drawAt}. Gelombang ini harus ditutup paling cepat 1 jam setelah itu, agar pemenang gelombang {waveId} sudah keluar dari pool.",
    en: "Wave {waveId} (closing {closesAt}) is drawn only after {drawAt}. This wave must close no sooner than 1 hour after that, so that wave {waveId}'s winners have left the pool.",
  },
  "closes-in-the-past": {
    id: "Waktu tutup gelombang sudah lewat. Pilih waktu yang akan datang.",
    en: "The wave's closing time has passed. Choose a time in the future.",
  },
  "quota-invalid": {
    id: "Kuota harus bilangan bulat lebih dari nol, dalam batas yang diizinkan.",
    en: "The quota must be a whole number above zero, within the allowed maximum.",
  },
  "family-limit-invalid": {
    id: "Batas penerima per Kartu Keluarga dalam ketentuan tahun program ini tidak benar.",
    en: "The limit of recipients per family card in this program year's rules is not valid.",
  },
  "stratum-code-invalid": { id: "Ada kode wilayah strata yang tidak benar.", en: "A stratum's region code is not valid." },
  "shares-exceed-whole": { id: "Jumlah bagian strata lebih dari 100%.", en: "The strata's shares add up to more than the whole (100%)." },
  "counts-exceed-quota": { id: "Jumlah kursi strata lebih dari kuota gelombang.", en: "The strata's seats add up to more than the wave's quota." },
  "priority-share-invalid": {
    id: "Bagian kursi daftar prioritas harus antara 0,01% dan 100% (1–10.000 basis poin).",
    en: "The priority list's share of seats must be between 0.01% and 100% (1–10,000 basis points).",
  },

  // The training catalogue: partners, trainings and schedules (the program office; trainings and schedules also over the partner API).
  "partner-kind-fixed": {
    id: "Jenis mitra tidak dapat diubah setelah terdaftar. Daftarkan mitra dengan kode baru.",
    en: "A partner's kind cannot change once onboarded. Onboard the partner under a new code.",
  },
  "institution-not-onboarded": {
    id: "Lembaga pelatihan ini belum terdaftar sebagai mitra aktif.",
    en: "This training institution is not an onboarded, active partner.",
  },
  "platform-not-onboarded": {
    id: "Ada platform digital yang belum terdaftar sebagai mitra aktif.",
    en: "A digital platform named is not an onboarded, active partner.",
  },
  "province-unknown": { id: "Kode provinsi ini bukan provinsi yang ada.", en: "This province code is not an existing province." },
  "hours-below-minimum": {
    id: "Jumlah jam pelatihan kurang dari batas minimum tahun program ini.",
    en: "The training has fewer hours than this program year's minimum.",
  },
  "version-conflict": {
    id: "Pelatihan ini sudah diubah orang lain sejak Anda membukanya. Muat ulang, lalu ulangi perubahan Anda.",
    en: "Someone changed this training since you opened it. Reload it, then make your change again.",
  },
  "training-not-found": { id: "Tidak ada pelatihan dengan kode ini.", en: "There is no training with this code." },
  "schedule-course-fixed": {
    id: "Jadwal ini sudah terdaftar untuk pelatihan lain; kode jadwal tidak dapat dipindahkan.",
    en: "This schedule belongs to another training already; a schedule code cannot move.",
  },
  "capacity-below-booked": {
    id: "Kuota tidak boleh lebih kecil dari kursi yang sudah terisi.",
    en: "The quota cannot be below the seats already taken.",
  },

  // The participant's own training.
  "not-participant": {
    id: "Anda belum menjadi peserta: pelatihan dan insentif dimulai setelah Anda lolos seleksi gelombang.",
    en: "You are not a participant: trainings and incentives start once you are selected in a wave.",
  },
  "partner-unknown": {
    id: "Tidak ada mitra aktif dengan kode ini. Daftarkan mitranya dulu (savePartner).",
    en: "There is no active partner with this code. Onboard the partner first (savePartner).",
  },
  "partner-delisted": {
    id: "Mitra ini sudah dikeluarkan dari program; stafnya tidak lagi dapat melihat datanya.",
    en: "This partner was de-listed from the program; its staff can no longer see its records.",
  },
  "partner-not-found": { id: "Tidak ada mitra (pelatihan atau pembayaran) dengan kode ini.", en: "There is no partner (training or payment) with this code." },
  "purchase-not-found": {
    id: "Permintaan pembelian ini sudah tidak menunggu kode: sudah dipakai, kedaluwarsa, atau bukan milik Anda.",
    en: "This purchase request is no longer waiting for a code: it was used, it expired, or it is not yours.",
  },
  "participant-revoked": {
    id: "Kepesertaan Anda dicabut karena tidak ada pelatihan yang dibeli sebelum batas waktu. Sisa saldo pelatihan dikembalikan ke negara; riwayatnya ada di halaman Status.",
    en: "Your participation was revoked because no training was bought before the deadline. The unspent training balance went back to the state; the history is on your Status page.",
  },
  "voucher-not-found": { id: "Pelatihan ini tidak ada di daftar pelatihan Anda.", en: "This training is not among yours." },
  "voucher-not-cancellable": {
    id: "Pembelian ini tidak bisa dibatalkan lagi: kodenya sudah dipakai, sudah dibatalkan, atau sudah dilaporkan.",
    en: "This purchase can no longer be cancelled: its code was used, it was cancelled, or it was reported.",
  },
  "cooling-off-over": {
    id: 'Batas waktu pembatalan (24 jam setelah pembelian) sudah lewat. Jika Anda tidak membeli pelatihan ini, pilih "Saya tidak membeli ini".',
    en: 'The cancellation window (24 hours after buying) has passed. If you did not buy this training, choose "I did not buy this".',
  },
  "schedule-started": {
    id: "Pelatihan ini sudah dimulai, jadi pembelian tidak bisa dibatalkan.",
    en: "This training has started, so the purchase cannot be cancelled.",
  },
  "training-not-completed": {
    id: "Ulasan bisa diberikan setelah pelatihan selesai (post-test tercatat).",
    en: "You can review a training once it is completed (post-test recorded).",
  },
  "already-reviewed": { id: "Anda sudah memberi ulasan untuk pelatihan ini.", en: "You already reviewed this training." },

  // Incentive payouts: the participant's reports on an installment, and the program office's quarantine.
  "installment-not-found": { id: "Insentif ini tidak ada di daftar insentif Anda.", en: "This incentive is not among yours." },
  "installment-not-paid": {
    id: "Insentif ini belum tercatat dibayar, jadi belum bisa dilaporkan. Lihat statusnya di riwayat insentif; muat ulang halaman jika status berubah.",
    en: "This incentive is not recorded as paid yet, so it cannot be reported. See its status in the incentive's history; reload the page if it changed.",
  },
  "amount-received-invalid": {
    id: "Isi jumlah yang Anda terima dalam rupiah: kurang dari jumlah insentif.",
    en: "Enter the amount you received, in rupiah: less than the incentive's amount.",
  },
  "quarantine-not-found": {
    id: "Laporan mitra yang dikarantina ini tidak ada. Muat ulang halaman.",
    en: "There is no such quarantined partner report. Reload the page.",
  },
  "quarantine-resolved": {
    id: "Laporan mitra ini sudah diselesaikan sebelumnya. Muat ulang halaman untuk melihat catatannya.",
    en: "This partner report was resolved already. Reload the page to see its note.",
  },

  // Incentive payouts: linking the account they are paid into (usecases/payouts/account.ts).
  "institution-not-offered": {
    id: "Mitra pembayaran ini tidak melayani bank atau dompet digital itu. Pilih bank atau dompet digital dari daftar mitra ini.",
    en: "This payment partner does not serve that bank or e-wallet. Choose a bank or e-wallet from this partner's list.",
  },
  "account-not-found": {
    id: "Mitra pembayaran tidak menemukan rekening atau akun dengan nomor itu. Periksa nomornya dan bank atau dompet digitalnya.",
    en: "The payment partner found no account with that number. Check the number and the bank or e-wallet.",
  },
  "account-name-mismatch": {
    id: "Rekening atau akun itu atas nama orang lain. Insentif hanya dibayarkan ke rekening atas nama Anda sendiri, sesuai nama terdaftar.",
    en: "That account is in another person's name. Incentives are paid only into an account in your own name, as registered.",
  },
  "partner-unavailable": {
    id: "Mitra pembayaran sedang tidak dapat dihubungi, jadi rekening belum bisa diperiksa. Coba lagi beberapa saat lagi.",
    en: "The payment partner cannot be reached right now, so the account could not be checked. Try again in a while.",
  },
  // The program office's payout queues and reviews (usecases/payouts/queues.ts).
  "not-reviewable": {
    id: "Pembayaran ini tidak sedang menunggu keputusan (hanya yang ditahan, gagal, atau dibatalkan mitra). Muat ulang halaman untuk melihat statusnya.",
    en: "This payout is not waiting for a decision (only held, failed or reversed ones are). Reload the page to see its state.",
  },

  // Clawback (program office): opening a case on a paid installment and recording its repayments.
  "payout-not-found": { id: "Tidak ada cicilan insentif dengan ID ini.", en: "There is no incentive installment with this ID." },
  "payout-not-paid": {
    id: "Cicilan ini belum tercatat dibayar, jadi tidak ada yang ditagih kembali. Tahan atau batalkan cicilan ini lewat peninjauan pembayaran.",
    en: "This installment is not recorded as paid, so there is nothing to claw back. Hold or cancel it through the payout review instead.",
  },
  "clawback-exists": {
    id: "Penagihan kembali untuk cicilan ini sudah ada. Muat ulang halaman untuk melihat statusnya.",
    en: "This installment already has a clawback case. Reload the page to see its status.",
  },
  "clawback-not-found": { id: "Tidak ada penagihan kembali untuk cicilan ini.", en: "There is no clawback case for this installment." },
  "clawback-repaid": { id: "Penagihan kembali ini sudah lunas.", en: "This clawback case is repaid already." },
  "amount-exceeds-outstanding": {
    id: "Jumlah pengembalian melebihi sisa yang harus dikembalikan. Periksa sisanya lalu coba lagi.",
    en: "The repayment is more than what is still owed. Check the outstanding amount and try again.",
  },

  // The program office's decisions on accounts waiting for review and on participants' reports (usecases/payouts/accountReview.ts, caseResolution.ts).
  "payout-account-not-found": {
    id: "Peserta ini tidak punya rekening pembayaran. Muat ulang halaman.",
    en: "This participant has no payout account. Reload the page.",
  },
  "account-changed": {
    id: "Peserta sudah menautkan rekening lain sejak daftar ini dimuat. Muat ulang halaman dan periksa rekening yang baru.",
    en: "The participant linked another account since this list was loaded. Reload the page and check the new account.",
  },
  "account-not-in-review": {
    id: "Rekening ini tidak sedang menunggu pemeriksaan: sudah terverifikasi atau sudah ditolak. Muat ulang halaman untuk melihat statusnya.",
    en: "This account is not waiting for a review: it is verified or refused already. Reload the page to see its status.",
  },
  "payout-case-not-found": {
    id: "Tidak ada laporan peserta dengan nomor ini. Muat ulang halaman.",
    en: "There is no participant report with this number. Reload the page.",
  },
  "payout-case-resolved": {
    id: "Laporan peserta ini sudah diselesaikan sebelumnya. Muat ulang halaman untuk melihat penyelesaiannya.",
    en: "This participant report was resolved already. Reload the page to see how.",
  },

  // The personal-data vault: revealing one value of one person (usecases/revealPersonalData.ts).
  "registrant-not-found": {
    id: "Tidak ada pendaftaran dengan kode akun ini. Periksa kodenya, atau muat ulang halaman.",
    en: "There is no registration with this account code. Check the code, or reload the page.",
  },

  // Registrant lists and records (usecases/registrants/).
  "not-operator-admin-or-auditor": {
    id: "Hanya operator Disnaker, admin program, atau auditor yang dapat melihat ini.",
    en: "Only labor office (Disnaker) operators, program admins and auditors can see this.",
  },
  "registrant-not-in-region": {
    id: "Pendaftar ini tidak ditemukan di wilayah Anda.",
    en: "This registrant was not found in your region.",
  },

  // The desk (usecases/desk/): looking a NIK's registration up, NIK dispute cases ("joki"), the person's receipt.
  "nik-not-registered": {
    id: "NIK ini belum terdaftar. Orang ini dapat didaftarkan sekarang.",
    en: "This NIK is not registered. This person can be registered now.",
  },
  "registration-outside-region": {
    id: "Pendaftaran ini dipegang Disnaker {regencyName} ({regencyCode}), provinsi {provinceName} ({provinceCode}), di luar wilayah Anda. Arahkan orang ini ke kantor tersebut.",
    en: "This registration is held by the labor office (Disnaker) of {regencyName} ({regencyCode}), province {provinceName} ({provinceCode}), outside your region. Send the person to that office.",
  },
  "registration-not-found": {
    id: "Tidak ada pendaftaran dengan kode akun ini. Cari lagi dengan NIK.",
    en: "There is no registration with this account code. Look it up again by NIK.",
  },
  "claimant-account-not-found": {
    id: "Akun pelapor tidak ditemukan. Periksa kode akunnya, atau gunakan nomor HP atau email orang ini.",
    en: "The claimant's account was not found. Check the account code, or use the person's phone number or email.",
  },
  "claimant-is-registrant": {
    id: "Akun pelapor adalah akun yang mendaftarkan NIK ini. Gunakan akun lain milik orang ini, atau nomor HP atau email barunya.",
    en: "The claimant's account is the one that registered this NIK. Use another account of the person's, or a new phone number or email.",
  },
  "claimant-is-staff": {
    id: "Akun pelapor adalah akun petugas (operator, admin, auditor, atau mitra), bukan akun pendaftar biasa. Gunakan akun pribadi orang ini, atau nomor HP atau email barunya.",
    en: "The claimant's account is a staff account (operator, admin, auditor or partner), not a plain applicant's. Use the person's own account, or a new phone number or email.",
  },
  "claimant-is-actor": {
    id: "Akun pelapor adalah akun Anda sendiri. Sengketa NIK mengikat pendaftaran ke akun orang yang datang, bukan ke akun petugas.",
    en: "The claimant's account is your own. A NIK dispute ties the registration to the account of the person at the desk, never to a staff member's.",
  },
  "registration-blocked": {
    id: "Pendaftaran ini diblokir: NIK-nya ditetapkan milik orang lain dalam sengketa NIK. Akun ini tidak dapat ikut gelombang.",
    en: "This registration is blocked: its NIK was found to belong to someone else in a NIK dispute. This account cannot join a wave.",
  },
  "claimant-registered": {
    id: "Akun pelapor sudah punya pendaftaran sendiri. Satu akun hanya untuk satu NIK: gunakan akun lain.",
    en: "The claimant's account already has a registration of its own. One account is for one NIK: use another account.",
  },
  "dispute-not-found": {
    id: "Tidak ada sengketa NIK dengan nomor ini. Muat ulang halaman.",
    en: "There is no NIK dispute with this number. Reload the page.",
  },
  "own-registration": {
    id: "Anda sendiri yang mendaftarkan NIK ini, jadi sengketanya harus diputus operator lain.",
    en: "You registered this NIK yourself, so another operator must decide the dispute.",
  },
  "dispute-resolved": {
    id: "Sengketa ini sudah diputus sebelumnya. Muat ulang halaman untuk melihat putusannya.",
    en: "This dispute was decided already. Reload the page to see the decision.",
  },
  "documents-missing": {
    id: "Untuk mengikat ulang, KTP dan KK asli orang ini harus diperiksa.",
    en: "To re-tie, the person's original KTP and family card (KK) must be seen.",
  },
  "registration-moved": {
    id: "NIK ini sudah tidak terikat pada akun yang disengketakan. Cari lagi pendaftarannya dengan NIK.",
    en: "This NIK is no longer tied to the disputed account. Look the registration up again by NIK.",
  },
  "registration-not-movable": {
    id: "Pendaftaran ini sudah menjadi peserta (atau dicabut): saldo pelatihan dan insentifnya terikat pada akun itu. Teruskan kasus ini ke Manajemen Pelaksana.",
    en: "This registration is already a participant (or revoked): its training balance and incentives are tied to that account. Pass the case to the program office.",
  },
  // A wave's close (usecases/redriveClosePartition.ts): `{…}` places are filled from the refusal's details.
  "wave-not-found": {
    id: "Tidak ada gelombang dengan ID {waveId}. ID gelombang berbentuk tahun program dan nomornya, misalnya 2026-1.",
    en: "There is no wave with the ID {waveId}. A wave ID is the program year and the wave's number, for example 2026-1.",
  },
  "close-not-found": {
    id: "Gelombang {waveId} belum mulai ditutup: belum ada bagian yang bisa dijalankan ulang.",
    en: "Wave {waveId} has not started closing: there is no partition to re-drive.",
  },
  "partition-not-found": {
    id: "Penutupan gelombang ini tidak punya bagian {partition}: bagiannya bernomor 0 sampai {last}.",
    en: "This wave's close has no partition {partition}: its partitions are numbered 0 to {last}.",
  },
  "partition-done": {
    id: "Bagian {partition} sudah selesai pada {finishedAt}: tidak perlu dijalankan ulang.",
    en: "Partition {partition} finished at {finishedAt}: it needs no re-drive.",
  },
  "partition-not-stalled": {
    id: "Bagian {partition} tidak macet, jadi tidak dijalankan ulang: statusnya “{state}” sejak {since}, dan baru dianggap macet setelah {stallsAt}.",
    en: "Partition {partition} is not stalled, so it was not re-driven: it is “{state}” since {since}, and counts as stalled only after {stallsAt}.",
  },
};
