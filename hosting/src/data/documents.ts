import { collection, type DocumentData, type QueryDocumentSnapshot } from "firebase/firestore/lite";
import type { z } from "zod";
import { COLLECTIONS } from "@schemas/collections.js";
import { withDates } from "@schemas/timestamps.js";
import { db } from "../firebase.js";

export const collectionOf = (name: keyof typeof COLLECTIONS) => collection(db, COLLECTIONS[name]);

export type WithId<T> = T & { id: string };

/**
 * Documents read back through the same schemas the functions write them with. One that does
 * not parse is left out (and reported in the console) rather than breaking the whole page.
 */
export function parseDocs<S extends z.ZodType<DocumentData>>(schema: S, docs: QueryDocumentSnapshot[]): WithId<z.infer<S>>[] {
  return docs.flatMap((doc) => {
    const parsed = schema.safeParse(withDates(doc.data()));
    if (parsed.success) return [{ ...parsed.data, id: doc.id }];
    console.warn(`Skipping malformed document ${doc.ref.path}`);
    return [];
  });
}
