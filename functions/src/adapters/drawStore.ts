import type { Candidate } from "../domain/draw/index.js";
import { applicantDoc, type ApplicantDoc, type FamilyDoc } from "../schemas/applicant.js";
import { waveDoc, type WaveDoc } from "../schemas/documents.js";
import { DRAWS_SINCE_LIMIT, type DrawStore, type LatestDraw, type LatestDraws, type PublishedDraws } from "../usecases/ports.js";
import { applicants, families, fields, getAll, waveDrawDoc, pidIndex, poolPages, timeline, waveDraws, waves, waveSecrets, winnerPages } from "./collections.js";
import { db } from "./firebase.js";
import type { DocumentSnapshot, Transaction } from "firebase-admin/firestore";
import { familyLimitEvent } from "../domain/closeRecheck.js";

const pageId = (i: number) => String(i).padStart(6, "0");
/** A pool entry as published: the priority flag only when set (the commitment reads absent as false). */
const publicEntry = ({ priority, ...entry }: Candidate) => (priority === true ? { ...entry, priority: true as const } : entry);

const WINNERS_CHUNK = 100;
/** A card not found: its members, if any, are found by query. */
const UNLISTED: FamilyDoc = { registrants: 0, recipients: 0 };

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * Each family's applicant documents, read in the winners' transaction: by ID from the card's
 * `members` (those read already for the winners are not read again), or by `kkKey` for a card
 * that does not list them (schemas/applicant.ts).
 */
async function familyMembers(
  tx: Transaction,
  kkKeys: string[],
  cards: Map<string, FamilyDoc>,
  read: Map<string, DocumentSnapshot<ApplicantDoc>>,
): Promise<Array<Array<DocumentSnapshot<ApplicantDoc>>>> {
  const listed = kkKeys.flatMap((k) => cards.get(k)!.members ?? []).filter((uid) => !read.has(uid));
  const fetched = listed.length === 0 ? [] : await tx.getAll(...listed.map((uid) => applicants().doc(uid)));
  const byId = new Map([...read, ...fetched.map((snap) => [snap.id, snap] as const)]);
  return Promise.all(
    kkKeys.map(async (k) => {
      const members = cards.get(k)!.members;
      return members === undefined ? (await tx.get(applicants().where("kkKey", "==", k))).docs : members.map((uid) => byId.get(uid)!);
    }),
  );
}

/**
 * The draw's documents in Firestore, for the close's tasks (usecases/close/; the partition's own
 * query is in waveCloses.ts). Family cards are read only for applicants older than
 * `familyRecipients`. Writes: one per excluded person (+ its timeline event), one per 4,096-entry
 * pool page, and per winner the applicant, its timeline event and its family card. Reads per
 * winner: its pidIndex entry, its applicant, its family card and the card's other members (by ID).
 */
