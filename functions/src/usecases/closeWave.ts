import { participantTerms } from "../domain/training/deadline.js";
import { publicationTime } from "../domain/beacon.js";
import { buildPublication, commitPool, type Candidate } from "../domain/draw/index.js";
import type { ReasonCode } from "../domain/eligibility.js";
import type { EligibilityDoc } from "../schemas/applicant.js";
import type { WaveDoc } from "../schemas/documents.js";
import { recheckEligibility } from "./eligibilityCheck.js";
import type { Ports } from "./ports.js";

/** Pool pages of 4,096 entries (~500 KB) stay well under Firestore's 1 MiB document limit. */
export const POOL_PAGE_SIZE = 4096;

/** What closing a wave needs: its draw store, the lists and rules to re-check everyone, the beacon. */
export type CloseWavePorts = Pick<Ports, "draws" | "lists" | "programYears" | "beacon" | "beaconClock" | "clock" | "vault">;

export type CloseStep = "frozen" | "drawn" | "waiting-for-beacon" | "nothing-to-do";

/**
 * Moves a closed wave through its draw, one step per call; every step can be re-run after a
 * crash and gives the same result. closed → frozen: everyone in the pool is checked again
 * (exclusion lists, family card, rules), the eligible are committed under pseudonymous IDs.
 * frozen → drawn: once the beacon round is out, the seed is revealed, winners become
 * participants and the manifest is published.
 */
export async function closeWave(ports: CloseWavePorts, waveId: string): Promise<CloseStep> {
  const wave = await ports.draws.wave(waveId);
  if (wave === null || wave.draw === undefined) return "nothing-to-do";
  if (wave.state === "closed") return freeze(ports, waveId, wave);
  if (wave.state === "frozen") return draw(ports, waveId, wave);
  return "nothing-to-do";
}

async function freeze(ports: CloseWavePorts, waveId: string, wave: WaveDoc): Promise<CloseStep> {
  const now = ports.clock.now();
  const rules = await ports.programYears.get(wave.programYear);
  if (rules === null) throw new Error(`program year ${wave.programYear} is not configured`);
  const excludedByReason: Partial<Record<ReasonCode, number>> = {};
  const entries: Candidate[] = [];
  for await (const members of ports.draws.poolMembers()) {
    const families = await ports.draws.families([...new Set(members.map((m) => m.applicant.kkKey))]);
    const excluded: Array<{ uid: string; eligibility: EligibilityDoc }> = [];
    await Promise.all(
      members.map(async ({ uid, applicant }) => {
        const family = families.get(applicant.kkKey) ?? { registrants: 0, recipients: 0 };
        const eligibility = (await recheckEligibility(ports, applicant, rules, now))(family);
        if (!eligibility.eligible || applicant.pid === undefined || applicant.familyPid === undefined) {
          for (const reason of eligibility.reasons) excludedByReason[reason] = (excludedByReason[reason] ?? 0) + 1;
          excluded.push({ uid, eligibility });
          return;
        }
        entries.push({ pid: applicant.pid, stratum: applicant.provinceCode, family: applicant.familyPid, familyRecipientsBefore: family.recipients });
      }),
    );
    if (excluded.length > 0) await ports.draws.recordExcluded(waveId, excluded, now);
  }
  const committed = commitPool(entries, POOL_PAGE_SIZE);
  if (!committed.ok) throw new Error(`freezing ${waveId}: ${committed.reason}`);
  const { root, size, pageRoots } = committed.value;
  await ports.draws.freeze(waveId, committed.value.entries, {
    poolRoot: root,
    poolSize: size,
    pageSize: POOL_PAGE_SIZE,
    pageRoots,
    excludedByReason,
    frozenAt: now,
  });
  return "frozen";
}

async function draw(ports: CloseWavePorts, waveId: string, wave: WaveDoc): Promise<CloseStep> {
  const plan = wave.draw!;
  const value = await ports.beacon.value(plan.beacon);
  if (value === null) return "waiting-for-beacon";
  const [seed, pool, rules] = await Promise.all([ports.draws.seed(waveId), ports.draws.frozen(waveId), ports.programYears.get(wave.programYear)]);
  if (seed === null || pool === null || rules === null) throw new Error(`drawing ${waveId}: seed, frozen pool or program year missing`);

  const publication = await buildPublication({
    waveId,
    pool: pool.entries,
    rules: { quota: wave.quota, familyLimit: plan.familyLimit, strata: plan.strata },
    seed,
    seedCommitment: plan.seedCommitment,
    beacon: { ...plan.beacon, value },
    // The beacon round's time, not the clock's: a re-run after a crash publishes the same bytes.
    createdAt: publicationTime(plan.beacon.round, ports.beaconClock).toISOString(),
    excludedByReason: pool.frozen.excludedByReason,
    provinceOf: (entry) => entry.stratum ?? "00",
    pageSize: pool.frozen.pageSize,
  });
  if (!publication.ok) throw new Error(`drawing ${waveId}: ${publication.reason}`);
  // The pages read back must be the pool that was committed before the randomness existed.
  if (publication.value.manifest.poolRoot !== pool.frozen.poolRoot) throw new Error(`drawing ${waveId}: the stored pool does not match its commitment`);

  const winners = publication.value.manifest.winners.pids ?? publication.value.winnersPages.flatMap((p) => p.page.pids);
  const now = ports.clock.now();
  await ports.draws.applyWinners(waveId, winners, participantTerms(rules, now), now);
  await ports.draws.publish(waveId, publication.value);
  return "drawn";
}
