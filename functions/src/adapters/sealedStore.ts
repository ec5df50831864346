import { FieldPath, Timestamp, type Query } from "firebase-admin/firestore";
import { COLLECTIONS } from "../schemas/collections.js";
import { sealedDoc } from "../schemas/vault.js";
import type { SealedStore, StaleSeal } from "../usecases/ports.js";
import { db } from "./firebase.js";

const FAILED_PRECONDITION = 9;

/** A cursor: the last document's key ID and document ID (indexed), or its document ID (scan). */
/** The exact update time read (nanoseconds: a Date would lose them and fail every precondition). */
function timestampOf(version: string): Timestamp {
  const [seconds = "0", nanoseconds = "0"] = version.split(".");
  return new Timestamp(Number(seconds), Number(nanoseconds));
}

const encode = (keyId: string, id: string) => JSON.stringify([keyId, id]);
const decode = (cursor: string) => JSON.parse(cursor) as [string, string];

/**
 * The vault's seals in Firestore (usecases/rotateVaultKeys.ts). Where `<field>.keyId` is indexed,
 * one query finds only the stale seals (`keyId != current`, ordered by keyId then ID; Firestore's
 * automatic single-field index, no composite one): reads are what is left to do. Otherwise the
 * collection is read in ID order and filtered here. Writes replace only the sealed field, each with
 * a precondition on the update time read, so a document rewritten meanwhile (a new payout account
 * linked) is never overwritten with its old seal; a batch that meets one is written again one
 * document at a time, and the changed one is left for the next pass. A field may be a dotted path
 * to a nested seal (`nikDisputes` `resolved.note`): `get`, `where` and `update` read it as a field
 * path, and a document without it (a case still open) is skipped.
 */
export const firestoreSealedStore: SealedStore = {
  async stale(field, current, cursor, limit) {
    const collection = db().collection(COLLECTIONS[field.collection]);
    let query: Query = field.indexed
      ? collection.where(`${field.field}.keyId`, "!=", current).orderBy(`${field.field}.keyId`).orderBy(FieldPath.documentId())
      : collection.orderBy(FieldPath.documentId());
    if (cursor !== null) query = field.indexed ? query.startAfter(...decode(cursor)) : query.startAfter(decode(cursor)[1]);
    const snapshot = await query.limit(limit).get();
    const seals: StaleSeal[] = [];
    for (const doc of snapshot.docs) {
      const parsed = sealedDoc.safeParse(doc.get(field.field));
      const { seconds, nanoseconds } = doc.updateTime;
      if (parsed.success && parsed.data.keyId !== current) seals.push({ id: doc.id, sealed: parsed.data, version: `${seconds}.${nanoseconds}` });
    }
    const last = snapshot.docs.at(-1);
    const lastKeyId = last === undefined ? "" : String(last.get(`${field.field}.keyId`) ?? "");
    return { seals, next: last === undefined || snapshot.size < limit ? null : encode(lastKeyId, last.id) };
  },

  async replace(field, rewrapped) {
    if (rewrapped.length > 500) throw new RangeError("replace: at most 500 writes per batch");
    const collection = db().collection(COLLECTIONS[field.collection]);
    const write = (batch: FirebaseFirestore.WriteBatch, item: (typeof rewrapped)[number]) =>
      batch.update(collection.doc(item.seal.id), { [field.field]: item.sealed }, { lastUpdateTime: timestampOf(item.seal.version) });
    try {
      const batch = db().batch();
      for (const item of rewrapped) write(batch, item);
      await batch.commit();
      return rewrapped.length;
    } catch (error) {
      if ((error as { code?: number }).code !== FAILED_PRECONDITION) throw error;
    }
    let written = 0;
    for (const item of rewrapped) {
      try {
        const batch = db().batch();
        write(batch, item);
        await batch.commit();
        written += 1;
      } catch (error) {
        if ((error as { code?: number }).code !== FAILED_PRECONDITION) throw error;
      }
    }
    return written;
  },
};
