import { entryLine } from "./merkle.js";
import type { Candidate } from "./types.js";

/**
 * The close's partitions of the pseudonymous-ID space (docs/draw.md §10): one per first
 * character of a pid. Pids are 43-character base64url keyed hashes, so each partition holds about
 * 1/64 of the pool, and Firestore orders strings by UTF-8 bytes, the order of §2: the partitions,
 * taken in index order, are consecutive ranges of the pool's order, and their lines, each read in
 * pid order, are the pool in order.
 */

/** base64url's 64 characters in byte order: `-`, digits, capitals, `_`, small letters. */
export const PID_ALPHABET = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
export const PARTITIONS = PID_ALPHABET.length;

/** The pids of partition `index`: `from <= pid < to` bytewise; `to` null for the last. */
export function partitionRange(index: number): { from: string; to: string | null } {
  if (!Number.isInteger(index) || index < 0 || index >= PARTITIONS) throw new RangeError(`partition ${index} is not in 0–${PARTITIONS - 1}`);
  return { from: PID_ALPHABET[index], to: index + 1 < PARTITIONS ? PID_ALPHABET[index + 1] : null };
}

/** The partition of a pid (its first character), or null for a pid outside the alphabet. */
export function partitionOf(pid: string): number | null {
  const at = PID_ALPHABET.indexOf(pid.charAt(0));
  return pid.length === 0 || at < 0 ? null : at;
}

/** `07`: a partition's document ID, so the IDs sort in partition order. */
export const partitionId = (index: number): string => String(index).padStart(2, "0");

/** `07-000012`: chunk `seq` of partition `index`, so the IDs sort in pool order. */
export const chunkId = (index: number, seq: number): string => `${partitionId(index)}-${String(seq).padStart(6, "0")}`;

/** A pool entry as a chunk stores it: its committed line (merkle.ts entryLine), compact and exact. */
export const chunkLine = (entry: Candidate): string => entryLine(entry);

/** The entry back from its line: the inverse of chunkLine (an empty stratum is an absent one, priority 0 is absent). */
export function entryOfLine(line: string): Candidate {
  const [pid, stratum, family, before, priority] = line.split(",");
  const entry: Candidate = { pid, family, familyRecipientsBefore: Number(before) };
  if (stratum !== "") entry.stratum = stratum;
  if (priority === "1") entry.priority = true;
  return entry;
}