export const firestoreDrawStore: DrawStore = {
  async wave(waveId) {
    return (await waves().doc(waveId).get()).data() ?? null;
  },
  async families(kkKeys) {
    const found = new Map<string, FamilyDoc>();
    for (const keys of chunks(kkKeys, 300)) {
      const docs = await getAll(keys.map((k) => families().doc(k)));
      docs.forEach((data, i) => {
        if (data !== undefined) found.set(keys[i], data);
      });
    }
    return found;
  },
  async recordExcluded(waveId, excluded, at) {
    for (const part of chunks(excluded, 200)) {
      const batch = db().batch();
      for (const { uid, eligibility } of part) {
        // A family already at its limit stays so (recipients only grow): out of the pool, so no later close reads them again.
        const out = eligibility.reasons.includes("family-limit-reached") ? { inPool: false } : {};
        batch.update(applicants().doc(uid), fields(applicantDoc, { eligibility, ...out }));
        batch.set(timeline(uid).doc(`excluded-${waveId}`), { kind: "excluded-at-draw", at, eligible: false, reasons: eligibility.reasons, waveId });
      }
      await batch.commit();
    }
  },
  async freeze(waveId, entries, frozen) {
    // Public pages of a wave frozen already are never rewritten, even by a stray late run.
    if ((await waves().doc(waveId).get()).data()?.state !== "closed") return;
    const pages = chunks(entries, frozen.pageSize);
    for (const [i, page] of pages.entries()) {
      const next = i + 1 < pages.length ? { next: `${pageId(i + 1)}.json` } : {};
      await poolPages(waveId)
        .doc(pageId(i))
        .set({ waveId, page: i, pageSize: frozen.pageSize, entries: page.map(publicEntry), ...next });
    }
    await db().runTransaction(async (tx) => {
      const wave = (await tx.get(waves().doc(waveId))).data();
      if (wave?.state !== "closed") return;
      tx.set(waveDraws().doc(waveId), frozen);
      tx.update(waves().doc(waveId), fields(waveDoc, { state: "frozen" }));
    });
  },
  async seed(waveId) {
    return (await waveSecrets().doc(waveId).get()).data()?.seed ?? null;
  },
  async applyWinners(waveId, pids, terms, at, familyLimit) {
    let applied = 0;
    for (const part of chunks(pids, WINNERS_CHUNK)) {
      const index = await getAll(part.map((pid) => pidIndex().doc(pid)));
      const uids = index.map((entry) => entry?.uid).filter((uid): uid is string => uid !== undefined);
      applied += await db().runTransaction(async (tx) => {
        const snaps = await Promise.all(uids.map((uid) => tx.get(applicants().doc(uid))));
        const people = snaps
          .map((snap, i) => ({ uid: uids[i], applicant: snap.data() }))
          .filter((p): p is { uid: string; applicant: ApplicantDoc } => p.applicant?.status === "registered");
        const kkKeys = [...new Set(people.map((p) => p.applicant.kkKey))];
        const familySnaps = await Promise.all(kkKeys.map((k) => tx.get(families().doc(k))));
        const familyCounts = new Map(kkKeys.map((k, i) => [k, familySnaps[i].data() ?? UNLISTED]));
        // The members of each winner's family (a few each): they carry its count, and leave the pool at its limit.
        const members = await familyMembers(tx, kkKeys, familyCounts, new Map(snaps.map((snap) => [snap.id, snap])));
        for (const { uid, applicant } of people) {
          tx.update(
            applicants().doc(uid),
            fields(applicantDoc, {
              status: "participant",
              inPool: false,
              selectedWave: waveId,
              trainingBalance: terms.trainingBalance,
              purchaseDeadline: terms.purchaseDeadline,
              lapseAt: terms.purchaseDeadline,
              remindAt: terms.remindAt,
            }),
          );
          tx.set(timeline(uid).doc(`selected-${waveId}`), { kind: "selected", at, waveId });
          const family = familyCounts.get(applicant.kkKey)!;
          familyCounts.set(applicant.kkKey, { ...family, recipients: family.recipients + 1 });
        }
        const selected = new Set(people.map((p) => p.uid));
        kkKeys.forEach((key, i) => {
          const family = familyCounts.get(key)!;
          tx.set(families().doc(key), family);
          for (const member of members[i]) {
            if (!member.exists) continue;
            const data = member.data()!;
            const leaves =
              !selected.has(member.id) && familyLimit !== undefined && family.recipients >= familyLimit && data.inPool === true && data.status === "registered";
            tx.update(member.ref, fields(applicantDoc, { familyRecipients: family.recipients, ...(leaves ? { inPool: false } : {}) }));
            if (leaves) tx.set(timeline(member.id).doc(`family-limit-${waveId}`), familyLimitEvent(waveId, at));
          }
        });
        return people.length;
      });
    }
    return applied;
  },
  async writePoolPage(waveId, page) {
    await poolPages(waveId)
      .doc(pageId(page.page))
      .set({ ...page, entries: page.entries.map(publicEntry) });
  },
  async writeWinnersPage(waveId, page) {
    await winnerPages(waveId).doc(pageId(page.page)).set(page);
  },
  async commit(waveId, frozen) {
    return db().runTransaction(async (tx) => {
      const wave = (await tx.get(waves().doc(waveId))).data();
      if (wave?.state !== "closed") return false;
      tx.set(waveDraws().doc(waveId), frozen);
      tx.update(waves().doc(waveId), fields(waveDoc, { state: "frozen" }));
      return true;
    });
  },
  async commitment(waveId) {
    const stored = (await waveDraws().doc(waveId).get()).data();
    if (stored === undefined) return null;
    const { manifest: _published, ...frozen } = stored;
    return frozen;
  },
  async publish(waveId, publication) {
    for (const { href, page } of publication.winnersPages)
      await winnerPages(waveId)
        .doc(href.replace(/^winners\/|\.json$/g, ""))
        .set(page);
    await db().runTransaction(async (tx) => {
      const wave = (await tx.get(waves().doc(waveId))).data();
      if (wave?.state !== "frozen") return;
      tx.update(waveDraws().doc(waveId), fields(waveDrawDoc, { manifest: publication.manifest }));
      tx.update(waves().doc(waveId), fields(waveDoc, { state: "drawn" }));
    });
  },
};

/** A drawn wave's manifest essentials, or null before its manifest has a draw key. */
async function drawOf(waveId: string, wave: WaveDoc): Promise<LatestDraw | null> {
  const manifest = (await waveDraws().doc(waveId).get()).data()?.manifest;
  if (manifest?.drawKey === undefined) return null;
  const list = wave.draw?.priority;
  const priorityList = list === undefined ? {} : { priorityList: { listId: list.listId, version: list.version } };
  return { waveId, closesAt: wave.closesAt, drawKey: manifest.drawKey, result: manifest.result, poolSize: manifest.poolSize, ...priorityList };
}

/** The drawn waves' manifest essentials, for applicants' own status. */
export const firestoreLatestDraw: LatestDraws = {
  async latest() {
    const drawn = await waves().where("state", "==", "drawn").orderBy("closesAt", "desc").limit(1).get();
    const wave = drawn.docs[0];
    return wave === undefined ? null : drawOf(wave.id, wave.data());
  },
  async since(after) {
    const drawn = await waves().where("state", "==", "drawn").where("closesAt", ">", after).orderBy("closesAt", "desc").limit(DRAWS_SINCE_LIMIT).get();
    const found = await Promise.all(drawn.docs.map((wave) => drawOf(wave.id, wave.data())));
    return found.filter((draw): draw is LatestDraw => draw !== null);
  },
};

/** The public draw as served: the manifest once published, pool pages from the freeze. Parsed with their strict schemas. */
export const firestorePublishedDraws: PublishedDraws = {
  async manifest(waveId) {
    return (await waveDraws().doc(waveId).get()).data()?.manifest ?? null;
  },
  async page(waveId, folder, page) {
    const pages = folder === "pool" ? poolPages(waveId) : winnerPages(waveId);
    return (await pages.doc(pageId(page)).get()).data() ?? null;
  },
};
