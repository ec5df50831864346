/** Bahasa Indonesia: the status page's waves and draw section (loaded with it, see waveStatus.ts). */
export const idWaveStatus = {
  "draw.title": "Gelombang & undian",
  "draw.pid": "ID samaran Anda",
  "draw.pidHint": "ID ini yang tercantum di daftar undian yang diumumkan, bukan NIK atau nama Anda. Dengan ID ini Anda dapat memeriksa sendiri hasil undian.",
  "draw.notEligible": "Anda dapat ikut gelombang setelah memenuhi syarat program (lihat hasil pemeriksaan syarat di atas).",
  "draw.join": "Ikut gelombang {number}",
  "draw.joining": "Mendaftarkan…",
  "draw.joined": "Berhasil: Anda masuk daftar undian gelombang ini.",
  "draw.alreadyInPool": "Anda sudah ada di daftar undian sejak sebelumnya; tidak ada yang berubah.",

  "step.title": "Langkah berikutnya",
  "step.register": "Isi formulir pendaftaran dulu. Setelah terdaftar dan memenuhi syarat, Anda dapat ikut gelombang yang dibuka.",
  "step.registerOpen":
    "Isi formulir pendaftaran dulu. Gelombang {number} sedang dibuka sampai {closes}: setelah terdaftar dan memenuhi syarat, Anda dapat ikut gelombang ini.",
  "step.revoked": "Kepesertaan Anda dicabut. Jika menurut Anda ini keliru, hubungi layanan pengaduan program.",
  "step.participant":
    "Anda terpilih di undian gelombang {number} dan sekarang menjadi peserta program. Langkah berikutnya: pilih pelatihan; katalognya ada di menu Pelatihan.",
  "step.participantNoWave": "Anda terpilih dan sekarang menjadi peserta program. Langkah berikutnya: pilih pelatihan; katalognya ada di menu Pelatihan.",
  "step.myTraining": "Buka Pelatihan saya: saldo, batas pembelian, dan kode pembelian Anda",
  "step.notEligibleInPool":
    "Anda tetap ada di daftar undian, tetapi tidak diikutkan undian selama belum memenuhi syarat (lihat hasil pemeriksaan syarat di atas).",
  "step.verify": "Bawa KTP dan Kartu Keluarga (KK) asli ke Disnaker {regency}. Setelah data Anda dicocokkan, Anda dapat ikut gelombang.",
  "step.verifyOpen":
    "Gelombang {number} sedang dibuka sampai {closes}. Bawa KTP dan Kartu Keluarga (KK) asli ke Disnaker {regency} sebelum itu: setelah data Anda dicocokkan, Anda dapat ikut gelombang ini.",
  "step.verifyAgain":
    "Datang lagi ke Disnaker {regency} dengan KTP dan Kartu Keluarga (KK) asli yang sesuai. Setelah data Anda dicocokkan, Anda dapat ikut gelombang.",
  "step.join": "Gelombang {number} sedang dibuka sampai {closes}. Ikuti gelombang ini untuk masuk daftar undian.",
  "step.waitScheduled": "Belum ada gelombang yang dibuka. Gelombang {number} dibuka {opens}; buka lagi halaman ini saat itu untuk ikut.",
  "step.waitNone": "Belum ada gelombang yang dibuka. Jadwal gelombang ada di Beranda; buka lagi halaman ini saat gelombang dibuka.",
  "step.notDrawnIn": "Anda belum terpilih di undian gelombang {number}.",
  "step.notDrawnLatest": "Anda belum terpilih di undian terakhir.",
  "step.poolOpen": "Anda ada di daftar undian gelombang {number}. Undian dilakukan setelah gelombang ditutup pada {closes}; hasilnya tampil di halaman ini.",
  "step.poolClosed": "Anda ada di daftar undian gelombang {number}, yang sudah ditutup. Hasil undiannya akan tampil di halaman ini.",
  "step.poolScheduled":
    "Anda ikut undian gelombang {number} secara otomatis, tanpa mendaftar lagi. Gelombang itu dibuka {opens} dan ditutup {closes}; undian dilakukan setelah ditutup.",
  "step.poolUnknown": "Anda tetap di daftar undian dan ikut undian gelombang berikutnya secara otomatis, tanpa mendaftar lagi.",

  "join.notEligibleBecause": "Anda belum bisa ikut gelombang, karena:",
  "join.unauthenticated": "Sesi Anda berakhir. Silakan masuk kembali, lalu coba lagi.",
  "join.unavailable": "Koneksi terputus atau layanan sedang sibuk. Coba lagi: Anda tidak akan tercatat dua kali.",
  "join.other": "Terjadi kesalahan. Coba lagi nanti: Anda tidak akan tercatat dua kali.",

  "latest.title": "Undian terakhir",
  "latest.titleWave": "Undian gelombang {number}",
  "latest.selected": "Selamat, Anda terpilih! Anda sekarang peserta program.",
  "latest.notSelected": "Anda belum terpilih di undian ini.",
  "latest.yourRank": "Peringkat Anda",
  "latest.nationalCutoff": "Batas peringkat nasional",
  "latest.stratumCutoff": "Batas peringkat provinsi Anda",
  "latest.noCutoff": "tidak ada yang terpilih",
  "latest.howToRead":
    "Peringkat dihitung dari ID samaran Anda dan kunci undian, ditulis dalam heksadesimal (angka 0–9 lalu huruf a–f). Yang lebih kecil didahulukan: peringkat yang sama dengan atau lebih kecil dari batas ikut terpilih. Di sini tampil 12 digit pertama.",
  "latest.withinButSkipped":
    "Peringkat Anda masuk batas, tetapi Anda tidak terpilih: misalnya karena batas penerima per Kartu Keluarga sudah penuh. Daftar undian yang diumumkan menunjukkan alasannya.",
  "latest.position": "Urutan Anda di undian ini: sekitar nomor {position} dari {pool} orang dalam daftar undian.",
  "latest.seatsWent": "Kursi nasional jatuh ke sekitar {cutoff} orang pertama dalam urutan ini.",
  "latest.noNationalSeats": "Undian ini tidak punya (atau tidak memberikan) kursi nasional.",
  "latest.stratumPosition": "Di provinsi Anda: sekitar nomor {position} dari {pool}.",
  "latest.stratumSeatsWent": "Kursinya jatuh ke sekitar {cutoff} orang pertama.",
  "latest.priorityPosition":
    "Data Anda ada di daftar prioritas gelombang ini. Putarannya didahulukan (kursi: {seats}; orang dalam daftar: {pool}), dan Anda sekitar nomor {position} di antara mereka.",
  "latest.prioritySeatsWent": "Kursinya jatuh ke sekitar {cutoff} orang pertama dalam daftar.",
  "latest.priorityNobody": "Putaran itu tidak memilih siapa pun.",
  "latest.aboutPositions":
    'Urutan dihitung dari peringkat dan mendekati, tidak persis (makin besar daftar undian, makin dekat). Terpilih atau tidaknya Anda pasti. Di halaman Transparansi, "Periksa ID saya" menghitung urutan persis Anda dari daftar undian yang diumumkan.',
  "latest.ranksForExperts": "Peringkat aslinya (untuk ahli)",
  "latest.seeWave": "Lihat undian ini di halaman Transparansi",
} as const;
