/**
 * Priority lists: the target groups the program office names (laid-off workers reported by the
 * employment insurance, people with disabilities, prospective migrant workers…), imported like an
 * exclusion list as keyed NIKs, declared on a wave at its creation, and marked on the pool's lines
 * at the freeze, with the share of the quota it gets (basis points). The draw's priority round
 * gives that many seats first, among the flagged lines in rank order; whoever on the list it does
 * not reach takes part in the other rounds like everyone else (docs/draw.md §6–§7). Pure: no
 * Firebase, no clock.
 */

import { WHOLE } from "./draw/constants.js";

/**
 * The priority round's seats: floor(quota × basisPoints / 10000), in integers (exact below 2^53;
 * quotas are at most 10^8). The strata share the rest of the quota (docs/draw.md §6).
 */
export function prioritySeatsOf(quota: number, basisPoints: number): number {
  const product = quota * basisPoints;
  return (product - (product % WHOLE)) / WHOLE;
}

/** A list's ID, chosen by the program office: `korban-phk`, `disabilitas`, `cpmi-2026`. Lower case, digits and dashes. */
export const PRIORITY_LIST_ID = /^[a-z][a-z0-9-]{1,39}$/;

/**
 * What the flag does, in words, as the wave's plan and `plan.json` record it at creation (fixed
 * from then on: `plan.json`'s hash is in the manifest's `files`). The draw's order (docs/draw.md
 * §5) is the rule; these words only say it.
 */
export const PRIORITY_RULE = {
  id: "Sebagian kuota (bagian daftar ini, dalam rencana) diundi lebih dulu hanya di antara orang dalam daftar ini, menurut peringkat; yang belum terpilih tetap ikut putaran berikutnya seperti peserta lain (docs/draw.md §7).",
  en: "A part of the quota (this list's share, in the plan) is drawn first among the people on this list only, by rank; those not chosen there take part in the later rounds like everyone else (docs/draw.md §7).",
} as const;

/** A wave's declared priority list, as its draw plan records it at creation. */
export interface WavePriority {
  listId: string;
  /** The list's version current when the wave was created: later imports do not change who is flagged in this wave. */
  version: number;
  /** The list's name at creation, for the public plan. */
  name: string;
  /** The share of the wave's quota drawn first among the list's people, basis points (1–10000). */
  basisPoints: number;
  /** What the flag does, in words (PRIORITY_RULE, as it read at creation). */
  rule: { id: string; en: string };
}

/** What an applicant document holds about priority lists: for each list, the versions the person was on. */
export interface PriorityMemberships {
  priorityLists?: Readonly<Record<string, readonly number[]>>;
}

/**
 * Whether the freeze flags this applicant's pool line as priority: the wave declares a list and
 * the person was on the version the wave recorded. A person dropped by a later version keeps that
 * earlier version in their document, but no wave created after the drop records it.
 */
export function isPriority(applicant: PriorityMemberships, plan: { priority?: Pick<WavePriority, "listId" | "version"> }): boolean {
  const declared = plan.priority;
  if (declared === undefined) return false;
  return applicant.priorityLists?.[declared.listId]?.includes(declared.version) ?? false;
}

/**
 * The idempotency key of one person's invitation to register (the `sms/{key}` document's ID):
 * once per list, whatever the version, so a re-import never texts anyone twice. Made of the list's
 * ID and the NIK's keyed hash, never of a NIK or a phone number.
 */
export const invitationKey = (listId: string, nikKey: string): string => `priority-invitation-${listId}-${nikKey}`;

/** Where a person registers, as the invitation names it (short: the SMS is one GSM-7 message). */
export const REGISTRATION_SITE = "prakerja.go.id";

/**
 * The invitation's text, Bahasa Indonesia, one GSM-7 message (≤ 160 characters). It names no
 * group: which list a person is on (laid off, a disability) is theirs to tell, not a text's.
 * It warns that the program never asks for money or a code, as the draw's messages do.
 */
export function invitationText(site: string = REGISTRATION_SITE): string {
  return `Prakerja: Anda termasuk daftar prioritas Kartu Prakerja. Daftar gratis dengan NIK Anda di ${site}. Kami tidak pernah meminta uang atau kode OTP.`;
}

/** The counts a list shows, on the console and the transparency page. */
export interface PriorityCounts {
  /** Distinct NIKs on the current version. */
  entries: number;
  /** Of them, registered at the last count (import, then each invitation pass). */
  registered: number;
  /** People invited by SMS, ever (once each per list). */
  invited: number;
}
