/** Bahasa Indonesia: the right of access on the status page (pages/status/DownloadMyData.tsx; loaded with it, see myData.ts). */
export const idMyData = {
  "myData.title": "Data Anda",
  "myData.intro":
    "Unduh semua data yang disimpan program tentang Anda (pendaftaran dengan NIK, KK, nama, nomor HP dan tanggal lahir, riwayat, pelatihan, insentif, rekening, laporan, pemberitahuan) dalam satu berkas JSON. Simpan berkas itu di tempat aman: isinya data pribadi Anda.",
  "myData.download": "Unduh data saya",
  "myData.busy": "Menyiapkan…",
  "myData.saved": "Berkas {file} sudah disimpan.",
  "myData.unauthenticated": "Sesi Anda berakhir. Silakan masuk kembali.",
  "myData.other": "Data tidak dapat diunduh. Periksa koneksi, lalu coba lagi.",
};
