import { z } from "zod";
import { ROLES } from "../domain/roles.js";
import { WAVE_STATES } from "../domain/wave.js";
import { regionScope } from "./region.js";
import { drawStrata } from "./draw.js";
import { wavePriority } from "./priority.js";

/** Shapes of stored documents. Timestamps are read back as Date by the converters. */

const rupiah = z.number().int().nonnegative();

/** Per-program-year rules and amounts: every figure of the program is configurable here. */
export const programYearDoc = z.object({
  year: z.number().int().min(2020),
  trainingBalance: rupiah,
  incentive: z.object({
    amountPerInstallment: rupiah,
    installments: z.number().int().min(1),
    surveyAmount: rupiah,
    surveys: z.number().int().min(0),
  }),
  /** Days after selection within which the first training must be bought. */
  firstPurchaseDays: z.number().int().positive(),
  /** At most this many recipients per family card (KK). */
  familyLimit: z.number().int().positive(),
  /** Whether receiving other social aid excludes (true 2020–2022, false from 2023). */
  socialAidExcludes: z.boolean(),
  /**
   * The oldest age admitted, inclusive: the 2024 criteria admitted people aged 18 to 64. Absent,
   * no upper limit (the 2020–2023 rules had none). Reason `over-age`.
   */
  maximumAge: z.number().int().min(18).max(150).optional(),
  /** Days to repay improperly received funds. */
  repaymentDays: z.number().int().positive(),
  /**
   * The fewest hours of learning a training must declare to be listed (the 2023 rules: 15 hours).
   * Absent, no minimum. Checked when the catalogue is changed (saveTraining, the partner push).
   */
  minimumTrainingHours: z.number().positive().max(1000).optional(),
});
export type ProgramYearDoc = z.infer<typeof programYearDoc>;

/** How a wave's draw is fixed in advance: public from the moment the wave is created. */
export const waveDrawPlan = z.object({
  /** SHA-256 of the secret seed (domain/draw/seed.ts); the seed is revealed after the freeze. */
  seedCommitment: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * The public beacon and the round whose value goes into the draw; the chain's hash and public
   * key every round is verified against (domain/beaconRound.ts). Absent in waves created before
   * verification: those are verified only when `source` names a chain we know (`chainOfPlan`).
   */
  beacon: z.object({
    source: z.string().min(1),
    round: z.number().int().positive(),
    chainHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    publicKey: z
      .string()
      .regex(/^[0-9a-f]{192}$/)
      .optional(),
  }),
  strata: drawStrata,
  familyLimit: z.number().int().positive(),
  /** The wave's priority list, its version and name at creation and what the flag does, in words (domain/priority.ts); absent: none. */
  priority: wavePriority.optional(),
});
export type WaveDrawPlan = z.infer<typeof waveDrawPlan>;

export const waveDoc = z.object({
  number: z.number().int().positive(),
  programYear: z.number().int(),
  state: z.enum(WAVE_STATES),
  opensAt: z.date(),
  closesAt: z.date(),
  /** Seats in the draw: as created, plus every freed seat added before the wave opened (`freedSeats`). */
  quota: z.number().int().positive(),
  /** Absent only on waves made before draws existed; such a wave closes but is never drawn. */
  draw: waveDrawPlan.optional(),
  /**
   * Seats freed by participants of earlier waves who lost their place (no training bought before
   * the deadline), added to this wave's quota before it opened: from which wave, how many, when.
   * Public, like the rest of the wave: the transparency page shows where each extra seat came from.
   */
  freedSeats: z.array(z.object({ fromWave: z.string(), seats: z.number().int().positive(), at: z.date() })).optional(),
});
export type WaveDoc = z.infer<typeof waveDoc>;

/** One record per state change of a wave, for auditors: `waves/{id}/events/{state}`. */
export const waveEventDoc = z.object({
  state: z.enum(WAVE_STATES),
  at: z.date(),
  scheduledFor: z.date(),
});
export type WaveEventDoc = z.infer<typeof waveEventDoc>;

/** `leases/{name}`: a step of a schedule held by one run until `until` (see usecases/ports.ts, Leases). */
export const leaseDoc = z.object({ holder: z.string().min(1), until: z.date(), takenAt: z.date() });
export type LeaseDoc = z.infer<typeof leaseDoc>;

/** Audit record of a role grant, keyed by the request's idempotency key. */
export const roleGrantDoc = z.object({
  targetUid: z.string().min(1),
  role: z.enum(ROLES),
  region: regionScope.optional(),
  /** Partner staff: their partner's client code. */
  partner: z.string().optional(),
  grantedBy: z.string().min(1),
  via: z.enum(["callable", "command"]),
  grantedAt: z.date(),
  /**
   * A revocation (`revokeRole`): the account went back to applicant (`role`), and this is the role
   * and scope it had. Absent on grants.
   */
  revokes: z.object({ role: z.enum(ROLES), region: regionScope.optional(), partner: z.string().optional() }).optional(),
});
export type RoleGrantDoc = z.infer<typeof roleGrantDoc>;
