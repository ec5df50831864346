/**
 * SMS text in the GSM 03.38 default alphabet (GSM-7): one message carries 160 of its septets;
 * a character of the extension table (`^{}\[~]|€` and form feed) takes two. A single character
 * outside both switches the whole message to UCS-2, where one message carries only 70: the
 * templates keep to GSM-7 (gsmSafe) and to one message (fitSms).
 */

export const SMS_MAX_SEPTETS = 160;

const BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const EXTENDED = "\f^{}\\[~]|€";

/** The septets `text` takes in GSM-7, or null when a character is outside the alphabet. */
export function gsmSeptets(text: string): number | null {
  let septets = 0;
  for (const char of text) {
    if (BASIC.includes(char)) septets += 1;
    else if (EXTENDED.includes(char)) septets += 2;
    else return null;
  }
  return septets;
}

/** Typographic characters people paste (curly quotes, dashes, ellipsis) turned into GSM-7; anything else outside it becomes "?". */
export function gsmSafe(text: string): string {
  const plain = text
    .replace(/[\u2018\u2019\u201A\u2032`´]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\u2026/g, "...")
    .replace(/[\u00A0\u2000-\u200B\u202F\t]/g, " ")
    .normalize("NFC");
  return [...plain].map((char) => (gsmSeptets(char) === null ? "?" : char)).join("");
}

/**
 * One SMS from a template whose only variable-length part is `free` (a training's title, say):
 * `free` is made GSM-7 and shortened (ending in "...") until the message fits in one SMS.
 */
export function fitSms(template: (free: string) => string, free: string): string {
  let text = gsmSafe(free);
  const fits = (candidate: string) => (gsmSeptets(template(candidate)) ?? Infinity) <= SMS_MAX_SEPTETS;
  if (fits(text)) return template(text);
  const chars = [...text];
  while (chars.length > 0) {
    chars.pop();
    text = `${chars.join("").trimEnd()}...`;
    if (fits(text)) return template(text);
  }
  return template("");
}
