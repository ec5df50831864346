import { isPriority } from "../../domain/priority.js";
import { carriedHits, checkedAgainst } from "../../domain/closeRecheck.js";
import { chunkLine, partitionRange } from "../../domain/draw/partitions.js";
import type { ExclusionListType } from "../../domain/eligibility.js";
import { done, refused, type Outcome } from "../../domain/outcome.js";
import type { EligibilityDoc } from "../../schemas/applicant.js";
import type { WaveDoc } from "../../schemas/documents.js";
import type { ClosePartitionTask } from "../../schemas/waveClose.js";
import { eligibilityWith } from "../eligibilityCheck.js";
import { openPersonal } from "../personalData.js";
import type { PartitionTake, PartitionTally, PoolMember, Ports } from "../ports.js";
import { CHUNK_LINES, MEMBERS_PAGE, PARTITION_LEASE_SECONDS, enqueueStep } from "./plan.js";

export type ClosePartitionPorts = Pick<Ports, "draws" | "closes" | "lists" | "programYears" | "vault" | "clock" | "tasks">;

/** What one delivery did: closed the partition (with its tally), or why it did nothing. */
export type PartitionRun = { took: "taken"; tally: PartitionTally } | { took: Exclude<PartitionTake, "taken" | "held"> | "not-closing" | "lost-lease" };

/** For tests and the bench: the query's page size, and a call after each page is done (a throw stops the delivery there, like a crash). */
export interface PartitionOptions {
  membersPage?: number;
  afterPage?: (pages: number) => void;
}

const leaseFrom = (now: Date) => new Date(now.getTime() + PARTITION_LEASE_SECONDS * 1000);

/**
 * Closes one partition of a closed wave's pool (docs/draw.md §10): reads its applicants in pid
 * order, page by page (1 read each), re-checks each with the wave's `closesAt` as "now" (so a
 * re-run decides the same), records those excluded (their eligibility and a timeline event under
 * IDs fixed by the wave), and writes the eligible pool lines, in pid order, as chunk documents of
 * CHUNK_LINES under IDs fixed by their position. The exclusion entry is read (batched) only for
 * applicants last checked against older list versions; the family's recipients come from the
 * applicant (`familyRecipients`), from the family card only on documents older than that field.
 *
 * A delivery for a partition done, or owned by a later attempt, does nothing; one that finds
 * this attempt running under a live lease is refused (`partition-held`, retried later); one that
 * finds the lease lapsed (the holder died) or released (the holder failed and said so) takes over
 * and starts the partition again, writing the same chunks. The last partition to finish enqueues
 * the assembly. Errors: whatever a port throws, after the lease is released (the task retries).
 */
export async function closePartition(
  ports: ClosePartitionPorts,
  { waveId, partition, attempt }: ClosePartitionTask,
  options: PartitionOptions = {},
): Promise<Outcome<PartitionRun, "partition-held">> {
  const wave = await ports.draws.wave(waveId);
  if (wave?.state !== "closed" || wave.draw === undefined) return done({ took: "not-closing" });
  const took = await ports.closes.takePartition(waveId, partition, attempt, ports.clock.now(), leaseFrom(ports.clock.now()));
  if (took === "held") return refused("partition-held");
  if (took !== "taken") return done({ took });
  try {
    return await runPartition(ports, wave, wave.draw, { waveId, partition, attempt }, options);
  } catch (error) {
    // A failure this delivery saw (an emulator or Firestore error, a bug) ends its lease now, so
    // Cloud Tasks' retry of the same attempt takes over at once instead of waiting out the lease;
    // the error is the one reported. Only a delivery that dies outright leaves the lease to lapse.
    await ports.closes.releasePartition(waveId, partition, attempt, ports.clock.now()).catch(() => false);
    throw error;
  }
}

