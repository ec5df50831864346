import { parseKk, parseNik } from "../../functions/src/domain/nik.js";
import { maskName, maskNik, maskPhone } from "../../functions/src/domain/privacy.js";
import { mobileNumber } from "../../functions/src/schemas/phone.js";

/**
 * The privacy scan's matching (scripts/privacyScan.ts), pure: which personal data a string holds in
 * clear. Three kinds, each as narrow as its definition allows, so that a finding is worth reading:
 *
 * - `nik` / `kk`: a run of exactly 16 digits that parses as a NIK (domain/nik.ts parseNik: a known
 *   district, a real birth date, a serial other than 0000), otherwise as a KK (parseKk: a known
 *   district). The run must stand alone: not touching a letter, a digit or a base64 sign (`+`, `/`,
 *   `=`), so hex hashes, base64 seals and long references, where digits sit between letters, are
 *   not read as numbers. A masked NIK (`3171********0001`) has no 16-digit run.
 * - `phone`: an Indonesian mobile number in any way people write it (`+62 812-3456-7890`,
 *   `6281234567890`, `0812 3456 7890`), accepted by the registration's own rule (schemas/phone.ts
 *   mobileNumber: 08 and 10 to 13 digits in national form). The project's rule rather than a phone
 *   library: the npm registry this workplace reaches lists no libphonenumber-js, and the rule is the
 *   one every stored number went through. Standing alone as above; a masked number
 *   (`+62812****7890`) does not match.
 * - `name`: one of the given full names (the fixtures' and demo seed's: scripts/fixtures/names.ts),
 *   whole words, any case and any run of spaces between words. A masked name (`Dewi L******`) does
 *   not match.
 */
export type PersonalKind = "nik" | "kk" | "phone" | "name";

export interface Match {
  kind: PersonalKind;
  /** The match masked as the app masks it: safe to print. */
  masked: string;
}

/** 16 digits not touching a letter, digit or base64 sign. */
const SIXTEEN = /(?<![\p{L}\p{N}+/])\d{16}(?![\p{L}\p{N}+/=])/gu;
/**
 * +62 / 62 / 0, then 8 and 8–11 more digits, with optional spaces, dots or dashes between groups.
 * Not right after a dash or a dot: the last group of a UUID (a mail's message ID, all 12 hex
 * digits by chance) is not a number someone wrote.
 */
const MOBILE = /(?<![\p{L}\p{N}+/=.-])(?:\+62|62|0)[\s.-]?8\d{2}(?:[\s.-]?\d){6,10}(?![\p{L}\p{N}/=])/gu;

/** Today only bounds a NIK's two-digit year; any date reads every real NIK as one. */
const TODAY = new Date("2026-01-01T00:00:00Z");

/** Every NIK, KK, mobile number and listed name `text` holds in clear, in that order of kinds. */
export function findPersonalData(text: string, names: NameMatcher): Match[] {
  const found: Match[] = [];
  for (const [run] of text.matchAll(SIXTEEN)) {
    if (parseNik(run, TODAY).ok) found.push({ kind: "nik", masked: maskNik(run) });
    else if (parseKk(run, "").ok) found.push({ kind: "kk", masked: maskNik(run) });
  }
  for (const [written] of text.matchAll(MOBILE)) {
    const parsed = mobileNumber.safeParse(written);
    if (parsed.success) found.push({ kind: "phone", masked: maskPhone(parsed.data) });
  }
  for (const [name] of text.matchAll(names.pattern)) found.push({ kind: "name", masked: maskName(name) });
  return found;
}

export interface NameMatcher {
  pattern: RegExp;
}

/** A matcher for `names` (at least one): whole words, case-insensitive, any whitespace between words. */
export function nameMatcher(names: readonly string[]): NameMatcher {
  const alternatives = names
    .map((name) => name.trim().split(/\s+/).map(escapeRegExp).join("\\s+"))
    .filter((source) => source.length > 0)
    .sort((a, b) => b.length - a.length);
  const body = alternatives.length === 0 ? "(?!)" : alternatives.join("|");
  return { pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, "giu") };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One finding: where (a document path or log file and line), which field, what kind, masked. */
export interface Finding extends Match {
  /** `applicants/u1` or `.stack/emulators.log:120`. */
  where: string;
  /** The field path inside the document (`message.text`, `holders[2].name`), `(id)` for the document ID, `` for a log line. */
  field: string;
}

/**
 * Every finding in a document's data, walking maps and arrays. An integer is read as its digits (a
 * NIK below 9007199254740992 fits a number exactly; `6281234567890` is a phone). Other values
 * (timestamps, references, bytes, booleans) hold no text and are skipped.
 */
export function scanValue(value: unknown, names: NameMatcher, where: string, field = ""): Finding[] {
  if (typeof value === "string") return findPersonalData(value, names).map((match) => ({ ...match, where, field }));
  if (typeof value === "number" && Number.isSafeInteger(value)) return findPersonalData(String(value), names).map((match) => ({ ...match, where, field }));
  if (Array.isArray(value)) return value.flatMap((inner, index) => scanValue(inner, names, where, `${field}[${index}]`));
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([key, inner]) => [
      ...findPersonalData(key, names).map((match) => ({ ...match, where, field: `${field}${field === "" ? "" : "."}(key)` })),
      ...scanValue(inner, names, where, field === "" ? key : `${field}.${key}`),
    ]);
  }
  return [];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A finding as one line of the scan's report: never the value in clear. */
export const describeFinding = (finding: Finding): string =>
  `${finding.where}${finding.field === "" ? "" : ` ${finding.field}`}: ${finding.kind} ${finding.masked}`;
