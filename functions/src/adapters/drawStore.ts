import { FieldPath } from "firebase-admin/firestore";
import type { Candidate } from "../domain/draw/index.js";
import { applicantDoc, familyDoc, timelineEventDoc, type ApplicantDoc, type FamilyDoc } from "../schemas/applicant.js";
import { waveDoc } from "../schemas/documents.js";
import { frozenPoolDoc, waveSecretDoc } from "../schemas/waves.js";
import type { DrawStore } from "../usecases/closeWave.js";
import type { LatestDraw } from "../usecases/getMyStatus.js";
import { COLLECTIONS, converter } from "./collections.js";
import { db } from "./firebase.js";

const applicants = () => db().collection(COLLECTIONS.applicants).withConverter(converter(applicantDoc));
const families = () => db().collection(COLLECTIONS.families).withConverter(converter(familyDoc));
const timeline = (uid: string) => applicants().doc(uid).collection(COLLECTIONS.timeline).withConverter(converter(timelineEventDoc));
const waves = () => db().collection(COLLECTIONS.waves).withConverter(converter(waveDoc));
const drawDoc = (waveId: string) => db().collection(COLLECTIONS.waveDraws).doc(waveId);
const pageId = (i: number) => String(i).padStart(6, "0");
export const poolPages = (waveId: string) => drawDoc(waveId).collection(COLLECTIONS.drawPool);
export const winnerPages = (waveId: string) => drawDoc(waveId).collection(COLLECTIONS.drawWinners);

const MEMBERS_PAGE = 300;
const WINNERS_CHUNK = 100;

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * The draw in Firestore. Reads per pool member at the close: 1 (the applicant, in pages) plus
 * the eligibility check's (exclusion entry, family card shared by a page). Writes: one per
 * excluded person (+ its timeline event), one per 4,096-entry pool page, and per winner the
 * applicant, its timeline event and its family card.
 */
