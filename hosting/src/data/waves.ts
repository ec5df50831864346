import { documentId, getDocs, limit, orderBy, query, where } from "firebase/firestore/lite";
import type { WaveDoc, WaveDrawPlan } from "@schemas";
import { waveDoc } from "@schemas/documents.js";
import { collectionOf, parseDocs, type WithId } from "./documents.js";

/** Wave documents (public, per firestore.rules), read back through the functions' own schema. */

export type Wave = WithId<WaveDoc>;
export type PlannedWave = Wave & { draw: WaveDrawPlan };

/** How many waves the transparency page lists: years of them (the 2020 program ran 22 in its first years). */
export const WAVE_LIST_SIZE = 50;

/**
 * The wave an applicant can join now. The clock closes a wave at closesAt even before the
 * schedule records it (joinWave refuses it then), and a wave made before draws existed is never
 * drawn, so neither is offered. Normally one wave is open; if several are, the one closing first.
 */
export async function loadOpenWave(now: Date): Promise<PlannedWave | null> {
  const snapshot = await getDocs(query(collectionOf("waves"), where("state", "==", "open")));
  const joinable = parseDocs(waveDoc, snapshot.docs).filter(
    (wave): wave is PlannedWave => wave.draw !== undefined && wave.opensAt <= now && now < wave.closesAt,
  );
  return joinable.sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime())[0] ?? null;
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
