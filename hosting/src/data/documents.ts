import { collection, Timestamp, type DocumentData, type QueryDocumentSnapshot } from "firebase/firestore/lite";
import type { z } from "zod";
import { COLLECTIONS } from "@schemas/collections.js";
import { db } from "../firebase.js";


export const collectionOf = (name: keyof typeof COLLECTIONS) => collection(db, COLLECTIONS[name]);

function datesFromTimestamps(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate();
  if (Array.isArray(value)) return value.map(datesFromTimestamps);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, datesFromTimestamps(v)]));
  }
  return value;
}

export type WithId<T> = T & { id: string };

/**
 * Documents read back through the same schemas the functions write them with. One that does
 * not parse is left out (and reported in the console) rather than breaking the whole page.
 */
export function parseDocs<S extends z.ZodType<DocumentData>>(schema: S, docs: QueryDocumentSnapshot[]): WithId<z.infer<S>>[] {
  return docs.flatMap((doc) => {
    const parsed = schema.safeParse(datesFromTimestamps(doc.data()));
    if (parsed.success) return [{ ...parsed.data, id: doc.id }];
    console.warn(`Skipping malformed document ${doc.ref.path}`);
    return [];
  });
}
