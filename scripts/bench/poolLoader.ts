import type { Firestore } from "firebase-admin/firestore";
import type { Candidate } from "../../functions/src/domain/draw/index.js";
import { keyedId } from "../../functions/src/domain/privacy.js";
import type { PersonalData } from "../../functions/src/schemas/applicant.js";
import { registerInput } from "../../functions/src/schemas/registration.js";
import type { SealedPersonal } from "../../functions/src/usecases/personalData.js";
import { person } from "../fixtures/people.js";

/**
 * A fast bulk loader for a closed wave's pool (the wave-close bench, tests/integration/
 * waveClose.test.ts): applicant documents as joinWave leaves them, sealed as the vault requires
 * (the close opens each birth date), their pidIndex entries and family cards (listing their
 * members, as registration does), written with an unthrottled BulkWriter. Set-up, not the thing
 * measured.
 */
export interface PoolLoad {
  count: number;
  /** Document IDs are `<uidPrefix>-<i>`. */
  uidPrefix: string;
  /** The NIK hashing key (NIK_HASH_KEY) the functions use, for pid, nikKey, kkKey and family. */
  hashKey: string;
  seal: (person: PersonalData) => SealedPersonal | Promise<SealedPersonal>;
  /** The moment of joining (registeredAt, consent, the last check). */
  joinedAt: Date;
  programYear: number;
  /** The exclusion lists' current versions: the last check of most applicants was against them. */
  listVersions: Record<string, number>;
  /** Every `staleEvery`-th applicant was last checked against older versions (its entry is read at the close). */
  staleEvery?: number;
  /** Every `underAgeEvery`-th applicant is too young at the close (excluded, "under-age"). */
  underAgeEvery?: number;
  /** Every `familyOf`-th applicant shares the previous one's family card. */
  familyOf?: number;
  /** Keep the eligible entries (for a reference draw): small pools only. */
  collect?: boolean;
  /** Every `every`-th applicant (from the first) is on this version of a priority list, as importPriorityList marks them. */
  priority?: { listId: string; version: number; every: number };
}

export interface LoadedPool {
  /** The eligible entries, when collected (unsorted). */
  entries: Candidate[];
  eligible: number;
  excluded: number;
  uids: string[];
}

/** One applicant per index: province 52 for every fourth, 31 otherwise. */
export async function loadPool(db: Firestore, load: PoolLoad): Promise<LoadedPool> {
  const writer = db.bulkWriter({ throttling: false });
  writer.onWriteError((error) => error.failedAttempts < 5);
  // A write that failed for good fails the load at the next flush (not as an unhandled rejection that kills the process and orphans the emulators).
  let failed: Error | null = null;
  const write = (done: Promise<unknown>) => void done.catch((error: unknown) => (failed ??= error instanceof Error ? error : new Error("a bulk write failed")));
  const flush = async () => {
    await writer.flush();
    if (failed !== null) throw failed;
  };
  const loaded: LoadedPool = { entries: [], eligible: 0, excluded: 0, uids: [] };
  const youngYear = load.joinedAt.getUTCFullYear() - 10;
  let previousKk = "";
  // The family card of the applicants just written (families share a card only with the previous one): written when the next card starts.
  let card = null as { kkKey: string; members: string[] } | null;
  const writeCard = () => {
    if (card !== null) write(writer.set(db.doc(`families/${card.kkKey}`), { registrants: card.members.length, recipients: 0, members: card.members }));
  };
  for (let i = 0; i < load.count; i += 1) {
    const underAge = load.underAgeEvery !== undefined && i % load.underAgeEvery === load.underAgeEvery - 1;
    const districtCode = i % 4 === 0 ? "520101" : "317101";
    const kk = load.familyOf !== undefined && i % load.familyOf === 1 && previousKk !== "" ? previousKk : undefined;
    const form = registerInput.parse(person({ districtCode, ...(kk === undefined ? {} : { kk }), ...(underAge ? { birthDate: `${youngYear}-06-15` } : {}) }));
    previousKk = form.kk;
    const uid = `${load.uidPrefix}-${i}`;
    const pid = keyedId("pid", uid, load.hashKey);
    const kkKey = keyedId("kk", form.kk, load.hashKey);
    const familyPid = keyedId("family", kkKey, load.hashKey);
    const { nik, kk: _kk, fullName, phone, birthDate, consent: _consent, ...declared } = form;
    const stale = load.staleEvery !== undefined && i % load.staleEvery === 0;
    const listed = load.priority !== undefined && i % load.priority.every === 0 ? load.priority : undefined;
    write(
      writer.set(db.doc(`applicants/${uid}`), {
        ...declared,
        ...(await load.seal({ nik, kk: form.kk, fullName, phone, birthDate })),
        nikKey: keyedId("nik", nik, load.hashKey),
        kkKey,
        consent: { at: load.joinedAt, version: "bench", by: "self" },
        registeredAt: load.joinedAt,
        registeredBy: "self",
        requestId: uid,
        status: "registered",
        eligibility: { eligible: true, reasons: [], checkedAt: load.joinedAt, listVersions: stale ? { ...load.listVersions, police: -1 } : load.listVersions },
        programYear: load.programYear,
        pid,
        familyPid,
        inPool: true,
        joinedWave: load.uidPrefix,
        familyRecipients: 0,
        ...(listed === undefined ? {} : { priorityLists: { [listed.listId]: [listed.version] } }),
      }),
    );
    write(writer.set(db.doc(`pidIndex/${pid}`), { uid }));
    if (card?.kkKey === kkKey) card.members.push(uid);
    else {
      writeCard();
      card = { kkKey, members: [uid] };
    }
    if (underAge) loaded.excluded += 1;
    else {
      loaded.eligible += 1;
      if (load.collect === true)
        loaded.entries.push({
          pid,
          stratum: form.provinceCode,
          family: familyPid,
          familyRecipientsBefore: 0,
          ...(listed === undefined ? {} : { priority: true }),
        });
    }
    if (load.collect === true) loaded.uids.push(uid);
    // Bounded memory for a million: the writer's queue is drained every 5,000 applicants.
    if (i % 5000 === 4999) await flush();
  }
  writeCard();
  await flush();
  await writer.close();
  return loaded;
}
