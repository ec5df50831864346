import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  evaluateEligibility,
  EXCLUDED_OCCUPATIONS,
  EXCLUSION_LIST_TYPES,
  OCCUPATIONS,
  ORDINARY_OCCUPATIONS,
  REASON_CODES,
  type EligibilityFacts,
  type EligibilityRules,
  type ReasonCode,
} from "../../functions/src/domain/eligibility.js";

const today = new Date("2026-06-01T12:00:00+07:00");
const rules: EligibilityRules = { minimumAge: 18, socialAidExcludes: true, familyLimit: 2 };
const eligible: EligibilityFacts = {
  birthDate: "1995-04-10",
  identityVerified: true,
  inFormalEducation: false,
  occupation: "laid-off",
  receivesSocialAid: false,
  exclusionListHits: [],
  familyRecipients: 0,
  blocked: false,
  alreadyParticipant: false,
};
const reasonsOf = (facts: Partial<EligibilityFacts>, over: Partial<EligibilityRules> = {}) =>
  evaluateEligibility({ ...eligible, ...facts }, { ...rules, ...over }, today).reasons;

/** One way to reach each reason on its own. */
const ALONE: [ReasonCode, Partial<EligibilityFacts>, Partial<EligibilityRules>?][] = [
  ["identity-not-verified", { identityVerified: false }],
  ["under-age", { birthDate: "2008-06-02" }],
  ["over-age", { birthDate: "1961-06-01" }, { maximumAge: 64 }],
  ["in-formal-education", { inFormalEducation: true }],
  ["excluded-occupation", { occupation: "civil-servant" }],
  ["receives-social-aid", { receivesSocialAid: true }],
  ["on-exclusion-list", { exclusionListHits: ["police"] }],
  ["family-limit-reached", { familyRecipients: 2 }],
  ["blocked", { blocked: true }],
  ["already-participant", { alreadyParticipant: true }],
];