export const firestoreDrawStore: DrawStore = {
  async wave(waveId) {
    return (await waves().doc(waveId).get()).data() ?? null;
  },
  /**
   * One streamed query, handed on in pages: one read per member. At national scale the same
   * query is split by document-ID ranges over parallel tasks (docs/draw.md, "At national scale").
   */
  async *poolMembers() {
    const query = applicants().where("inPool", "==", true).where("status", "==", "registered");
    let page: Array<{ uid: string; applicant: ApplicantDoc }> = [];
    for await (const snap of query.stream() as AsyncIterable<FirebaseFirestore.QueryDocumentSnapshot<ApplicantDoc>>) {
      page.push({ uid: snap.id, applicant: snap.data() });
      if (page.length === MEMBERS_PAGE) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
  },
  async families(kkKeys) {
    const found = new Map<string, FamilyDoc>();
    for (const keys of chunks(kkKeys, 300)) {
      const snaps = await db().getAll(...keys.map((k) => families().doc(k)));
      snaps.forEach((snap, i) => {
        // getAll loses the converter's type, not its work: the data was parsed by familyDoc.
        const data = snap.data() as FamilyDoc | undefined;
        if (data !== undefined) found.set(keys[i]!, data);
      });
    }
    return found;
  },
  async recordExcluded(waveId, excluded, at) {
    for (const part of chunks(excluded, 200)) {
      const batch = db().batch();
      for (const { uid, eligibility } of part) {
        batch.update(applicants().doc(uid).withConverter(null), { eligibility });
        batch.set(timeline(uid).doc(`excluded-${waveId}`), { kind: "excluded-at-draw", at, eligible: false, reasons: eligibility.reasons, waveId });
      }
      await batch.commit();
    }
  },
  async freeze(waveId, entries, frozen) {
    const pages = chunks(entries, frozen.pageSize);
    for (const [i, page] of pages.entries()) {
      const next = i + 1 < pages.length ? { next: `${pageId(i + 1)}.json` } : {};
      await poolPages(waveId).doc(pageId(i)).set({ waveId, page: i, pageSize: frozen.pageSize, entries: page, ...next });
    }
    await db().runTransaction(async (tx) => {
      const wave = (await tx.get(waves().doc(waveId))).data();
      if (wave?.state !== "closed") return;
      tx.set(drawDoc(waveId).withConverter(converter(frozenPoolDoc)), frozen);
      tx.update(waves().doc(waveId).withConverter(null), { state: "frozen" });
    });
  },
  async frozen(waveId) {
    const snap = await drawDoc(waveId).withConverter(converter(frozenPoolDoc)).get();
    const frozen = snap.data();
    if (frozen === undefined) return null;
    const pages = await poolPages(waveId).orderBy(FieldPath.documentId()).get();
    const entries = pages.docs.flatMap((d) => d.get("entries") as Candidate[]);
    return { frozen, entries };
  },
  async seed(waveId) {
    return (await db().collection(COLLECTIONS.waveSecrets).doc(waveId).withConverter(converter(waveSecretDoc)).get()).data()?.seed ?? null;
  },
  async applyWinners(waveId, pids, trainingBalance, at) {
    let applied = 0;
    for (const part of chunks(pids, WINNERS_CHUNK)) {
      const index = await db().getAll(...part.map((pid) => db().collection(COLLECTIONS.pidIndex).doc(pid)));
      const uids = index.map((snap) => snap.get("uid") as string | undefined).filter((uid): uid is string => uid !== undefined);
      applied += await db().runTransaction(async (tx) => {
        const snaps = await Promise.all(uids.map((uid) => tx.get(applicants().doc(uid))));
        const people = snaps.map((snap, i) => ({ uid: uids[i]!, applicant: snap.data() })).filter((p): p is { uid: string; applicant: ApplicantDoc } => p.applicant?.status === "registered");
        const kkKeys = [...new Set(people.map((p) => p.applicant.kkKey))];
        const familySnaps = await Promise.all(kkKeys.map((k) => tx.get(families().doc(k))));
        const familyCounts = new Map(kkKeys.map((k, i) => [k, familySnaps[i]!.data() ?? { registrants: 0, recipients: 0 }]));
        for (const { uid, applicant } of people) {
          tx.update(applicants().doc(uid).withConverter(null), { status: "participant", inPool: false, selectedWave: waveId, trainingBalance });
          tx.set(timeline(uid).doc(`selected-${waveId}`), { kind: "selected", at, waveId });
          const family = familyCounts.get(applicant.kkKey)!;
          familyCounts.set(applicant.kkKey, { ...family, recipients: family.recipients + 1 });
        }
        for (const key of new Set(people.map((p) => p.applicant.kkKey))) tx.set(families().doc(key), familyCounts.get(key)!);
        return people.length;
      });
    }
    return applied;
  },
  async publish(waveId, publication) {
    for (const { href, page } of publication.winnersPages) await winnerPages(waveId).doc(href.replace(/^winners\/|\.json$/g, "")).set(page);
    await db().runTransaction(async (tx) => {
      const wave = (await tx.get(waves().doc(waveId))).data();
      if (wave?.state !== "frozen") return;
      tx.set(drawDoc(waveId), { manifest: publication.manifest }, { merge: true });
      tx.update(waves().doc(waveId).withConverter(null), { state: "drawn" });
    });
  },
};

/** The most recently drawn wave's manifest essentials, for applicants' own status. */
export const firestoreLatestDraw = {
  async latest() {
    const drawn = await waves().where("state", "==", "drawn").orderBy("closesAt", "desc").limit(1).get();
    const wave = drawn.docs[0];
    if (wave === undefined) return null;
    const waveId = wave.id;
    const manifest = (await drawDoc(waveId).get()).get("manifest") as { drawKey?: string; result: LatestDraw["result"] } | undefined;
    if (manifest?.drawKey === undefined) return null;
    return { waveId, closesAt: wave.data().closesAt, drawKey: manifest.drawKey, result: manifest.result };
  },
};
