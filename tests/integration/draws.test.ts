import { beforeAll, describe, expect, it } from "vitest";
import { URLS } from "../../scripts/stack/config.js";
import { planDifference } from "../../functions/src/domain/draw/index.js";
import { drawManifest, drawPlan, poolPage } from "../../functions/src/schemas/draw.js";
import { httpError } from "../../functions/src/schemas/http.js";
import { storeDrawnWave, type StoredDraw } from "../e2e/publishedDraw.js";
import { accountWith, call } from "../support/stack.js";

/**
 * The public draws over real HTTP, through the functions emulator and through Hosting's rewrite:
 * served files parse with their strict schemas, and an ID Firestore would refuse never reaches it.
 */

let stored: StoredDraw;
const DIRECT = `${URLS.functions}/draws`;
const HOSTED = `${URLS.webApp}/draws`;

async function timed(url: string, init?: RequestInit) {
  const began = performance.now();
  const response = await fetch(url, init);
  const text = await response.text();
  return { response, status: response.status, text, ms: performance.now() - began };
}

beforeAll(async () => {
  stored = await storeDrawnWave();
  // Warm: the first request to a function pays its cold start, which is not what is measured here.
  await fetch(`${DIRECT}/${stored.waveId}/manifest.json`);
});

describe("draws", () => {
  it("when a wave's draw is published, then its manifest and pool pages are served as they parse under their strict schemas", async () => {
    for (const base of [DIRECT, HOSTED]) {
      const { status, text, response } = await timed(`${base}/${stored.waveId}/manifest.json`);
      expect(status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("public, max-age=300");
      expect(response.headers.get("x-request-id")).toBeTruthy();
      const manifest = drawManifest.parse(JSON.parse(text));
      expect(manifest).toEqual(drawManifest.parse(JSON.parse(JSON.stringify(stored.publication.manifest))));
    }
    const first = await timed(`${DIRECT}/${stored.waveId}/pool/000000.json`);
    expect(first.status).toBe(200);
    expect(poolPage.parse(JSON.parse(first.text))).toMatchObject({ waveId: stored.waveId, page: 0 });
  });

  it("when the wave has opened, then plan.json serves what it committed to, directly and through Hosting, and its manifest has not moved from it", async () => {
    for (const base of [DIRECT, HOSTED]) {
      const { status, text } = await timed(`${base}/${stored.waveId}/plan.json`);
      expect(status, base).toBe(200);
      const plan = drawPlan.parse(JSON.parse(text));
      expect(plan).toMatchObject({
        waveId: stored.waveId,
        quota: stored.publication.manifest.quota,
        seedCommitment: stored.publication.manifest.seedCommitment,
      });
      expect(planDifference(plan, stored.publication.manifest)).toBeNull();
    }
    const unknown = await timed(`${DIRECT}/no-such-wave-${Date.now()}/plan.json`);
    expect(unknown.status).toBe(404);
    expect(httpError.parse(JSON.parse(unknown.text)).error.code).toBe("not-published");
  });

  it("when the wave is unknown or its page does not exist, then it is 404 `not-published` in the one error shape", async () => {
    for (const url of [
      `${DIRECT}/no-such-wave-${Date.now()}/manifest.json`,
      `${DIRECT}/${stored.waveId}/pool/999999.json`,
      `${DIRECT}/${stored.waveId}/winners/000000.json`,
    ]) {
      const { status, text, response } = await timed(url);
      expect(status, url).toBe(404);
      const error = httpError.parse(JSON.parse(text)).error;
      expect(error.code).toBe("not-published");
      expect(error.message.en).toMatch(/^Not published yet: a wave.s plan \(plan.json\) is published when it opens/);
      expect(error.requestId).toBe(response.headers.get("x-request-id"));
    }
  });

  it("when a wave ID is one Firestore reserves (`__x__`), then it is 404 at once, directly and through Hosting", async () => {
    for (const url of [
      `${DIRECT}/__x__/manifest.json`,
      `${HOSTED}/__x__/manifest.json`,
      `${DIRECT}/__x__/pool/000000.json`,
      `${DIRECT}/__.*__/manifest.json`,
    ]) {
      const { status, text, ms } = await timed(url);
      expect(status, url).toBe(404);
      expect(httpError.parse(JSON.parse(text)).error.code).toBe("not-found");
      // Firestore takes seconds to refuse a reserved ID; the edge refuses it without a read.
      expect(ms, url).toBeLessThan(1_000);
    }
  });

  it("when a draw is asked for with another method, then it is 405", async () => {
    const { status, text, response } = await timed(`${DIRECT}/${stored.waveId}/manifest.json`, { method: "POST", body: "{}" });
    expect(status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    expect(httpError.parse(JSON.parse(text)).error.code).toBe("method-not-allowed");
  });
});

describe("joinWave with an ID Firestore reserves", () => {
  it("when an applicant names wave `__x__`, then it is invalid-argument on waveId at once", async () => {
    const applicant = await accountWith(null, "reserved");
    await call("joinWave", { waveId: "warm-up" }, applicant.idToken);
    const began = performance.now();
    const response = await call("joinWave", { waveId: "__x__" }, applicant.idToken);
    expect(performance.now() - began).toBeLessThan(1_000);
    expect(response.error).toMatchObject({ status: "INVALID_ARGUMENT", details: { fields: [expect.objectContaining({ field: "waveId" })] } });
  });
});