describe("evaluateEligibility", () => {
  it("when no rule is broken, then the person is eligible with no reason", () => {
    expect(evaluateEligibility(eligible, rules, today)).toEqual({ eligible: true, reasons: [] });
  });

  it.each(ALONE)("when only %s applies, then it is the one reason", (code, facts, over = {}) => {
    expect(evaluateEligibility({ ...eligible, ...facts }, { ...rules, ...over }, today)).toEqual({ eligible: false, reasons: [code] });
  });

  it("when the reason codes are listed, then the table above reaches every one of them", () => {
    expect(ALONE.map(([code]) => code)).toEqual([...REASON_CODES]);
  });

  it("when the 18th birthday is today in Jakarta, then age no longer refuses", () => {
    expect(reasonsOf({ birthDate: "2008-06-01" })).toEqual([]);
    expect(reasonsOf({ birthDate: "2008-06-02" })).toEqual(["under-age"]);
  });

  it("when the program year admits 18 to 64 (2024), then the 65th birthday today is over-age and the day before is not", () => {
    expect(reasonsOf({ birthDate: "1961-06-02" }, { maximumAge: 64 })).toEqual([]);
    expect(reasonsOf({ birthDate: "1961-06-01" }, { maximumAge: 64 })).toEqual(["over-age"]);
  });

  it("when the program year sets no maximum age (2020–2023), then nobody is too old", () => {
    expect(reasonsOf({ birthDate: "1930-01-01" })).toEqual([]);
  });

  it("when the identity waits for verification, then it is reported first, with every other unmet rule after it", () => {
    expect(reasonsOf({ identityVerified: false, birthDate: "2010-01-01", inFormalEducation: true })).toEqual([
      "identity-not-verified",
      "under-age",
      "in-formal-education",
    ]);
  });

  it("when several rules are broken, then all reasons come in the fixed order, whatever the order of the list hits", () => {
    const facts = { birthDate: "2010-01-01", alreadyParticipant: true, occupation: "military" as const, familyRecipients: 5 };
    expect(reasonsOf({ ...facts, exclusionListHits: ["block-list", "student"] })).toEqual([
      "under-age",
      "excluded-occupation",
      "on-exclusion-list",
      "family-limit-reached",
      "blocked",
      "already-participant",
    ]);
    expect(reasonsOf({ ...facts, exclusionListHits: ["student", "block-list"] })).toEqual(
      reasonsOf({ ...facts, exclusionListHits: ["block-list", "student"] }),
    );
  });

  it("when social aid excludes this year, then declaring it and a social-aid list hit both refuse", () => {
    expect(reasonsOf({ receivesSocialAid: true, exclusionListHits: ["social-aid"] })).toEqual(["receives-social-aid", "on-exclusion-list"]);
  });

  it("when social aid no longer excludes (2023), then neither the declaration nor the list hit refuses", () => {
    expect(reasonsOf({ receivesSocialAid: true, exclusionListHits: ["social-aid"] }, { socialAidExcludes: false })).toEqual([]);
  });

  it("when the family limit is 2, then one recipient on the KK still leaves room and two do not", () => {
    expect(reasonsOf({ familyRecipients: 1 })).toEqual([]);
    expect(reasonsOf({ familyRecipients: 2 })).toEqual(["family-limit-reached"]);
  });

  it("when the family limit is 1, then one recipient on the KK already fills it", () => {
    expect(reasonsOf({ familyRecipients: 0 }, { familyLimit: 1 })).toEqual([]);
    expect(reasonsOf({ familyRecipients: 1 }, { familyLimit: 1 })).toEqual(["family-limit-reached"]);
  });

  it("when the NIK is on the block list, then the reason is blocked; on a student list, on-exclusion-list", () => {
    expect(reasonsOf({ exclusionListHits: ["block-list"] })).toEqual(["blocked"]);
    expect(reasonsOf({ exclusionListHits: ["student"] })).toEqual(["on-exclusion-list"]);
    expect(reasonsOf({ blocked: true, exclusionListHits: ["block-list"] })).toEqual(["blocked"]);
  });

  it("when any excluded occupation is declared, then it refuses, and no ordinary one does", () => {
    for (const occupation of EXCLUDED_OCCUPATIONS) expect(reasonsOf({ occupation })).toEqual(["excluded-occupation"]);
    for (const occupation of ORDINARY_OCCUPATIONS) expect(reasonsOf({ occupation })).toEqual([]);
  });

  it("whatever the facts, then reasons are unique, in REASON_CODES order, and eligible exactly when there is none", () => {
    const facts = fc.record({
      birthDate: fc.constantFrom("1940-01-01", "1960-01-01", "2008-06-01", "2008-06-02", "2015-12-31"),
      identityVerified: fc.boolean(),
      inFormalEducation: fc.boolean(),
      occupation: fc.constantFrom(...OCCUPATIONS),
      receivesSocialAid: fc.boolean(),
      exclusionListHits: fc.array(fc.constantFrom(...EXCLUSION_LIST_TYPES), { maxLength: 5 }),
      familyRecipients: fc.nat(4),
      blocked: fc.boolean(),
      alreadyParticipant: fc.boolean(),
    });
    const someRules = fc.record(
      { minimumAge: fc.constant(18), maximumAge: fc.constantFrom(64, 70), socialAidExcludes: fc.boolean(), familyLimit: fc.integer({ min: 1, max: 3 }) },
      { requiredKeys: ["minimumAge", "socialAidExcludes", "familyLimit"] },
    );
    fc.assert(
      fc.property(facts, someRules, (f, r) => {
        const decision = evaluateEligibility(f, r, today);
        const positions = decision.reasons.map((code) => REASON_CODES.indexOf(code));
        expect(positions).toEqual([...new Set(positions)].sort((a, b) => a - b));
        expect(decision.eligible).toBe(decision.reasons.length === 0);
      }),
    );
  });
});
