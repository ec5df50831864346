/** Bahasa Indonesia: the participant's "my training" page (loaded with it, see myTraining.ts). */
export const idMyTraining = {
  "myTraining.intro": "Pembelian yang menunggu persetujuan Anda, saldo pelatihan, dan pelatihan yang sudah Anda beli.",

  "myTraining.pending.title": "Permintaan pembelian",
  "myTraining.pending.howItWorks":
    "Saat Anda membeli pelatihan di platform digital mitra, platform itu mengirim permintaan pembelian ke halaman ini beserta kode 6 angka. Anda menyetujui pembelian dengan memberikan kode itu kepada platform.",
  "myTraining.pending.none": "Tidak ada permintaan pembelian yang menunggu kode Anda.",
  "myTraining.pending.check": "Periksa permintaan baru",
  "myTraining.pending.checking": "Memeriksa…",
  "myTraining.pending.checkFailed": "Permintaan baru tidak dapat diperiksa. Periksa koneksi lalu coba lagi.",
  "myTraining.pending.count": "{count} permintaan menunggu kode Anda.",
  "myTraining.pending.platform": "Platform",
  "myTraining.pending.amount": "Harga (dari saldo Anda)",
  "myTraining.pending.expires": "Berlaku sampai",
  "myTraining.pending.left": "Sisa waktu: {time}",
  "myTraining.pending.code": "Kode persetujuan pembelian",
  "myTraining.pending.instruction": "Berikan kode ini kepada {platform} hanya jika Anda memang membeli pelatihan ini.",
  "myTraining.pending.consent":
    "Dengan memberikan kode ini, Anda menyetujui pembayaran {amount} dari saldo pelatihan Anda. Petugas program tidak pernah meminta kode ini.",
  "myTraining.pending.expired": "Waktu habis: kode ini tidak berlaku lagi. Jika Anda ingin membeli, minta {platform} mengirim permintaan baru.",
  "myTraining.pending.decline": "Saya tidak meminta ini",
  "myTraining.pending.declining": "Menolak…",
  "myTraining.pending.declined":
    "Permintaan pembelian {title} dari {platform} ditolak: kodenya tidak dapat dipakai lagi dan saldo Anda tidak berubah. Jika ternyata Anda ingin membelinya, minta platform mengirim permintaan baru.",

  "myTraining.balance.title": "Saldo pelatihan",
  "myTraining.prakerjaId": "Nomor Prakerja Anda (diminta platform saat membeli):",
  "myTraining.balance.hint": "Dipakai untuk membeli pelatihan di platform digital mitra. Saldo ini tidak dapat dicairkan.",
  "myTraining.deadline.title": "Batas pembelian pelatihan pertama",
  "myTraining.deadline.daysLeft": "Sisa {days} hari",
  "myTraining.deadline.passed": "Batas waktu sudah lewat",
  "myTraining.deadline.explain":
    "Jika sampai {deadline} Anda belum membeli satu pelatihan pun, kepesertaan Anda dicabut dan tempat Anda diberikan kepada pendaftar lain. Batas ini tidak berlaku lagi setelah pembelian pertama.",

  "myTraining.vouchers.title": "Pelatihan yang Anda beli",
  "myTraining.vouchers.none": "Anda belum membeli pelatihan.",
  "myTraining.vouchers.catalogue": "Lihat katalog pelatihan",

  "myTraining.voucher.code": "Kode penukaran (redeem code)",
  "myTraining.voucher.codeHint":
    "Berikan kode ini kepada lembaga pelatihan ({institution}) saat pelatihan dimulai: lembaga memakainya untuk mencatat bahwa Anda mengikuti pelatihan.",
  "myTraining.voucher.codeVoid": "Kode ini tidak berlaku lagi.",
  "myTraining.voucher.state": "Status",
  "myTraining.voucher.institution": "Lembaga",
  "myTraining.voucher.platform": "Dibeli di",
  "myTraining.voucher.starts": "Mulai",
  "myTraining.voucher.price": "Harga",
  "myTraining.voucher.sessions": "Sesi diikuti",
  "myTraining.voucher.sessionsNone": "Belum ada",
  "myTraining.voucher.sessionsList": "{count} sesi (sesi ke-{list})",
  "myTraining.voucher.postTest": "Post-test",
  "myTraining.voucher.postTestDone": "Sudah dikerjakan",
  "myTraining.voucher.postTestNotYet": "Belum",

  "myTraining.state.issued": "Sudah dibeli, kode belum ditukarkan",
  "myTraining.state.redeemed": "Sedang berjalan (kode sudah ditukarkan)",
  "myTraining.state.completed": "Selesai",
  "myTraining.state.cancelled": "Dibatalkan, harga dikembalikan ke saldo",
  "myTraining.state.frozen": "Dibekukan: dilaporkan, sedang ditinjau",

  "myTraining.cancel.until": "Anda masih dapat membatalkan pembelian ini sampai {until} dan mendapatkan kembali {amount}.",
  "myTraining.cancel.button": "Batalkan pembelian",
  "myTraining.cancel.confirm": "Batalkan pembelian {title}? {amount} akan dikembalikan ke saldo pelatihan Anda dan kode penukarannya tidak berlaku lagi.",
  "myTraining.cancel.yes": "Ya, batalkan pembelian",
  "myTraining.cancel.busy": "Membatalkan…",
  "myTraining.cancel.done": "Pembelian dibatalkan. {amount} dikembalikan ke saldo; saldo Anda sekarang {balance}.",

  "myTraining.report.button": "Saya tidak membeli ini",
  "myTraining.report.confirm":
    "Laporkan bahwa Anda tidak membeli {title}? Kode penukarannya dibekukan sehingga lembaga tidak dapat memakainya, dan {amount} dikembalikan ke saldo Anda selama laporan ditinjau oleh Manajemen Pelaksana.",
  "myTraining.report.yes": "Ya, laporkan",
  "myTraining.report.busy": "Melaporkan…",
  "myTraining.report.done":
    "Laporan diterima. Kode penukaran dibekukan dan {amount} dikembalikan ke saldo; saldo Anda sekarang {balance}, sambil laporan ditinjau.",

  "myTraining.keep": "Tidak jadi",

  "myTraining.review.title": "Nilai dan ulasan",
  "myTraining.review.why": "Pelatihan pertama yang Anda selesaikan dan beri ulasan membuat Anda berhak menerima insentif.",
  "myTraining.review.rating": "Nilai pelatihan ini",
  "myTraining.review.rating.1": "1 bintang: sangat buruk",
  "myTraining.review.rating.2": "2 bintang: buruk",
  "myTraining.review.rating.3": "3 bintang: cukup",
  "myTraining.review.rating.4": "4 bintang: baik",
  "myTraining.review.rating.5": "5 bintang: sangat baik",
  "myTraining.review.text": "Ulasan (tidak wajib)",
  "myTraining.review.textHint": "Paling banyak 2.000 karakter; sekarang {count}.",
  "myTraining.review.submit": "Kirim ulasan",
  "myTraining.review.busy": "Mengirim…",
  "myTraining.review.entitled": "Terima kasih atas ulasan Anda. Anda sudah menyelesaikan dan mengulas pelatihan, jadi Anda berhak menerima insentif.",
  "myTraining.review.thanks": "Terima kasih atas ulasan Anda.",
  "myTraining.review.done": "Anda sudah memberi ulasan untuk pelatihan ini.",

  "myTraining.notParticipant.next": "Status pendaftaran Anda menunjukkan langkah berikutnya. Katalog pelatihan dapat dilihat siapa saja.",
  "myTraining.notParticipant.status": "Lihat status pendaftaran",
  "myTraining.notParticipant.catalogue": "Lihat katalog pelatihan",

  "myTraining.copy": "Salin kode",
  "myTraining.copied": "Kode disalin.",
  "myTraining.copyFailed": "Kode tidak dapat disalin otomatis; tekan lama kodenya untuk menyalin.",

  "myTraining.countdown.hours": "{hours} jam {minutes} menit",
  "myTraining.countdown.minutes": "{minutes} menit {seconds} detik",
  "myTraining.countdown.seconds": "{seconds} detik",

  "myTraining.unauthenticated": "Sesi Anda berakhir. Silakan masuk kembali.",
  "myTraining.unavailable": "Layanan sedang tidak tersedia. Coba lagi sebentar lagi.",
  "myTraining.other": "Terjadi kesalahan. Muat ulang halaman lalu coba lagi.",
  "myTraining.fixErrors": "Periksa kembali isian yang ditandai.",
};
