import { FieldPath, type BulkWriter, type CollectionReference, type DocumentData, type DocumentReference } from "firebase-admin/firestore";
import { type z } from "zod";
import { db } from "./firebase.js";

/** What an import session of one list (adapters/exclusionLists.ts, adapters/priorityLists.ts) writes and reads its entries with. */
export interface ListEntries {
  /** Writes the entries (and what else the import marks); closed when the import completes or fails. */
  writer: BulkWriter;
  /** The entries without their converter: arrayUnion is a sentinel the schema cannot validate. */
  raw: CollectionReference<DocumentData>;
  /** This list's versions on each keyed NIK's entry (empty for a NIK on no version), in the order given: one batched read. */
  versionsOf: (nikKeys: readonly string[]) => Promise<number[][]>;
}

/**
 * The entries of list `list` in a collection of keyed-NIK entries shaped `lists.<list>.versions`
 * (`versionList`: the schema of that field).
 *
 * Entries are written with BulkWriter: it retries each failed write and, in production, ramps
 * up from 500 writes/s by 50% every 5 minutes (Firestore's 500/50/5 rule for a busy new
 * collection; keyed-hash IDs are random, so there is no hot key range). The local emulator
 * would spend minutes in that ramp, so it is off there.
 */
export function listEntries<T extends DocumentData>(entries: CollectionReference<T>, list: string, versionList: z.ZodType<number[]>): ListEntries {
  const writer = db().bulkWriter({ throttling: process.env.FUNCTIONS_EMULATOR !== "true" });
  const versionsField = new FieldPath("lists", list, "versions");
  // Without the converter: arrayUnion is a sentinel the schema cannot validate, and reads are masked
  // to one list's versions (validated field by field below).
  const raw = entries.withConverter(null);
  return {
    writer,
    raw,
    versionsOf: async (nikKeys) => {
      if (nikKeys.length === 0) return [];
      // Only this list's versions are fetched, so the read is validated field by field, not as a whole entry.
      const snapshots = await db().getAll(...nikKeys.map((key) => raw.doc(key)), { fieldMask: [versionsField] });
      return snapshots.map((snapshot) => versionList.parse(snapshot.get(versionsField) ?? []));
    },
  };
}

/**
 * Fails an import: settles its writes (closing `writer`), then marks its record at `ref` failed,
 * finished at `at`, in one transaction. Writes already made stay, under a version nothing reads.
 */
export async function failImport<T extends { status: "running" | "completed" | "failed"; finishedAt?: Date }>(
  writer: BulkWriter,
  ref: DocumentReference<T>,
  at: Date,
): Promise<void> {
  await writer.close();
  await db().runTransaction(async (tx) => {
    const record = (await tx.get(ref)).data();
    // Only a running import can fail; anything else already has its final state.
    if (record?.status === "running") tx.set(ref, { ...record, status: "failed", finishedAt: at });
  });
}
