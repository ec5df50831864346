/**
 * How many accounts a family card lists by uid. A Kartu Keluarga names a household (a few people,
 * rarely more than fifteen); past 200 registrations on one card the list is dropped rather than
 * grown, so the card stays a few kilobytes (200 uids of 28 characters: under 6 KB of the 1 MiB a
 * document may hold) whatever is typed into the KK field.
 */
export const FAMILY_MEMBERS_LISTED = 200;

/** A family card's counts and listed accounts, as `families/{kkKey}` holds them (schemas/applicant.ts). */
export interface FamilyCard {
  registrants: number;
  recipients: number;
  members?: string[];
}

/** A card no one has registered on yet: nobody listed, and the list complete. */
export const NO_FAMILY: FamilyCard = { registrants: 0, recipients: 0, members: [] };

/**
 * A card the draw's winners read but did not find: nobody counted, and its
 * members, if any, not listed, so they are found by their `kkKey`.
 */
export const UNLISTED_FAMILY: FamilyCard = { registrants: 0, recipients: 0 };

/**
 * The card after `uid` registered on it (or was re-tied to its registration): one more registrant
 * when `registered`, and the uid listed while the list is complete and under the bound; otherwise
 * the list is left out, and the card's members are found by query from then on.
 */
export function withMember(family: FamilyCard, uid: string, registered: boolean): FamilyCard {
  const { members, ...counts } = family;
  const next = { ...counts, registrants: counts.registrants + (registered ? 1 : 0) };
  if (members === undefined) return next;
  if (members.includes(uid)) return { ...next, members };
  return members.length < FAMILY_MEMBERS_LISTED ? { ...next, members: [...members, uid] } : next;
}
