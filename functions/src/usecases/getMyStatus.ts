import { isPriority } from "../domain/priority.js";
import { calendarDateIn } from "../domain/calendar.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import { regionNamesOf } from "../domain/regions/index.js";
import { positionOf } from "../domain/draw/index.js";
import { estimatedPosition } from "../domain/draw/estimate.js";
import type { ApplicantDoc, TimelineEventDoc } from "../schemas/applicant.js";
import type { MyStatus } from "../schemas/registration.js";
import { checkEligibility } from "./eligibilityCheck.js";
import { openPersonal } from "./personalData.js";
import type { LatestDraw, Ports } from "./ports.js";
import { verificationViewOf } from "./verificationView.js";
import type { StatusRefusal } from "../schemas/contract.js";

export type { StatusRefusal };

export type StatusPorts = Pick<Ports, "latestDraw" | "registrations" | "lists" | "programYears" | "clock" | "vault">;

/**
 * The applicant's own view. Eligibility is checked again, while the person is still an applicant, with today's lists and family card:
 * when the answer changed, it is stored and the change joins the timeline, so a person learns
 * about a new exclusion (or its removal) the next time they look. The full NIK is never sent back;
 * the name, birth date and phone are the person's own, opened from the vault for them alone.
 */
export async function getMyStatus(ports: StatusPorts, uid: string): Promise<Outcome<MyStatus, StatusRefusal>> {
  const applicant = await ports.registrations.applicant(uid);
  if (applicant === null) return refused("not-registered");
  // Found to be someone else's NIK in a dispute: the account that used it sees none of it again,
  // even with a token issued before the block (usecases/desk/resolveNikDispute.ts).
  if (applicant.status === "blocked") return refused("registration-blocked");
  const now = ports.clock.now();
  const [rules, personal] = await Promise.all([ports.programYears.get(calendarDateIn(now).year), openPersonal(ports.vault, applicant)]);

  let eligibility = applicant.eligibility;
  // Eligibility decides who may join a wave: a participant (or a revoked one) is past that, and
  // re-checking would only tell a winner "not eligible: already a participant", again and again.
  if (rules !== null && applicant.status === "registered") {
    const [decide, family] = await Promise.all([
      checkEligibility(ports.lists, { ...applicant, birthDate: personal.birthDate }, rules, now),
      ports.registrations.family(applicant.kkKey),
    ]);
    const fresh = decide(family);
    if (fresh.eligible !== eligibility.eligible || fresh.reasons.join() !== eligibility.reasons.join()) {
      await ports.registrations.recordEligibility(uid, fresh, { kind: "eligibility-changed", at: now, eligible: fresh.eligible, reasons: fresh.reasons });
    }
    eligibility = fresh;
  }
  // Drawn waves since registering (a superset of those since joining, read alongside the timeline).
  const [timeline, drawn] = await Promise.all([ports.registrations.timeline(uid), applicant.pid ? ports.latestDraw.since(applicant.registeredAt) : []]);
  const verification = verificationViewOf(applicant);

  return done({
    profile: {
      nikMasked: applicant.nikMasked,
      fullName: personal.fullName,
      birthDate: personal.birthDate,
      sex: applicant.sex,
      phone: personal.phone,
      region: regionNamesOf(applicant),
      registeredAt: applicant.registeredAt.toISOString(),
      registeredBy: applicant.registeredBy === "self" ? "self" : "operator",
    },
    status: applicant.status,
    eligibility: { eligible: eligibility.eligible, reasons: eligibility.reasons, checkedAt: eligibility.checkedAt.toISOString() },
    ...(verification === undefined ? {} : { verification }),
    timeline: timeline.map(timelineEntry),
    draw: drawView(applicant, drawsInPool(timeline, applicant, drawn)),
  });
}

