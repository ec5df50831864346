import { describe, expect, it } from "vitest";
import { invitationText } from "../../functions/src/domain/priority.js";
import { fitSms, gsmSafe, gsmSeptets, SMS_MAX_SEPTETS } from "../../functions/src/domain/sms.js";
import { notificationText, renderNotification, type Language } from "../../functions/src/schemas/notificationTexts.js";
import { NOTIFICATION_KINDS, notification, type Notification } from "../../functions/src/schemas/notifications.js";

/** The notification templates: both languages, one GSM-7 SMS each, whatever the parameters. */

const DEADLINE = new Date("2026-04-01T17:30:00Z"); // 2 April 2026, 00:30 in Jakarta
const LONG = "Pelatihan “Digital Marketing” – Tingkat Lanjut untuk UMKM & Pemula 🚀 ".repeat(4).slice(0, 200);

/** Every kind with its longest realistic parameters (both results of the draw). */
const LONGEST: Notification[] = [
  { kind: "draw-result", uid: "u1", params: { waveNumber: 999, selected: true, trainingBalance: 10_000_000, purchaseDeadline: DEADLINE } },
  { kind: "draw-result", uid: "u1", params: { waveNumber: 999, selected: false } },
  { kind: "purchase-otp", uid: "u1", params: { code: "12345678", validMinutes: 60, platformName: LONG, price: 10_000_000 } },
  { kind: "purchase-confirmed", uid: "u1", params: { trainingTitle: LONG, platformName: LONG, price: 10_000_000, balanceLeft: 10_000_000 } },
  { kind: "deadline-reminder-7d", uid: "u1", params: { purchaseDeadline: DEADLINE, trainingBalance: 10_000_000 } },
  { kind: "deadline-reminder-1d", uid: "u1", params: { purchaseDeadline: DEADLINE, trainingBalance: 10_000_000 } },
  { kind: "revoked", uid: "u1", params: { reason: "purchase-deadline-passed" } },
  { kind: "revoked", uid: "u1", params: { reason: "not-eligible" } },
  { kind: "revoked", uid: "u1", params: { reason: "program-office-decision" } },
  { kind: "payout-paid", uid: "u1", params: { amount: 99_999_999, number: 99, of: 99, partnerName: "X".repeat(30), partnerReference: "R".repeat(64) } },
  { kind: "desk-receipt", uid: "u1", params: { nikMasked: "3171********0003", office: LONG, at: DEADLINE, after: "registration" } },
  { kind: "desk-receipt", uid: "u1", params: { nikMasked: "3171********0003", office: LONG, at: DEADLINE, after: "dispute" } },
];
const LANGUAGES: Language[] = ["id", "en"];

