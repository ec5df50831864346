import { beforeAll, describe, expect, it } from "vitest";
import { URLS } from "../../scripts/stack/config.js";
import { adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { accountWith, call, type SignedIn } from "../support/stack.js";

/**
 * getMyStatus over HTTP: the applicant's own view, and eligibility checked again against the
 * exclusion lists as they are now. This file alone imports the `civil-servant` list.
 */

beforeAll(ensureProgramYear);

interface Status {
  profile: Record<string, unknown>;
  eligibility: { eligible: boolean; reasons: string[] };
  timeline: Array<{ kind: string; eligible?: boolean; reasons?: string[] }>;
}

async function importCivilServants(admin: SignedIn, niks: string[]): Promise<void> {
  const response = await fetch(`${URLS.functions}/importExclusionList?type=civil-servant`, {
    method: "POST",
    headers: { "content-type": "text/csv", authorization: `Bearer ${admin.idToken}` },
    body: ["nik", ...niks].join("\n"),
  });
  const text = await response.text();
  expect(text).toContain('"done"');
}

/** Functions cache the lists' current versions for up to 5 s (adapters/exclusionLists.ts). */
async function statusUntil(applicant: SignedIn, eligible: boolean): Promise<Status> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const status = (await call("getMyStatus", {}, applicant.idToken)).result as Status;
    if (status.eligibility.eligible === eligible || Date.now() > deadline) return status;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

describe("getMyStatus", () => {
  it("when the account has not registered, then it is not-found", async () => {
    const applicant = await accountWith(null, "status");
    expect((await call("getMyStatus", {}, applicant.idToken)).error).toMatchObject({ status: "NOT_FOUND", details: { reason: "not-registered" } });
  });

  it("when a registered person looks, then they see their summary and timeline but never their full NIK", async () => {
    const applicant = await accountWith(null, "status");
    const form = person({ districtCode: "317101" });
    await call("register", form, applicant.idToken);
    const response = await call("getMyStatus", null, applicant.idToken);
    const status = response.result as Status;
    expect(status.profile).toMatchObject({
      nikMasked: `${form.nik.slice(0, 4)}********${form.nik.slice(12)}`,
      registeredBy: "self",
      region: { district: "Gambir" },
    });
    expect(status.eligibility).toMatchObject({ eligible: true, reasons: [] });
    expect(status.timeline.map((e) => e.kind)).toEqual(["registered"]);
    expect(JSON.stringify(response)).not.toContain(form.nik);
    expect(JSON.stringify(response)).not.toContain(form.kk);
  });

  it("when the person's NIK joins and then leaves the civil-servant list, then each change reaches their status and timeline", async () => {
    const [applicant, admin] = await Promise.all([accountWith(null, "status"), accountWith({ role: "admin" }, "admin")]);
    const form = person();
    await call("register", form, applicant.idToken);

    await importCivilServants(admin, [form.nik, person().nik]);
    const excluded = await statusUntil(applicant, false);
    expect(excluded.eligibility).toMatchObject({ eligible: false, reasons: ["on-exclusion-list"] });
    expect((await adminDb.doc(`applicants/${applicant.uid}`).get()).get("eligibility.reasons")).toEqual(["on-exclusion-list"]);

    await importCivilServants(admin, [person().nik]);
    const cleared = await statusUntil(applicant, true);
    expect(cleared.eligibility).toMatchObject({ eligible: true, reasons: [] });
    expect(cleared.timeline.map((e) => [e.kind, e.eligible])).toEqual([
      ["registered", true],
      ["eligibility-changed", false],
      ["eligibility-changed", true],
    ]);
  });
});
