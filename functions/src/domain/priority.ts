/**
 * Priority lists: the target groups the program office names (laid-off workers reported by the
 * employment insurance, people with disabilities, prospective migrant workers…), imported like an
 * exclusion list as keyed NIKs, declared on a wave at its creation with the share of seats they
 * get, and marked on the pool's lines at the freeze. Pure: no Firebase, no clock.
 */

/** A list's ID, chosen by the program office: `korban-phk`, `disabilitas`, `cpmi-2026`. Lower case, digits and dashes. */
export const PRIORITY_LIST_ID = /^[a-z][a-z0-9-]{1,39}$/;

/** The most a list can claim of a wave's seats, in basis points (10,000 = every seat). */
export const MAX_PRIORITY_BASIS_POINTS = 10_000;

/** A wave's declared priority list, as its draw plan records it at creation. */
export interface WavePriority {
  listId: string;
  /** The list's version current when the wave was created: later imports do not change who is flagged in this wave. */
  version: number;
  /** The share of the quota reserved for people on the list, in basis points (1–10,000). */
  basisPoints: number;
  /** The list's name at creation, for the public plan. */
  name: string;
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
 * Seats reserved for the list: floor(quota × basisPoints / 10,000), the rule of docs/draw.md's
 * priority round (integer arithmetic: exact for every quota up to 10 million). Seats the list
 * cannot fill go back to the national round.
 */
export function prioritySeats(quota: number, basisPoints: number): number {
  return Math.floor((quota * basisPoints) / MAX_PRIORITY_BASIS_POINTS);
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
