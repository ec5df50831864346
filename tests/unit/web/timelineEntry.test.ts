import { describe, expect, it } from "vitest";
import { eligibilityLine } from "../../../hosting/src/pages/status/timelineEntry.js";

describe("the eligibility line of a history entry on /status", () => {
  it("when an entry carries no eligibility decision (null over the callable, or absent), then it shows no eligibility line", () => {
    expect(eligibilityLine({ eligible: null })).toBeNull();
    expect(eligibilityLine({})).toBeNull();
    expect(eligibilityLine({ eligible: undefined })).toBeNull();
  });

  it("when an entry records a decision, then it says which", () => {
    expect(eligibilityLine({ eligible: true })).toBe("timeline.eligible");
    expect(eligibilityLine({ eligible: false })).toBe("timeline.notEligible");
  });
});
