import { z } from "zod";
import { drawStrata } from "./draw.js";

/** Input of `createWave` (program admins): everything about the draw is fixed here, before opening. */
export const createWaveInput = z
  .object({
    number: z.number().int().positive(),
    programYear: z.number().int().min(2020),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    quota: z.number().int().positive().max(10_000_000),
    strata: drawStrata.default({ kind: "none" }),
  })
  .refine((w) => Date.parse(w.closesAt) > Date.parse(w.opensAt), { path: ["closesAt"], message: "closes-before-opening" });
export type CreateWaveInput = z.infer<typeof createWaveInput>;

/** Input of `joinWave`: the open wave an eligible applicant joins (and stays in the pool of later ones). */
export const joinWaveInput = z.object({ waveId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
export type JoinWaveInput = z.infer<typeof joinWaveInput>;

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
