import { createHash, randomBytes, randomUUID } from "node:crypto";
import { buildPublication, seedCommitment, type Candidate, type Publication } from "../../functions/src/domain/draw/index.js";
import { COLLECTIONS } from "../../functions/src/schemas/collections.js";
import { drawManifest } from "../../functions/src/schemas/draw.js";
import { adminDb } from "../support/admin.js";

/**
 * A drawn wave written straight to Firestore, as the draw would have left it: the wave with its
 * plan, and its publication (manifest and pool pages) in `waveDraws`. Built with the draw's own
 * code, so it is a publication `verify-draw` accepts.
 */

const DAY = 86_400_000;
const token = (text: string) => createHash("sha256").update(text).digest("base64url");

/** Pool entries by province: 24 in DKI Jakarta, 12 in Nusa Tenggara Barat, 4 in Aceh. */
const PROVINCES: Array<[code: string, people: number]> = [
  ["31", 24],
  ["52", 12],
  ["11", 4],
];

export interface StoredDraw {
  waveId: string;
  number: number;
  publication: Publication;
}

export async function storeDrawnWave(): Promise<StoredDraw> {
  // Random, so parallel test files and earlier runs never meet the same wave.
  const waveId = `e2e-${randomUUID()}`;
  const number = 900_000 + Math.floor(Math.random() * 90_000);
  const pool: Candidate[] = PROVINCES.flatMap(([code, people]) =>
    Array.from({ length: people }, (_, i) => ({
      pid: token(`${waveId}-${code}-${i}`),
      stratum: code,
      family: token(`${waveId}-family-${code}-${Math.floor(i / 3)}`),
      familyRecipientsBefore: 0,
    })),
  );
  const seed = randomBytes(32).toString("hex");
  const plan = {
    seedCommitment: seedCommitment(seed),
    beacon: { source: "https://api.drand.sh/52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971", round: 1_234_567 },
    strata: { kind: "shares" as const, basisPoints: { "52": 2500 } },
    familyLimit: 2,
  };
  const built = await buildPublication({
    waveId,
    pool,
    rules: { quota: 10, familyLimit: plan.familyLimit, strata: plan.strata },
    seed,
    seedCommitment: plan.seedCommitment,
    beacon: { ...plan.beacon, value: randomBytes(32).toString("hex") },
    createdAt: new Date().toISOString(),
    excludedByReason: { "under-age": 3, "on-exclusion-list": 2 },
    provinceOf: (entry) => entry.stratum!,
    pageSize: 16,
  });
  if (!built.ok) throw new Error(`buildPublication: ${built.reason}`);
  const publication = built.value;
  // Stored as served: JSON drops the absent optional fields Firestore would refuse as undefined.
  const manifest = drawManifest.parse(JSON.parse(JSON.stringify(publication.manifest)));

  // Closed weeks ago: getMyStatus shows everyone the latest drawn wave, and this one must never
  // be newer than a wave another test file draws for real.
  const closesAt = new Date(Date.now() - 20 * DAY);
  await adminDb
    .collection(COLLECTIONS.waves)
    .doc(waveId)
    .set({
      number,
      programYear: closesAt.getFullYear(),
      state: "drawn",
      opensAt: new Date(closesAt.getTime() - 14 * DAY),
      closesAt,
      quota: manifest.quota,
      draw: plan,
    });
  const draw = adminDb.collection(COLLECTIONS.waveDraws).doc(waveId);
  await draw.set({
    poolRoot: manifest.poolRoot,
    poolSize: manifest.poolSize,
    pageSize: manifest.pool.pageSize,
    pageRoots: manifest.pool.pages.map((page) => page.root),
    excludedByReason: manifest.excludedByReason,
    frozenAt: closesAt,
    manifest,
  });
  for (const { href, page } of publication.poolPages) {
    await draw
      .collection(COLLECTIONS.drawPool)
      .doc(href.slice("pool/".length, -".json".length))
      .set(JSON.parse(JSON.stringify(page)) as Record<string, unknown>);
  }
  return { waveId, number, publication };
}
