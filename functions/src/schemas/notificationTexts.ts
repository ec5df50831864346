import { fitSms, gsmSafe } from "../domain/sms.js";
import type { Notification } from "./notifications.js";

/**
 * The words of every notification (schemas/notifications.ts), in Bahasa Indonesia first and
 * English second: an email carries both, the in-app copy both (the web app shows the reader's
 * language), an SMS the Indonesian text only, in one GSM-7 message (160 characters; checked in
 * tests/unit/notificationTexts.test.ts for the longest parameters). Dates and times are Jakarta's
 * (WIB, UTC+7, no daylight saving).
 */

export type Language = "id" | "en";

/** One language's text of a notification. */
export interface NotificationText {
  subject: string;
  /** Paragraphs of the email and the in-app copy. */
  paragraphs: string[];
  /** The SMS: one GSM-7 message. */
  sms: string;
  /** The in-app copy's paragraphs where they must differ from the email's (a one-time code is never kept there). */
  inbox?: string[];
}

export interface RenderedNotification {
  email: { subject: string; text: string; html: string };
  /** Indonesian, one GSM-7 message. */
  sms: string;
  inbox: { title: { id: string; en: string }; body: { id: string; en: string } };
}

const MONTHS: Record<Language, string[]> = {
  id: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** The wall-clock fields of an instant in Jakarta (UTC+7 all year). */
function jakarta(at: Date) {
  const shifted = new Date(at.getTime() + 7 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    day: shifted.getUTCDate(),
    month: shifted.getUTCMonth(),
    year: shifted.getUTCFullYear(),
    hh: pad(shifted.getUTCHours()),
    mm: pad(shifted.getUTCMinutes()),
    dd: pad(shifted.getUTCDate()),
    mo: pad(shifted.getUTCMonth() + 1),
  };
}

/** "15 April 2026 pukul 10.23 WIB" / "15 April 2026, 10:23 WIB (Jakarta time)". */
export function longMoment(at: Date, lang: Language): string {
  const t = jakarta(at);
  return lang === "id"
    ? `${t.day} ${MONTHS.id[t.month]} ${t.year} pukul ${t.hh}.${t.mm} WIB`
    : `${t.day} ${MONTHS.en[t.month]} ${t.year}, ${t.hh}:${t.mm} WIB (Jakarta time)`;
}

/** "15/04/2026 10.23 WIB": short, for SMS. */
export function shortMoment(at: Date, lang: Language): string {
  const t = jakarta(at);
  return `${t.dd}/${t.mo}/${t.year} ${t.hh}${lang === "id" ? "." : ":"}${t.mm} WIB`;
}

/** "Rp 3.500.000" / "Rp 3,500,000". */
export function rupiah(amount: number, lang: Language): string {
  return `Rp ${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "id" ? "." : ",")}`;
}

const REVOKED_REASON = {
  "purchase-deadline-passed": {
    id: "Anda tidak membeli pelatihan pertama sebelum batas waktunya.",
    en: "You did not buy a first training before its deadline.",
  },
  "not-eligible": { id: "Anda tidak lagi memenuhi syarat program.", en: "You no longer meet the program's requirements." },
  "program-office-decision": { id: "Manajemen Pelaksana mencabut kepesertaan Anda.", en: "The program office revoked your participation." },
} as const;

const FOOTER: Record<Language, string> = {
  id: "Pesan otomatis Program Prakerja; mohon tidak dibalas. Prakerja tidak pernah meminta kode OTP atau kata sandi Anda.",
  en: "An automatic message of the Prakerja program; please do not reply. Prakerja never asks for your OTP code or password.",
};

function reminder(days: 7 | 1, p: { purchaseDeadline: Date; trainingBalance: number }, lang: Language): NotificationText {
  if (lang === "id")
    return {
      subject: days === 7 ? "Sisa 7 hari untuk membeli pelatihan pertama" : "Besok batas akhir membeli pelatihan pertama",
      paragraphs: [
        `Batas waktu membeli pelatihan pertama Anda: ${longMoment(p.purchaseDeadline, "id")}. Saldo pelatihan Anda ${rupiah(p.trainingBalance, "id")}.`,
        "Jika sampai batas itu Anda belum membeli pelatihan, kepesertaan Anda dicabut.",
      ],
      sms: `Prakerja: ${days === 7 ? "Sisa 7 hari" : "Besok batas akhir"}. Beli pelatihan pertama sebelum ${shortMoment(p.purchaseDeadline, "id")} atau kepesertaan dicabut. Saldo ${rupiah(p.trainingBalance, "id")}.`,
    };
  return {
    subject: days === 7 ? "7 days left to buy your first training" : "Tomorrow is the last day to buy your first training",
    paragraphs: [
      `Your first training must be bought by ${longMoment(p.purchaseDeadline, "en")}. Your training balance is ${rupiah(p.trainingBalance, "en")}.`,
      "If you have not bought a training by then, your participation is revoked.",
    ],
    sms: `Prakerja: ${days === 7 ? "7 days left" : "Last day tomorrow"}. Buy your first training before ${shortMoment(p.purchaseDeadline, "en")} or lose your place. Balance ${rupiah(p.trainingBalance, "en")}.`,
  };
}

/** Where a person gets help with the program (the desk's receipt names it). */
export const HELP_SITE = "bantuan.prakerja.go.id";

/** The receipt of the desk (usecases/desk/deskReceipt.ts): what was done, by which office, and what to do next. */
function deskReceipt(p: { nikMasked: string; office: string; at: Date; after: "registration" | "dispute" }, lang: Language): NotificationText {
  if (lang === "id")
    return {
      subject: p.after === "registration" ? "Tanda terima pendaftaran Prakerja" : "Tanda terima sengketa NIK Prakerja",
      paragraphs: [
        `${p.after === "registration" ? "Anda didaftarkan" : "Pendaftaran NIK Anda kini terikat pada akun Anda"} oleh ${p.office} pada ${longMoment(p.at, "id")}. NIK: ${p.nikMasked}.`,
        "Langkah berikutnya: masuk ke aplikasi Prakerja dengan nomor HP atau email Anda, ikut gelombang yang sedang dibuka, dan pantau halaman Status.",
        `Bantuan: ${HELP_SITE}, atau datang ke ${p.office}.`,
      ],
      sms: fitSms(
        (office) => `Prakerja: Tanda terima ${office} ${shortMoment(p.at, "id")}. NIK ${p.nikMasked}. Ikut gelombang & cek Status di aplikasi. ${HELP_SITE}`,
        p.office,
      ),
    };
  return {
    subject: p.after === "registration" ? "Your Prakerja registration receipt" : "Your Prakerja NIK dispute receipt",
    paragraphs: [
      `${p.after === "registration" ? "You were registered" : "Your NIK's registration is now tied to your account"} by ${p.office} on ${longMoment(p.at, "en")}. NIK: ${p.nikMasked}.`,
      "Next: sign in to the Prakerja app with your phone number or email, join the open wave, and follow your Status page.",
      `Help: ${HELP_SITE}, or come to ${p.office}.`,
    ],
    sms: fitSms(
      (office) => `Prakerja: Receipt of ${office} ${shortMoment(p.at, "en")}. NIK ${p.nikMasked}. Join the wave & check Status in the app. ${HELP_SITE}`,
      p.office,
    ),
  };
}

/** One notification's text in one language. */
export function notificationText(n: Notification, lang: Language): NotificationText {
  const id = lang === "id";
  switch (n.kind) {
    case "draw-result": {
      const p = n.params;
      if (p.selected)
        return id
          ? {
              subject: `Selamat, Anda terpilih di Gelombang ${p.waveNumber}`,
              paragraphs: [
                `Selamat! Anda terpilih sebagai penerima Program Prakerja di Gelombang ${p.waveNumber}. Saldo pelatihan Anda ${rupiah(p.trainingBalance, "id")}.`,
                `Beli pelatihan pertama Anda sebelum ${longMoment(p.purchaseDeadline, "id")}; jika tidak, kepesertaan Anda dicabut. Lihat status Anda di aplikasi Prakerja.`,
              ],
              sms: `Prakerja: Selamat, Anda terpilih di Gelombang ${p.waveNumber}. Saldo pelatihan ${rupiah(p.trainingBalance, "id")}. Beli pelatihan pertama sebelum ${shortMoment(p.purchaseDeadline, "id")}.`,
            }
          : {
              subject: `Congratulations, you were selected in wave ${p.waveNumber}`,
              paragraphs: [
                `Congratulations! You were selected as a participant of the Prakerja program in wave ${p.waveNumber}. Your training balance is ${rupiah(p.trainingBalance, "en")}.`,
                `Buy your first training before ${longMoment(p.purchaseDeadline, "en")}, or your participation is revoked. See your status in the Prakerja app.`,
              ],
              sms: `Prakerja: You were selected in wave ${p.waveNumber}. Training balance ${rupiah(p.trainingBalance, "en")}. Buy your first training before ${shortMoment(p.purchaseDeadline, "en")}.`,
            };
      return id
        ? {
            subject: `Hasil undian Gelombang ${p.waveNumber}`,
            paragraphs: [
              `Anda belum terpilih di Gelombang ${p.waveNumber}.`,
              "Anda otomatis ikut undian gelombang berikutnya selama masih memenuhi syarat; tidak perlu mendaftar lagi.",
            ],
            sms: `Prakerja: Anda belum terpilih di Gelombang ${p.waveNumber}. Anda otomatis ikut undian gelombang berikutnya, tidak perlu daftar ulang.`,
          }
        : {
            subject: `Draw result of wave ${p.waveNumber}`,
            paragraphs: [
              `You were not selected in wave ${p.waveNumber}.`,
              "You stay in the draw of the next wave automatically while you remain eligible; there is no need to register again.",
            ],
            sms: `Prakerja: You were not selected in wave ${p.waveNumber}. You are in the next wave's draw automatically, no need to register again.`,
          };
    }
    case "purchase-otp": {
      const p = n.params;
      const platform = gsmSafe(p.platformName);
      return id
        ? {
            subject: "Kode OTP pembelian pelatihan",
            paragraphs: [
              `${p.platformName} meminta ${rupiah(p.price, "id")} dari saldo pelatihan Anda. Kode OTP: ${p.code}. Berlaku ${p.validMinutes} menit.`,
              `Berikan kode ini hanya kepada ${p.platformName}, dan hanya jika Anda sendiri sedang membeli pelatihan seharga ${rupiah(p.price, "id")} di sana. Petugas Prakerja tidak pernah memintanya. Jika Anda tidak sedang membeli, tolak permintaan ini di halaman Pelatihan Saya.`,
            ],
            sms: fitSms(
              (name) =>
                `Prakerja: OTP ${p.code} utk beli pelatihan ${rupiah(p.price, "id")} di ${name}. Berikan hanya ke platform itu jika Anda yg membeli. ${p.validMinutes} mnt.`,
              platform,
            ),
            inbox: [
              `${p.platformName} meminta ${rupiah(p.price, "id")} dari saldo pelatihan Anda. Kode OTP-nya ada di halaman Pelatihan Saya dan di SMS atau email Anda: berikan hanya kepada platform itu, dan hanya jika Anda yang membeli.`,
            ],
          }
        : {
            subject: "One-time code for a training purchase",
            paragraphs: [
              `${p.platformName} asks for ${rupiah(p.price, "en")} of your training balance. One-time code (OTP): ${p.code}. Valid for ${p.validMinutes} minutes.`,
              `Give this code only to ${p.platformName}, and only if you yourself are buying a training for ${rupiah(p.price, "en")} there. Prakerja staff never ask for it. If you are not buying, decline the request on your My training page.`,
            ],
            sms: fitSms(
              (name) =>
                `Prakerja: OTP ${p.code} to buy a training for ${rupiah(p.price, "en")} on ${name}. Give it only to that platform if you are buying. ${p.validMinutes} min.`,
              platform,
            ),
            inbox: [
              `${p.platformName} asks for ${rupiah(p.price, "en")} of your training balance. The one-time code is on your My training page and in your SMS or email: give it only to that platform, and only if you are the one buying.`,
            ],
          };
    }
    case "purchase-confirmed": {
      const p = n.params;
      return id
        ? {
            subject: "Pembelian pelatihan berhasil",
            paragraphs: [
              `Anda membeli pelatihan "${p.trainingTitle}" di ${p.platformName} seharga ${rupiah(p.price, "id")}. Sisa saldo pelatihan Anda ${rupiah(p.balanceLeft, "id")}.`,
              "Jika bukan Anda yang membeli, segera laporkan melalui aplikasi Prakerja.",
            ],
            sms: fitSms(
              (title) =>
                `Prakerja: Pembelian "${title}" ${rupiah(p.price, "id")} berhasil. Sisa saldo ${rupiah(p.balanceLeft, "id")}. Bukan Anda? Lapor di aplikasi.`,
              p.trainingTitle,
            ),
          }
        : {
            subject: "Training bought",
            paragraphs: [
              `You bought the training "${p.trainingTitle}" on ${p.platformName} for ${rupiah(p.price, "en")}. Your training balance left is ${rupiah(p.balanceLeft, "en")}.`,
              "If you did not buy it, report it in the Prakerja app at once.",
            ],
            sms: fitSms(
              (title) =>
                `Prakerja: You bought "${title}" for ${rupiah(p.price, "en")}. Balance left ${rupiah(p.balanceLeft, "en")}. Not you? Report it in the app.`,
              p.trainingTitle,
            ),
          };
    }
    case "deadline-reminder-7d":
      return reminder(7, n.params, lang);
    case "deadline-reminder-1d":
      return reminder(1, n.params, lang);
    case "revoked": {
      const reason = REVOKED_REASON[n.params.reason];
      return id
        ? {
            subject: "Kepesertaan Prakerja Anda dicabut",
            paragraphs: [`${reason.id} Kepesertaan Anda di Program Prakerja dicabut.`, "Alasan dan riwayatnya ada di halaman status aplikasi Prakerja."],
            sms: "Prakerja: Kepesertaan Anda dicabut. Lihat alasannya di halaman status aplikasi Prakerja.",
          }
        : {
            subject: "Your Prakerja participation is revoked",
            paragraphs: [
              `${reason.en} Your participation in the Prakerja program is revoked.`,
              "The reason and its history are on the status page of the Prakerja app.",
            ],
            sms: "Prakerja: Your participation is revoked. See why on the status page of the Prakerja app.",
          };
    }
    case "payout-paid": {
      const p = n.params;
      return id
        ? {
            subject: `Insentif Prakerja ${p.number}/${p.of} dibayarkan`,
            paragraphs: [
              `Insentif ke-${p.number} dari ${p.of} sebesar ${rupiah(p.amount, "id")} telah dibayarkan melalui ${p.partnerName} (referensi ${p.partnerReference}).`,
              "Jika dana tidak masuk atau jumlahnya kurang, laporkan dengan satu ketukan di halaman Insentif Saya aplikasi Prakerja.",
            ],
            sms: `Prakerja: Insentif ${p.number}/${p.of} ${rupiah(p.amount, "id")} dibayar via ${p.partnerName}. Tidak masuk/kurang? Lapor di aplikasi.`,
          }
        : {
            subject: `Prakerja incentive ${p.number}/${p.of} paid`,
            paragraphs: [
              `Incentive ${p.number} of ${p.of}, ${rupiah(p.amount, "en")}, was paid through ${p.partnerName} (reference ${p.partnerReference}).`,
              "If it did not arrive, or arrived short, report it with one tap on the My incentives page of the Prakerja app.",
            ],
            sms: `Prakerja: Incentive ${p.number}/${p.of} ${rupiah(p.amount, "en")} paid via ${p.partnerName}. Not received or short? Report it in the app.`,
          };
    }
    case "desk-receipt":
      return deskReceipt(n.params, lang);
  }
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** The whole notification: an email in both languages, the Indonesian SMS, the in-app copy in both. */
export function renderNotification(n: Notification): RenderedNotification {
  const id = notificationText(n, "id");
  const en = notificationText(n, "en");
  const block = (t: NotificationText, lang: Language) => [...t.paragraphs, FOOTER[lang]];
  const html = (t: NotificationText, lang: Language) =>
    `<div lang="${lang}">${block(t, lang)
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join("")}</div>`;
  return {
    email: {
      subject: `${id.subject} / ${en.subject}`,
      text: `${block(id, "id").join("\n\n")}\n\n---\n\n${block(en, "en").join("\n\n")}\n`,
      html: `<!doctype html><html><body>${html(id, "id")}<hr>${html(en, "en")}</body></html>`,
    },
    sms: id.sms,
    inbox: {
      title: { id: id.subject, en: en.subject },
      body: { id: (id.inbox ?? id.paragraphs).join("\n\n"), en: (en.inbox ?? en.paragraphs).join("\n\n") },
    },
  };
}
