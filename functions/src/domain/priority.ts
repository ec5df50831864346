/**
 * Priority lists: the target groups the program office names (laid-off workers reported by the
 * employment insurance, people with disabilities, prospective migrant workers…), imported like an
 * exclusion list as keyed NIKs, declared on a wave at its creation, and marked on the pool's lines
 * at the freeze. A flagged line comes first in every round of the draw (docs/draw.md §5): the
 * list is given no share of seats, its members take seats before everyone else, however many
 * they are. Pure: no Firebase, no clock.
 */

/** A list's ID, chosen by the program office: `korban-phk`, `disabilitas`, `cpmi-2026`. Lower case, digits and dashes. */
export const PRIORITY_LIST_ID = /^[a-z][a-z0-9-]{1,39}$/;

/**
 * What the flag does, in words, as the wave's plan and `plan.json` record it at creation (fixed
 * from then on: `plan.json`'s hash is in the manifest's `files`). The draw's order (docs/draw.md
 * §5) is the rule; these words only say it.
 */
export const PRIORITY_RULE = {
  id: "Orang dalam daftar ini didahulukan di setiap putaran undian (docs/draw.md §5): mereka mendapat kursi sebelum semua orang lain, berapa pun jumlahnya.",
  en: "People on this list come first in every round of the draw (docs/draw.md §5): they take seats before everyone else, however many they are.",
} as const;

/** A wave's declared priority list, as its draw plan records it at creation. */
export interface WavePriority {
  listId: string;
  /** The list's version current when the wave was created: later imports do not change who is flagged in this wave. */
  version: number;
  /** The list's name at creation, for the public plan. */
  name: string;
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
