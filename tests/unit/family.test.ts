import { describe, expect, it } from "vitest";
import { FAMILY_MEMBERS_LISTED, NO_FAMILY, withMember } from "../../functions/src/domain/family.js";
import { documentBytes } from "../../functions/src/domain/documentSize.js";

describe("a family card's members", () => {
  it("when people register on a card, then each account is listed once, and a re-tie lists the account without counting a registration", () => {
    const one = withMember(NO_FAMILY, "u1", true);
    const two = withMember(one, "u2", true);
    expect(two).toEqual({ registrants: 2, recipients: 0, members: ["u1", "u2"] });
    expect(withMember(two, "u3", false)).toEqual({ registrants: 2, recipients: 0, members: ["u1", "u2", "u3"] });
    expect(withMember(two, "u2", false)).toEqual(two);
  });

  it("when a card would list more than FAMILY_MEMBERS_LISTED accounts, then the list is dropped for good and the card stays small", () => {
    let card = NO_FAMILY;
    for (let i = 0; i < FAMILY_MEMBERS_LISTED; i += 1) card = withMember(card, `uid-${"x".repeat(24)}-${i}`, true);
    expect(card.members).toHaveLength(FAMILY_MEMBERS_LISTED);
    // 200 uids of 28+ characters in the largest card: a few kilobytes of the 1 MiB a document may hold.
    expect(documentBytes(`families/${"k".repeat(43)}`, { ...card })).toBeLessThan(8_000);
    const over = withMember(card, "one-more", true);
    expect(over).toEqual({ registrants: FAMILY_MEMBERS_LISTED + 1, recipients: 0 });
    // Once dropped, never partly rebuilt: an incomplete list would hide a member from the draw.
    expect(withMember(over, "another", true)).toEqual({ registrants: FAMILY_MEMBERS_LISTED + 2, recipients: 0 });
  });
});
