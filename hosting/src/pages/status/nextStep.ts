import type { MyStatus, WaveDoc } from "@schemas";

/**
 * What the person should do or expect next, from where they actually are: not registered, not
 * eligible, a wave open to join, in the pool waiting for a named wave's draw (carried over after
 * not being drawn), drawn, waiting for the labor office to check their KTP and KK. Pure: the status page hands in the status, the waves and the clock.
 */

export type WaveLike = Pick<WaveDoc, "number" | "state" | "opensAt" | "closesAt" | "quota" | "draw"> & { id: string };

/** Where a wave is by the clock: the schedule records a state a little after its time. */
export type WavePhase = "scheduled" | "open" | "closed";

export interface NextWave {
  wave: WaveLike;
  phase: WavePhase;
}

export type NextStep =
  /** Not registered: the form, and the wave they could join once registered. */
  | { kind: "register"; open: WaveLike | null }
  | { kind: "revoked" }
  /** Drawn (in the named wave when it is the latest draw): a participant now. */
  | { kind: "participant"; drawnIn: WaveLike | null }
  /**
   * The NIK's digits differ from the KTP: the documents go to the labor office of the person's
   * regency (named as the status names it) before they can join; the wave open meanwhile, if any.
   */
  | { kind: "verify"; regency: string; rejected: boolean; open: WaveLike | null }
  /** The eligibility card says why; someone in the pool stays there but is not drawn meanwhile. */
  | { kind: "not-eligible"; inPool: boolean }
  | { kind: "join"; wave: WaveLike }
  /** Eligible, not in the pool, nothing open: the next scheduled wave, if one is planned. */
  | { kind: "wait-for-wave"; next: WaveLike | null }
  /** In the pool: the wave whose draw comes next, and the draw they were just not drawn in. */
  | { kind: "in-pool"; next: NextWave | null; notDrawnIn: { wave: WaveLike | null } | null }
  /** A status this page has no words for yet: the eligibility card still speaks. */
  | { kind: "other" };

export function phaseOf(wave: Pick<WaveDoc, "opensAt" | "closesAt">, now: Date): WavePhase {
  if (now < wave.opensAt) return "scheduled";
  return now < wave.closesAt ? "open" : "closed";
}

const drawn = (wave: WaveLike) => wave.draw !== undefined;
const byClose = (a: WaveLike, b: WaveLike) => a.closesAt.getTime() - b.closesAt.getTime();
const byOpen = (a: WaveLike, b: WaveLike) => a.opensAt.getTime() - b.opensAt.getTime();

/**
 * The wave a person can join now (joinWave accepts it): open by its state and by the clock, with
 * a draw plan. Normally one; if several, the one closing first.
 */
export function joinableWave<W extends WaveLike>(waves: readonly W[], now: Date): W | null {
  return waves.filter((wave) => wave.state === "open" && drawn(wave) && phaseOf(wave, now) === "open").sort(byClose)[0] ?? null;
}

/** The next wave to open, among those scheduled. */
function scheduledWave(waves: readonly WaveLike[], now: Date): WaveLike | null {
  return waves.filter((wave) => wave.state === "scheduled" && drawn(wave) && now < wave.opensAt).sort(byOpen)[0] ?? null;
}

/**
 * The draw a pool member is in next: the first wave not drawn yet that closes after they joined
 * (the pool carries over to every later wave), or else the next scheduled one.
 */
function nextDraw(waves: readonly WaveLike[], joinedAt: Date | null, now: Date): NextWave | null {
  const pending = waves
    .filter((wave) => wave.state !== "scheduled" && wave.state !== "drawn" && drawn(wave) && (joinedAt === null || joinedAt < wave.closesAt))
    .sort(byClose)[0];
  const wave = pending ?? scheduledWave(waves, now);
  return wave ? { wave, phase: phaseOf(wave, now) } : null;
}

/** When the person last joined the pool: the history's last "joined-pool", or now if they just joined. */
function joinedAt(status: MyStatus, justJoined: boolean, now: Date): Date | null {
  if (justJoined) return now;
  const joins = status.timeline.filter((entry) => entry.kind === "joined-pool");
  const last = joins[joins.length - 1];
  return last ? new Date(last.at) : null;
}

export interface NextStepInput {
  /** null: not registered. */
  status: MyStatus | null;
  waves: readonly WaveLike[];
  now: Date;
  /** Joined a wave on this page a moment ago (the status was read before). */
  justJoined?: boolean;
}

export function nextStep({ status, waves, now, justJoined = false }: NextStepInput): NextStep {
  if (status === null) return { kind: "register", open: joinableWave(waves, now) };
  const waveOf = (id: string) => waves.find((wave) => wave.id === id) ?? null;
  const latest = status.draw?.latest;
  switch (status.status) {
    case "revoked":
      return { kind: "revoked" };
    case "participant":
      return { kind: "participant", drawnIn: latest?.selected ? waveOf(latest.waveId) : null };
    case "registered":
      break;
    default:
      return { kind: "other" };
  }
  const inPool = justJoined || status.draw?.inPool === true;
  const { verification } = status;
  if (verification !== undefined && verification.state !== "verified" && !status.eligibility.eligible) {
    return { kind: "verify", regency: verification.office.regency, rejected: verification.state === "rejected", open: joinableWave(waves, now) };
  }
  if (!status.eligibility.eligible) return { kind: "not-eligible", inPool };
  if (inPool) {
    const notDrawnIn = latest && !latest.selected ? { wave: waveOf(latest.waveId) } : null;
    return { kind: "in-pool", next: nextDraw(waves, joinedAt(status, justJoined, now), now), notDrawnIn };
  }
  const open = joinableWave(waves, now);
  return open ? { kind: "join", wave: open } : { kind: "wait-for-wave", next: scheduledWave(waves, now) };
}
