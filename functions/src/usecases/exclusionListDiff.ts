import { done, refused, type Outcome } from "../domain/outcome.js";
import { mayDo, type Actor } from "../domain/roles.js";
import type { ExclusionImportRecord, ExclusionListDiffInput, ExclusionListDiffResult } from "../schemas/exclusion.js";
import type { Ports } from "./ports.js";
import type { DiffRefusal } from "../schemas/contract.js";

export type { DiffRefusal };

export type DiffPorts = Pick<Ports, "importRecords">;

type Counted = Pick<ExclusionImportRecord, "version" | "entries" | "overlaps">;

/**
 * Added, removed and unchanged NIKs between two completed versions, from the counts each import
 * kept (`overlaps`, schemas/exclusion.ts): |from ∩ to| is the later import's overlap with the
 * earlier one, and the rest follows. Two document reads, whatever the size of the lists.
 * When the earlier version was still running as the later one began, the overlap was not
 * counted (it could not be exact) and the diff is refused rather than guessed.
 */
export function diffCounts(from: Counted, to: Counted): Outcome<Omit<ExclusionListDiffResult, "type">, "imports-overlapped"> {
  const [earlier, later] = from.version <= to.version ? [from, to] : [to, from];
  const common = earlier.version === later.version ? earlier.entries : later.overlaps?.[String(earlier.version)];
  if (common === undefined) return refused("imports-overlapped");
  return done({ from: from.version, to: to.version, added: to.entries - common, removed: from.entries - common, unchanged: common });
}

export async function exclusionListDiff(ports: DiffPorts, actor: Actor, input: ExclusionListDiffInput): Promise<Outcome<ExclusionListDiffResult, DiffRefusal>> {
  if (!mayDo(actor, "compare-exclusion-lists")) return refused("not-admin-or-auditor");
  const [from, to] = await Promise.all([ports.importRecords.find(input.type, input.from), ports.importRecords.find(input.type, input.to)]);
  if (from === null || to === null) return refused("version-not-found");
  if (from.status !== "completed" || to.status !== "completed") return refused("version-not-completed");
  const counts = diffCounts(from, to);
  return counts.ok ? done({ type: input.type, ...counts.value }) : counts;
}