describe("notification templates", () => {
  it("when the examples are read, then every kind has one and each parses", () => {
    // A priority list's invitation goes to someone without an account: an SMS only, not a notification (tested below).
    expect(new Set(LONGEST.map((n) => n.kind))).toEqual(new Set(NOTIFICATION_KINDS.filter((kind) => kind !== "priority-invitation")));
    for (const n of LONGEST) expect(notification.safeParse(n).success, n.kind).toBe(true);
  });

  it("when someone on a priority list is invited, then the SMS is one GSM-7 message starting like the others", () => {
    const sms = invitationText();
    expect(gsmSeptets(sms)).not.toBeNull();
    expect(gsmSeptets(sms)!).toBeLessThanOrEqual(SMS_MAX_SEPTETS);
    expect(sms.startsWith("Prakerja: ")).toBe(true);
  });

  it.each(LONGEST.flatMap((n) => LANGUAGES.map((lang) => [`${n.kind} ${JSON.stringify(n.params).slice(0, 40)}`, lang, n] as const)))(
    "when %s is written in %s with its longest parameters, then the SMS is one GSM-7 message",
    (_name, lang, n) => {
      const { sms } = notificationText(n, lang);
      const septets = gsmSeptets(sms);
      expect(septets, sms).not.toBeNull();
      expect(septets!, sms).toBeLessThanOrEqual(SMS_MAX_SEPTETS);
      expect(sms.startsWith("Prakerja: ")).toBe(true);
    },
  );

  it.each(LONGEST.map((n) => [n.kind, n] as const))("when %s is written, then Indonesian and English differ and each has a subject and a body", (_kind, n) => {
    const id = notificationText(n, "id");
    const en = notificationText(n, "en");
    expect(id.subject).not.toBe(en.subject);
    expect(id.paragraphs.join(" ")).not.toBe(en.paragraphs.join(" "));
    for (const text of [id, en]) expect(text.paragraphs.length).toBeGreaterThan(0);
  });

  it("when an email is rendered, then Bahasa Indonesia comes first and English second, in the subject, the text and the HTML", () => {
    const { email } = renderNotification(LONGEST[0]);
    expect(email.subject).toBe("Selamat, Anda terpilih di Gelombang 999 / Congratulations, you were selected in wave 999");
    expect(email.text.indexOf("Selamat!")).toBeLessThan(email.text.indexOf("Congratulations!"));
    expect(email.html.indexOf('lang="id"')).toBeLessThan(email.html.indexOf('lang="en"'));
  });

  it("when a selected person is told their deadline, then it is Jakarta's date and time, in words in the email and short in the SMS", () => {
    expect(notificationText(LONGEST[0], "id").paragraphs[1]).toContain("2 April 2026 pukul 00.30 WIB");
    expect(notificationText(LONGEST[0], "en").paragraphs[1]).toContain("2 April 2026, 00:30 WIB (Jakarta time)");
    expect(notificationText(LONGEST[0], "id").sms).toContain("02/04/2026 00.30 WIB");
    expect(notificationText(LONGEST[0], "id").paragraphs[0]).toContain("Rp 10.000.000");
    expect(notificationText(LONGEST[0], "en").paragraphs[0]).toContain("Rp 10,000,000");
  });

  it("when a one-time code is sent, then the email and the SMS carry it and the in-app copy never does", () => {
    const otp: Notification = { kind: "purchase-otp", uid: "u1", params: { code: "482913", validMinutes: 5, platformName: "Sekolahmu", price: 750_000 } };
    const rendered = renderNotification(otp);
    // What is bought, for how much, from whom: the code is given to that platform only, never to anyone else.
    expect(rendered.sms).toBe("Prakerja: OTP 482913 utk beli pelatihan Rp 750.000 di Sekolahmu. Berikan hanya ke platform itu jika Anda yg membeli. 5 mnt.");
    expect(rendered.email.text).toContain("482913");
    expect(JSON.stringify(rendered.inbox)).not.toContain("482913");
  });

  it("when a partner's training title holds markup, then the HTML shows it as text", () => {
    const bought: Notification = {
      kind: "purchase-confirmed",
      uid: "u1",
      params: { trainingTitle: '<script>alert("x")</script>', platformName: "P&Co", price: 1, balanceLeft: 2 },
    };
    const { html } = renderNotification(bought).email;
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("P&amp;Co");
  });
});

describe("GSM-7", () => {
  it("when text is counted, then extension characters take two septets and anything outside the alphabet makes it not GSM-7", () => {
    expect(gsmSeptets("Rp 1.000")).toBe(8);
    expect(gsmSeptets("[€]")).toBe(6);
    expect(gsmSeptets("“quoted”")).toBeNull();
    expect(gsmSeptets("🚀")).toBeNull();
  });

  it("when pasted text is made safe, then typographic punctuation becomes plain and the rest becomes ?", () => {
    expect(gsmSafe("“Kelas” – dasar… ’s 🚀")).toBe('"Kelas" - dasar... \'s ?');
  });

  it("when the free part is too long, then it is shortened with ... until the message fits", () => {
    const sms = fitSms((free) => `Prakerja: "${free}" dibeli.`, "x".repeat(300));
    expect(gsmSeptets(sms)).toBe(SMS_MAX_SEPTETS);
    expect(sms).toMatch(/x\.\.\." dibeli\.$/);
  });
});
