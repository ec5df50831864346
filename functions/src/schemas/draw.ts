import { z } from "zod";
import { ALGORITHM, HEX32, MAX_QUOTA, STRATUM_CODE, TOKEN, WHOLE } from "../domain/draw/constants.js";
import type { DrawManifest, DrawPlan, PoolPage, WinnersPage } from "../domain/draw/publication.js";
import { waveId } from "./ids.js";
import { wavePriority } from "./priority.js";

/**
 * The public draw of a wave: the manifest and its pages, served over HTTPS without sign-in and
 * read by `verify-draw`. Everything a verifier needs to recompute the draw is here, and nothing
 * more: pseudonymous IDs, pseudonymous family keys and counts — never a NIK, KK or name.
 * Only constants and types come from domain/draw, so the web app can import this file.
 */

const hex32 = z.string().regex(HEX32);
const pid = z.string().regex(TOKEN);
const stratumCode = z.string().regex(STRATUM_CODE);
const count = z.number().int().nonnegative();
const powerOfTwo = z
  .number()
  .int()
  .positive()
  .refine((n) => (n & (n - 1)) === 0, "page-size-not-power-of-two");

/** A page's location: relative to the manifest (a bundle on disk or a server), or absolute https. */
const href = z
  .string()
  .max(2048)
  .regex(/^(https:\/\/\S+|[A-Za-z0-9_-][A-Za-z0-9._/-]*)$/)
  .refine((h) => h.startsWith("https://") || !h.split("/").includes(".."), "href-leaves-bundle");

/** Strict: a field beyond these (a NIK, a name) is refused, never published by mistake. */
export const poolEntry = z.strictObject({
  pid,
  stratum: stratumCode.optional(),
  /**
   * Pseudonymous family (KK) key. Public because the family limit decides who is skipped: without
   * it nobody could check that a skipped person's family really had its recipients. A separate
   * key per program (not the internal ID) keeps it from linking to anything else we store.
   */
  family: pid,
  /** Recipients of this family in earlier waves: the other half of the family limit. */
  familyRecipientsBefore: count,
  priority: z.literal(true).optional(),
});

export const drawStrata = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({
    kind: z.literal("shares"),
    /** Basis points of the quota (10000 = all of it); the rest of the quota is national. */
    basisPoints: z
      .record(stratumCode, z.number().int().min(0).max(WHOLE))
      .refine((s) => Object.values(s).reduce((a, b) => a + b, 0) <= WHOLE, "shares-exceed-whole"),
  }),
  z.object({ kind: z.literal("counts"), counts: z.record(stratumCode, count) }),
]);

const orderKey = z.object({ rank: hex32, pid });
const seatOutcome = z.object({ seats: count, selected: count, cutoff: orderKey.nullable() });
const pageRef = z.object({ href, count });

/** Strict, like its pages: a field beyond these is refused on write, on serving and in verify-draw. */
export const drawManifest = z
  .strictObject({
    algorithm: z.literal(ALGORITHM),
    waveId,
    poolRoot: hex32,
    poolSize: count,
    pool: z.object({ pageSize: powerOfTwo, pages: z.array(pageRef.extend({ root: hex32 })) }),
    /** SHA-256 of the seed, published when the wave opened. */
    seedCommitment: hex32,
    /** Revealed after the pool was frozen. */
    seed: hex32,
    /** The round's value (drand's `randomness`) and, since verification, the chain it was verified against. */
    beacon: z.object({
      source: z.string().min(1).max(200),
      round: z.number().int().positive(),
      value: hex32,
      chainHash: hex32.optional(),
      publicKey: z
        .string()
        .regex(/^[0-9a-f]{192}$/)
        .optional(),
    }),
    drawKey: hex32.optional(),
    quota: z.number().int().min(0).max(MAX_QUOTA),
    familyLimit: z.number().int().positive(),
    strata: drawStrata,
    /** The priority list's share of the quota, basis points; absent: no priority round. */
    priority: z.object({ basisPoints: z.number().int().min(1).max(WHOLE) }).optional(),
    winners: z.object({ count, digest: hex32, pids: z.array(pid).optional(), pages: z.array(pageRef).optional() }),
    result: z.object({
      priority: seatOutcome.extend({ pool: count }).optional(),
      strata: z.record(stratumCode, seatOutcome.extend({ pool: count })),
      national: seatOutcome,
      skippedForFamilyLimit: count,
    }),
    excludedByReason: z.record(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), count),
    byProvince: z.record(z.string().regex(/^\d{2}$/), z.object({ pool: count, winners: count })),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .superRefine((m, ctx) => {
    const pages = m.pool.pages;
    if (pages.reduce((n, p) => n + p.count, 0) !== m.poolSize)
      ctx.addIssue({ code: "custom", path: ["pool", "pages"], message: "pages-do-not-add-up-to-pool-size" });
    // Full pages are what make each page a subtree of the pool's tree (domain/draw/pool.ts).
    if (pages.some((p, i) => p.count === 0 || p.count > m.pool.pageSize || (i < pages.length - 1 && p.count !== m.pool.pageSize))) {
      ctx.addIssue({ code: "custom", path: ["pool", "pages"], message: "pages-not-full" });
    }
    const { pids, pages: winnerPages } = m.winners;
    if ((pids === undefined) === (winnerPages === undefined)) ctx.addIssue({ code: "custom", path: ["winners"], message: "winners-inline-or-paged" });
    const listed = pids?.length ?? winnerPages?.reduce((n, p) => n + p.count, 0);
    if (listed !== undefined && listed !== m.winners.count) ctx.addIssue({ code: "custom", path: ["winners", "count"], message: "winners-do-not-add-up" });
  });
export type DrawManifestDoc = z.infer<typeof drawManifest>;

/**
 * `plan.json` next to the manifest: what the wave committed to, served from its opening (see
 * DrawPlan). The beacon keeps fields beyond source and round (added to plans later), which
 * verify-draw compares with the manifest's beacon.
 */
export const drawPlan = z.strictObject({
  waveId,
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
  quota: z.number().int().min(0).max(MAX_QUOTA),
  familyLimit: z.number().int().positive(),
  strata: drawStrata,
  seedCommitment: hex32,
  beacon: z.looseObject({ source: z.string().min(1).max(200), round: z.number().int().positive() }),
  /** The priority list declared at creation (schemas/priority.ts wavePriority); absent: none. */
  priority: wavePriority.optional(),
});
export type DrawPlanDoc = z.infer<typeof drawPlan>;

/** One page of the frozen pool, in pid order (GET <manifest dir>/pool/000000.json, …). */
export const poolPage = z.strictObject({ waveId: z.string(), page: count, pageSize: powerOfTwo, entries: z.array(poolEntry), next: href.optional() });
export type PoolPageDoc = z.infer<typeof poolPage>;

export const winnersPage = z.strictObject({
  waveId: z.string(),
  page: count,
  pageSize: z.number().int().positive(),
  pids: z.array(pid),
  next: href.optional(),
});
export type WinnersPageDoc = z.infer<typeof winnersPage>;

/** Parsed documents are the domain's shapes: these fail to compile if the two ever drift apart. */
export const asManifest = (doc: DrawManifestDoc): DrawManifest => doc;
export const asPlan = (doc: DrawPlanDoc): DrawPlan => doc;
export const asPoolPage = (doc: PoolPageDoc): PoolPage => doc;
export const asWinnersPage = (doc: WinnersPageDoc): WinnersPage => doc;