async function runPartition(
  ports: ClosePartitionPorts,
  wave: WaveDoc,
  draw: NonNullable<WaveDoc["draw"]>,
  { waveId, partition, attempt }: ClosePartitionTask,
  options: PartitionOptions,
): Promise<Outcome<PartitionRun, "partition-held">> {
  const rules = await ports.programYears.get(wave.programYear);
  if (rules === null) throw new Error(`program year ${wave.programYear} is not configured`);
  const versions = await ports.lists.versions();
  const at = wave.closesAt;

  const range = partitionRange(partition);
  const pageSize = options.membersPage ?? MEMBERS_PAGE;
  const tally: PartitionTally = { processed: 0, eligible: 0, excluded: 0, excludedByReason: {}, chunks: 0 };
  let lines: string[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages += 1) {
    const members = await ports.closes.members(range, after, pageSize);
    if (members.length === 0) break;
    const checked = await recheckPage(ports, members, versions, rules, at);
    const excluded: Array<{ uid: string; eligibility: EligibilityDoc }> = [];
    for (const { member, eligibility, recipients } of checked) {
      const { pid, familyPid, provinceCode } = member.applicant;
      if (eligibility.eligible && pid !== undefined && familyPid !== undefined) {
        // A person on the wave's declared priority list (the version its plan recorded) is flagged in the committed line.
        const priority = isPriority(member.applicant, draw) ? { priority: true } : {};
        lines.push(chunkLine({ pid, stratum: provinceCode, family: familyPid, familyRecipientsBefore: recipients, ...priority }));
        tally.eligible += 1;
        continue;
      }
      excluded.push({ uid: member.uid, eligibility });
      for (const reason of eligibility.reasons) tally.excludedByReason[reason] = (tally.excludedByReason[reason] ?? 0) + 1;
    }
    tally.excluded += excluded.length;
    if (excluded.length > 0) await ports.draws.recordExcluded(waveId, excluded, at);
    while (lines.length >= CHUNK_LINES) {
      await ports.closes.writeChunk(waveId, partition, tally.chunks, lines.slice(0, CHUNK_LINES));
      lines = lines.slice(CHUNK_LINES);
      tally.chunks += 1;
    }
    tally.processed += members.length;
    after = members[members.length - 1].applicant.pid!;
    if (!(await ports.closes.progress(waveId, partition, attempt, tally.processed, leaseFrom(ports.clock.now())))) return done({ took: "lost-lease" });
    options.afterPage?.(pages);
    if (members.length < pageSize) break;
  }
  if (lines.length > 0) {
    await ports.closes.writeChunk(waveId, partition, tally.chunks, lines);
    tally.chunks += 1;
  }
  const finished = await ports.closes.finishPartition(waveId, partition, attempt, tally, ports.clock.now());
  if (finished === null) return done({ took: "lost-lease" });
  if (finished.allDone) await enqueueStep(ports.tasks, "closeWaveAssemble", waveId, ports.clock.now());
  return done({ took: "taken", tally });
}

/** One page re-checked, in the page's order: entries read only for checks against older list versions. */
async function recheckPage(
  ports: Pick<ClosePartitionPorts, "lists" | "draws" | "vault">,
  members: PoolMember[],
  versions: Partial<Record<ExclusionListType, number>>,
  rules: NonNullable<Awaited<ReturnType<Ports["programYears"]["get"]>>>,
  at: Date,
) {
  const stale = members.filter((m) => !checkedAgainst(m.applicant.eligibility.listVersions, versions)).map((m) => m.applicant.nikKey);
  const hits = stale.length > 0 ? await ports.lists.hitsOf(stale, versions) : new Map<string, ExclusionListType[]>();
  const older = [...new Set(members.filter((m) => m.applicant.familyRecipients === undefined).map((m) => m.applicant.kkKey))];
  const families = older.length > 0 ? await ports.draws.families(older) : new Map<string, { recipients: number }>();
  const current: Record<string, number> = {};
  for (const [type, version] of Object.entries(versions)) if (version !== undefined) current[type] = version;
  return Promise.all(
    members.map(async (member) => {
      const { applicant } = member;
      const { birthDate } = await openPersonal(ports.vault, applicant);
      const recipients = applicant.familyRecipients ?? families.get(applicant.kkKey)?.recipients ?? 0;
      const listHits = hits.get(applicant.nikKey) ?? carriedHits(applicant.eligibility.reasons);
      const eligibility = eligibilityWith({ ...applicant, birthDate }, listHits, current, rules, at)({ registrants: 0, recipients });
      return { member, eligibility, recipients };
    }),
  );
}
