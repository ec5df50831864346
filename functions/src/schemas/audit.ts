import { z } from "zod";

/**
 * The audit log's documents (domain/audit/chain.ts; adapters/auditLog.ts writes them, nobody else):
 *
 * - `auditChains/{YYYY-MM-DD~actor}`: a chain's head (`auditChainDoc`), one per (Jakarta day, actor);
 * - `auditChains/{chain}/entries/{seq, 10 digits}`: its entries (`auditEntryDoc`), hash-chained;
 * - `auditKeys/{sha256 of [act, actor, key]}`: an act already recorded (`auditKeyDoc`), for retries;
 * - `auditDays/{YYYY-MM-DD}`: a day's root over its chains' heads (`auditDayDoc`), chained day to day.
 *
 * `act` is any string here, not the AUDIT_ACTS enum, so that a reader of an altered log still
 * reads it and names the broken link instead of failing to parse.
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const auditEntryDoc = z.object({
  chain: z.string().min(1),
  seq: z.number().int().min(1),
  prev: z.string(),
  act: z.string().min(1),
  actor: z.string().min(1),
  role: z.string(),
  target: z.string(),
  key: z.string().min(1),
  at: z.date(),
  region: z.string().optional(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  hash: z.string(),
});
export type AuditEntryDoc = z.infer<typeof auditEntryDoc>;

export const auditChainDoc = z.object({
  day: isoDay,
  actor: z.string().min(1),
  seq: z.number().int().min(1),
  hash: z.string(),
  updatedAt: z.date(),
});
export type AuditChainDoc = z.infer<typeof auditChainDoc>;

export const auditKeyDoc = z.object({ chain: z.string().min(1), seq: z.number().int().min(1), at: z.date() });
export type AuditKeyDoc = z.infer<typeof auditKeyDoc>;

/** `sealing` while the sealer computes the root (appends then go to the next day), then `sealed`. */
export const auditDayDoc = z.discriminatedUnion("state", [
  z.object({ day: isoDay, state: z.literal("sealing"), prev: hex64 }),
  z.object({
    day: isoDay,
    state: z.literal("sealed"),
    prev: z.string(),
    root: z.string(),
    chains: z.number().int().min(0),
    entries: z.number().int().min(0),
    sealedAt: z.date(),
  }),
]);
export type AuditDayDoc = z.infer<typeof auditDayDoc>;
