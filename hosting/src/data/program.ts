import { getDocs, limit, orderBy, query, where } from "firebase/firestore/lite";
import type { ProgramYearDoc, WaveDoc } from "@schemas";
import { jakartaYear } from "../format.js";
import { collectionOf, parseDocs, type WithId } from "./documents.js";

// The schemas bring zod (a quarter of the scripts): fetch them alongside the data, so the
// page shell paints without waiting for them.
const schemas = () => import("@schemas/documents.js");

/** The newest program year already in force (next year's rules may be published early). */
export async function loadProgramYear(now: Date): Promise<ProgramYearDoc | null> {
  const [{ programYearDoc }, snapshot] = await Promise.all([
    schemas(),
    getDocs(query(collectionOf("programYears"), where("year", "<=", jakartaYear(now)), orderBy("year", "desc"), limit(1))),
  ]);
  return parseDocs(programYearDoc, snapshot.docs)[0] ?? null;
}

/** A year has few waves: filtering on one field needs no composite index; sort here. */
export async function loadWaves(year: number): Promise<WithId<WaveDoc>[]> {
  const [{ waveDoc }, snapshot] = await Promise.all([schemas(), getDocs(query(collectionOf("waves"), where("programYear", "==", year)))]);
  return parseDocs(waveDoc, snapshot.docs).sort((a, b) => a.number - b.number);
}
