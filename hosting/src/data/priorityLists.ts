import { doc, getDoc, getDocs } from "firebase/firestore/lite";
import { priorityListDoc } from "@schemas/priority.js";
import { withDates } from "@schemas/timestamps.js";
import { collectionOf, parseDocs, type WithId } from "./documents.js";

/** Priority lists (public per firestore.rules: names and counts, never an entry), read through the functions' own schema. */

export type PriorityList = WithId<ReturnType<typeof priorityListDoc.parse>>;

/** Every list (a few dozen at most), by ID: the console's import page and wave form. */
export async function loadPriorityLists(): Promise<PriorityList[]> {
  return parseDocs(priorityListDoc, (await getDocs(collectionOf("priorityLists"))).docs);
}

/** One list, or null when there is none (or it does not parse). */
export async function loadPriorityList(listId: string): Promise<PriorityList | null> {
  const snapshot = await getDoc(doc(collectionOf("priorityLists"), listId));
  const parsed = priorityListDoc.safeParse(withDates(snapshot.data() ?? {}));
  return snapshot.exists() && parsed.success ? { ...parsed.data, id: listId } : null;
}
