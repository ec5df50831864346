/** Bahasa Indonesia: the status page's waves and draw section (loaded with it, see waveStatus.ts). */
export const idWaveStatus = {
  "draw.title": "Gelombang & undian",
  "draw.pid": "ID samaran Anda",
  "draw.pidHint": "ID ini yang tercantum di daftar undian yang diumumkan, bukan NIK atau nama Anda. Dengan ID ini Anda dapat memeriksa sendiri hasil undian.",
  "draw.inPool": "Anda sudah masuk daftar undian. Jika belum terpilih, Anda tetap ikut undian gelombang berikutnya secara otomatis, tanpa mendaftar lagi.",
  "draw.notInPool": "Anda belum masuk daftar undian.",
  "draw.notEligible": "Anda dapat ikut gelombang setelah memenuhi syarat program (lihat hasil pemeriksaan syarat di atas).",
  "draw.openWave": "Gelombang {number} sedang dibuka.",
  "draw.noOpenWave": "Belum ada gelombang yang dibuka. Jadwal gelombang ada di Beranda; buka lagi halaman ini saat gelombang dibuka.",
  "draw.join": "Ikut gelombang {number}",
  "draw.joining": "Mendaftarkan…",
  "draw.joined": "Berhasil: Anda masuk daftar undian gelombang ini.",
  "draw.alreadyInPool": "Anda sudah ada di daftar undian sejak sebelumnya; tidak ada yang berubah.",

  "join.notEligibleBecause": "Anda belum bisa ikut gelombang, karena:",
  "join.unauthenticated": "Sesi Anda berakhir. Silakan masuk kembali, lalu coba lagi.",
  "join.unavailable": "Koneksi terputus atau layanan sedang sibuk. Coba lagi: Anda tidak akan tercatat dua kali.",
  "join.other": "Terjadi kesalahan. Coba lagi nanti: Anda tidak akan tercatat dua kali.",

  "latest.title": "Undian terakhir",
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
  "latest.seeWave": "Lihat undian ini di halaman Transparansi",
} as const;
