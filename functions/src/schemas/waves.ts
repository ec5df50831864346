import { z } from "zod";
import { documentId, waveId } from "./ids.js";
import { drawManifest, drawStrata } from "./draw.js";
import { wavePriorityInput } from "./priority.js";

/** A wave's opening or closing time: an ISO date-time with its offset, within years 2020–2199 (Firestore keeps 0001–9999). */
const waveTime = z.iso.datetime({ offset: true }).refine((value) => {
  const year = new Date(value).getUTCFullYear();
  return year >= 2020 && year < 2200;
}, "wave-time-out-of-range");

/** Input of `createWave` (program admins): everything about the draw is fixed here, before opening. */
export const createWaveInput = z
  .object({
    number: z.number().int().positive(),
    programYear: z.number().int().min(2020),
    opensAt: waveTime,
    closesAt: waveTime,
    quota: z.number().int().positive().max(10_000_000),
    strata: drawStrata.default({ kind: "none" }),
    /** A priority list and its share of the quota, drawn first among its people (domain/priority.ts): the list's current version is recorded. */
    priority: wavePriorityInput.optional(),
  })
  .refine((w) => Date.parse(w.closesAt) > Date.parse(w.opensAt), { path: ["closesAt"], message: "closes-before-opening" });
export type CreateWaveInput = z.infer<typeof createWaveInput>;

/** Input of `joinWave`: the open wave an eligible applicant joins (and stays in the pool of later ones). */
export const joinWaveInput = z.object({ waveId });
export type JoinWaveInput = z.infer<typeof joinWaveInput>;

/**
 * Input of `joinWaveOnBehalf`: at the labor office, an operator joins a person of their region to
 * the open wave, having asked them (`consent` must be true; it is recorded on the person's timeline).
 */
export const joinWaveOnBehalfInput = z.object({
  /** Idempotency key chosen by the operator's page: a retry answers as the first call did. */
  requestId: z.uuid(),
  /** The person's uid (as registerAssisted or the verification queue gave it). */
  uid: documentId,
  waveId,
  consent: z.literal(true, { message: "join-consent-required" }),
});
export type JoinWaveOnBehalfInput = z.infer<typeof joinWaveOnBehalfInput>;

/** `waveSecrets/{waveId}`: the draw seed until it is revealed in the manifest. No client reads it. */
export const waveSecretDoc = z.object({ seed: z.string().regex(/^[0-9a-f]{64}$/) });

/** `waveDraws/{waveId}`: the frozen pool's commitment, then the published manifest. */
export const frozenPoolDoc = z.object({
  poolRoot: z.string(),
  poolSize: z.number().int().nonnegative(),
  pageSize: z.number().int().positive(),
  pageRoots: z.array(z.string()),
  excludedByReason: z.record(z.string(), z.number().int().nonnegative()),
  frozenAt: z.date(),
});
export type FrozenPoolDoc = z.infer<typeof frozenPoolDoc>;

/** `waveDraws/{waveId}` as stored: the frozen pool's commitment, then (merged in at publication) the strict manifest. */
export const waveDrawDoc = frozenPoolDoc.extend({ manifest: drawManifest.optional() });
export type WaveDrawDoc = z.infer<typeof waveDrawDoc>;

/** `pidIndex/{pid}`: whose pseudonymous ID it is, to make a drawn pid a participant. No client reads it. */
export const pidIndexDoc = z.object({ uid: z.string().min(1) });
