import { documentId, getDocs, limit, orderBy, query, where } from "firebase/firestore/lite";
import type { WaveDoc } from "@schemas";
import { waveDoc } from "@schemas/documents.js";
import { collectionOf, parseDocs, type WithId } from "./documents.js";

/** Wave documents (public, per firestore.rules), read back through the functions' own schema. */

export type Wave = WithId<WaveDoc>;

/** How many waves the transparency page lists: years of them (the 2020 program ran 22 in its first years). */
export const WAVE_LIST_SIZE = 50;

/**
 * The waves not drawn yet (scheduled, open, closed, frozen: a handful at any time), whatever
 * their dates: the status page finds among them the wave to join and the next draw.
 */
export async function loadUndrawnWaves(): Promise<Wave[]> {
  const snapshot = await getDocs(query(collectionOf("waves"), where("state", "in", ["scheduled", "open", "closed", "frozen"])));
  return parseDocs(waveDoc, snapshot.docs);
}

/** The latest waves first, every program year: auditors compare waves across years. */
export async function loadWaveList(): Promise<Wave[]> {
  const snapshot = await getDocs(query(collectionOf("waves"), orderBy("opensAt", "desc"), limit(WAVE_LIST_SIZE)));
  return parseDocs(waveDoc, snapshot.docs);
}

export async function loadWave(waveId: string): Promise<Wave | null> {
  const snapshot = await getDocs(query(collectionOf("waves"), where(documentId(), "==", waveId)));
  return parseDocs(waveDoc, snapshot.docs)[0] ?? null;
}

/**
 * Wave `number` of the latest program year that has one (a wave's number restarts each year):
 * what a person means by "gelombang 12". One equality on `number` (its automatic single-field
 * index); the few years' waves of that number are sorted here.
 */
export async function loadWaveNumbered(number: number): Promise<Wave | null> {
  const snapshot = await getDocs(query(collectionOf("waves"), where("number", "==", number)));
  return parseDocs(waveDoc, snapshot.docs).sort((a, b) => b.programYear - a.programYear || b.opensAt.getTime() - a.opensAt.getTime())[0] ?? null;
}
