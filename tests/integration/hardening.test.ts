import { beforeAll, describe, expect, it } from "vitest";
import { programYear } from "../../scripts/demo-data.js";
import { URLS } from "../../scripts/stack/config.js";
import { adminAuth, adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { nikKey } from "../support/secrets.js";
import { accountWith, call, type SignedIn } from "../support/stack.js";

/**
 * Malformed and hostile requests found by probing every callable: each gets its status, answers
 * fast, and writes nothing.
 */

let admin: SignedIn;
let applicant: SignedIn;
const year = new Date().getFullYear() + 1;
const wave = (over: Record<string, unknown>) => ({
  number: 900_000 + Math.floor(Math.random() * 90_000),
  programYear: year,
  opensAt: `${year}-01-01T00:00:00+07:00`,
  closesAt: `${year}-01-15T00:00:00+07:00`,
  quota: 100,
  ...over,
});
const wavesOfYear = async () => (await adminDb.collection("waves").where("programYear", "==", year).get()).size;

/** POSTs a raw JSON text to a callable, as a client that builds its own body would. */
async function raw(name: string, body: string, idToken: string) {
  const response = await fetch(`${URLS.functions}/${name}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${idToken}` },
    body,
  });
  return { status: response.status, body: (await response.json()) as { error?: { status: string; details?: { fields?: Array<{ code: string }> } } } };
}

beforeAll(async () => {
  await ensureProgramYear();
  await adminDb.doc(`programYears/${year}`).set({ ...programYear, year });
  [admin, applicant] = await Promise.all([accountWith({ role: "admin" }, "admin"), accountWith(null, "prober")]);
});

describe("inputs of a shape no form sends", () => {
  it("when an array is nested 4,500 deep, then it is invalid-argument, not a crash", async () => {
    const deep = `${"[".repeat(4500)}${"]".repeat(4500)}`;
    const { status, body } = await raw("register", `{"data":${deep}}`, applicant.idToken);
    expect(status).toBe(400);
    expect(body.error?.status).toBe("INVALID_ARGUMENT");
    expect(body.error?.details?.fields?.[0]?.code).toBe("too-deep");
  });

  it("when a value carries the protocol's @type tag, then it is invalid-argument before the library decodes it", async () => {
    const { status, body } = await raw("joinWave", `{"data":{"@type":"x"}}`, applicant.idToken);
    expect(status).toBe(400);
    expect(body.error?.details?.fields?.[0]?.code).toBe("reserved-key");
  });

  it("when a stratum is keyed __proto__, then the wave is refused instead of saved with empty counts", async () => {
    const body = `{"data":${JSON.stringify(wave({})).slice(0, -1)},"strata":{"kind":"counts","counts":{"__proto__":5}}}}`;
    const { status } = await raw("createWave", body, admin.idToken);
    expect(status).toBe(400);
    expect(await wavesOfYear()).toBe(0);
  });

  it("when a stratum names a province that does not exist, then it is refused as stratum-code-invalid", async () => {
    const response = await call("createWave", wave({ strata: { kind: "counts", counts: { "99": 5 } } }), admin.idToken);
    expect(response.error).toMatchObject({ status: "INVALID_ARGUMENT", details: { reason: "stratum-code-invalid" } });
    expect(await wavesOfYear()).toBe(0);
  });

  it.each([
    ["a close in the year 10000", { closesAt: "+010000-01-01T00:00:00Z" }],
    ["an opening in the year 0000", { opensAt: "0000-01-01T00:00:00Z" }],
    ["a close in 9999", { closesAt: "9999-12-31T00:00:00Z" }],
  ])("when a wave has %s, then it is invalid-argument and nothing is written", async (_name, over) => {
    const response = await call("createWave", wave(over), admin.idToken);
    expect(response.status).toBe(400);
    expect(response.error?.status).toBe("INVALID_ARGUMENT");
    expect(await wavesOfYear()).toBe(0);
  });
});

describe("task queues", () => {
  it("when a task's payload carries a @type tag or is nested thousands deep, then it is dropped (2xx), not crashed and retried", async () => {
    for (const body of ['{"data":{"@type":"x"}}', `{"data":${"[".repeat(4500)}${"]".repeat(4500)}}`]) {
      const response = await fetch(`${URLS.functions}/expireExclusionImport`, { method: "POST", headers: { "content-type": "application/json" }, body });
      expect(response.status).toBe(204);
    }
  });
});

describe("accounts that should not get in", () => {
  it("when an auditor is demoted, then the token they still hold no longer carries the old role", async () => {
    const auditor = await accountWith({ role: "auditor" }, "auditor");
    const diff = { type: "police", from: 1, to: 2 };
    expect((await call("exclusionListDiff", diff, auditor.idToken)).error?.status).not.toBe("PERMISSION_DENIED");
    // Revocation is kept in whole seconds: a token issued in the same second as the revocation survives it.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const demoted = await call("grantRole", { requestId: crypto.randomUUID(), email: auditor.email, role: "applicant" }, admin.idToken);
    expect(demoted.error).toBeUndefined();
    expect((await call("exclusionListDiff", diff, auditor.idToken)).error?.status).toBe("UNAUTHENTICATED");
  });

  it("when an operator region names no province or regency, then the grant is refused on the region field", async () => {
    const target = await accountWith(null, "target");
    const response = await call("grantRole", { requestId: crypto.randomUUID(), email: target.email, role: "operator", region: "99" }, admin.idToken);
    expect(response.error).toMatchObject({ status: "INVALID_ARGUMENT", details: { reason: "region-unknown", fields: [{ field: "region" }] } });
    expect((await adminAuth.getUser(target.uid)).customClaims ?? {}).toEqual({});
  });

  it("when an operator's account is disabled, then their unexpired token no longer registers anyone", async () => {
    const operator = await accountWith({ role: "operator", region: "31" }, "operator");
    await adminAuth.updateUser(operator.uid, { disabled: true });
    const form = person({ districtCode: "317101" });
    const response = await call("registerAssisted", { requestId: crypto.randomUUID(), person: form }, operator.idToken);
    expect(response.error?.status).toBe("UNAUTHENTICATED");
    expect((await adminDb.doc(`nikIndex/${nikKey(form.nik)}`).get()).exists).toBe(false);
  });
});

describe("an account trying NIK after NIK", () => {
  it("when an account's refused attempts reach the daily limit, then it is told to come back tomorrow without learning more", async () => {
    const prober = await accountWith(null, "prober");
    const taken = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const owner = await accountWith(null, "owner");
        const form = person();
        expect((await call("register", form, owner.idToken)).error).toBeUndefined();
        return form;
      }),
    );
    const answers = [];
    for (const form of taken) answers.push((await call("register", form, prober.idToken)).error?.details);
    expect(answers.slice(0, 5)).toEqual(Array(5).fill(expect.objectContaining({ reason: "nik-registered" })));
    expect(answers[5]).toMatchObject({ reason: "too-many-attempts" });
    // A free NIK is refused the same way now: the limit tells nothing about who registered.
    const free = await call("register", person(), prober.idToken);
    expect(free.error).toMatchObject({ status: "RESOURCE_EXHAUSTED", details: { reason: "too-many-attempts" } });
    expect((await adminDb.doc(`applicants/${prober.uid}`).get()).exists).toBe(false);
  });
});