/** An event as the person sees it: an operator is named as such, never by uid. */
function timelineEntry(event: TimelineEventDoc): MyStatus["timeline"][number] {
  const { kind, at, eligible, reasons, by, waveId, documentsSeen, rejection } = event;
  return {
    kind,
    at: at.toISOString(),
    // Left out, not sent as null, when the event decided no eligibility (the wire turns undefined into null).
    ...(eligible === undefined ? {} : { eligible }),
    ...(reasons === undefined ? {} : { reasons }),
    ...(by === undefined ? {} : { by: by === "self" ? ("self" as const) : ("operator" as const) }),
    ...(waveId === undefined ? {} : { waveId }),
    ...(documentsSeen === undefined ? {} : { documentsSeen }),
    ...(rejection === undefined ? {} : { rejection }),
  };
}

/**
 * The draws whose pool the person was in, newest first: the one they were selected in, and every
 * draw that closed after they joined and before the one they were selected in (if any), unless
 * they were left out at its freeze.
 */
function drawsInPool(timeline: TimelineEventDoc[], applicant: ApplicantDoc, drawn: LatestDraw[]): LatestDraw[] {
  const joined = timeline.find((e) => e.kind === "joined-pool");
  const selectedAt = drawn.find((draw) => draw.waveId === applicant.selectedWave)?.closesAt;
  return drawn.filter((draw) => {
    if (draw.waveId === applicant.selectedWave) return true;
    const excluded = timeline.some((e) => e.kind === "excluded-at-draw" && e.waveId === draw.waveId);
    const beforeSelection = applicant.selectedWave === undefined || (selectedAt !== undefined && draw.closesAt < selectedAt);
    return joined !== undefined && joined.at < draw.closesAt && !excluded && beforeSelection;
  });
}

function drawView(applicant: ApplicantDoc, draws: LatestDraw[]): MyStatus["draw"] {
  if (applicant.pid === undefined) return undefined;
  const base = { pid: applicant.pid, inPool: applicant.inPool === true };
  if (draws.length === 0) return base;
  const views = draws.map((draw) => oneDraw(applicant, applicant.pid!, draw));
  return { ...base, latest: views[0], draws: views };
}

/** Where the person stood in one draw: their rank and the cut-offs, and the same read as positions (estimated). */
function oneDraw(applicant: ApplicantDoc, pid: string, draw: LatestDraw): NonNullable<NonNullable<MyStatus["draw"]>["latest"]> {
  // Their line was flagged when the wave's plan declared a list (its version) they were on.
  const priority = isPriority(applicant, { priority: draw.priorityList });
  const position = positionOf({ pid, stratum: applicant.provinceCode, priority }, draw.drawKey, draw.result);
  const stratum = draw.result.strata[applicant.provinceCode];
  const withSeats = stratum !== undefined && stratum.seats > 0 ? stratum : null;
  const national = draw.result.national.cutoff?.rank ?? null;
  const stratumCutoff = withSeats?.cutoff?.rank ?? null;
  const at = (rank: string | null, count: number) => (rank === null || count === 0 ? null : estimatedPosition(rank, count));
  // reachedInPriority is null unless the line was flagged and the priority round had seats.
  const round = draw.result.priority;
  return {
    waveId: draw.waveId,
    selected: applicant.selectedWave === draw.waveId,
    rank: position.rank,
    cutoff: { national, stratum: stratumCutoff },
    withinCutoff: position.withinCutoff,
    poolSize: draw.poolSize,
    stratumPool: withSeats?.pool ?? null,
    position: {
      national: estimatedPosition(position.rank, Math.max(1, draw.poolSize)),
      stratum: withSeats === null ? null : at(position.rank, withSeats.pool),
    },
    cutoffPosition: { national: at(national, draw.poolSize), stratum: withSeats === null ? null : at(stratumCutoff, withSeats.pool) },
    ...(position.reachedInPriority === null || round === undefined
      ? {}
      : {
          priorityRound: {
            pool: round.pool,
            seats: round.seats,
            position: estimatedPosition(position.rank, Math.max(1, round.pool)),
            cutoffPosition: at(round.cutoff?.rank ?? null, round.pool),
          },
        }),
  };
}
