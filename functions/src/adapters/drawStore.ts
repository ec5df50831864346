import { applicantDoc, type ApplicantDoc, type FamilyDoc } from "../schemas/applicant.js";
import { waveDoc, type WaveDoc } from "../schemas/documents.js";
import { DRAWS_SINCE_LIMIT, type DrawStore, type LatestDraw, type LatestDraws, type ParticipantTerms, type PublishedDraws } from "../usecases/ports.js";
import {
  applicants,
  COLLECTIONS,
  families,
  fields,
  getAll,
  waveDrawDoc,
  pidIndex,
  poolPages,
  timeline,
  waveDraws,
  waves,
  waveSecrets,
  winnerPages,
} from "./collections.js";
import { db } from "./firebase.js";
import { chunks, latestDrawOf, pageId, publicEntry, leavesAtLimit, participantFields, winnersFitting, WINNERS_CHUNK } from "./drawRecords.js";
import { UNLISTED_FAMILY } from "../domain/family.js";
import { FieldPath, type Transaction } from "firebase-admin/firestore";
import { familyLimitEvent } from "../domain/closeRecheck.js";

/** Members of an unlisted family brought to its card's count per transaction (2 writes each at most). */
const FAMILY_SYNC_PAGE = 200;

/**
 * Brings the members of a family whose card lists no one (more than 200 registrants, or no card)
 * to the card's count, and takes them out of the pool once the family is at its limit, with the
 * reason in their timeline: 200 members a transaction, found by `kkKey` in document-ID order
 * (the single-field index). Writes only what differs, so running it again writes nothing.
 */
async function syncUnlistedFamily(kkKey: string, waveId: string, at: Date, familyLimit: number | undefined): Promise<void> {
  for (let after: string | undefined; ;) {
    let page = db().collection(COLLECTIONS.applicants).where("kkKey", "==", kkKey).orderBy(FieldPath.documentId()).select().limit(FAMILY_SYNC_PAGE);
    if (after !== undefined) page = page.startAfter(after);
    const ids = (await page.get()).docs.map((doc) => doc.id);
    if (ids.length === 0) return;
    await db().runTransaction(async (tx) => {
      const family = (await tx.get(families().doc(kkKey))).data() ?? UNLISTED_FAMILY;
      for (const member of await tx.getAll(...ids.map((id) => applicants().doc(id)))) {
        const data = member.data();
        if (data === undefined) continue;
        const leaves = leavesAtLimit(data, family.recipients, familyLimit);
        if (data.familyRecipients === family.recipients && !leaves) continue;
        tx.update(member.ref, fields(applicantDoc, { familyRecipients: family.recipients, ...(leaves ? { inPool: false } : {}) }));
        if (leaves) tx.set(timeline(member.id).doc(`family-limit-${waveId}`), familyLimitEvent(waveId, at));
      }
    });
    if (ids.length < FAMILY_SYNC_PAGE) return;
    after = ids.at(-1);
  }
}

/**
 * One transaction of applyWinners: reads `uids`' applicants and family cards, and the listed
 * members of the families of those it applies; applies the leading winners that fit
 * (winnersFitting). Returns how many of `uids` it consumed (≥ 1), how many became participants,
 * and the families whose cards list no one, among those consumed (including winners this wave
 * applied before: a re-delivery still completes their families).
 */
async function applySome(
  tx: Transaction,
  waveId: string,
  uids: string[],
  terms: ParticipantTerms,
  at: Date,
  familyLimit: number | undefined,
): Promise<{ consumed: number; applied: number; unlisted: string[] }> {
  const snaps = await tx.getAll(...uids.map((uid) => applicants().doc(uid)));
  const ours = (a: ApplicantDoc | undefined): a is ApplicantDoc => a?.status === "registered" || (a !== undefined && a.selectedWave === waveId);
  const kkKeys = [
    ...new Set(
      snaps
        .map((snap) => snap.data())
        .filter(ours)
        .map((a) => a.kkKey),
    ),
  ];
  const familySnaps = kkKeys.length === 0 ? [] : await tx.getAll(...kkKeys.map((k) => families().doc(k)));
  const cards = new Map(kkKeys.map((k, i) => [k, familySnaps[i].data() ?? UNLISTED_FAMILY]));
  const registered = snaps.flatMap((snap, i) => {
    const applicant = snap.data();
    return applicant?.status === "registered" ? [{ i, uid: uids[i], applicant }] : [];
  });
  const fitting = winnersFitting(
    registered.map((p) => p.applicant),
    (k) => cards.get(k)!.members?.length ?? 0,
  );
  const people = registered.slice(0, fitting);
  const consumed = fitting < registered.length ? registered[fitting].i : uids.length;
  const unlisted = [
    ...new Set(
      snaps
        .slice(0, consumed)
        .map((snap) => snap.data())
        .filter(ours)
        .map((a) => a.kkKey),
    ),
  ].filter((k) => cards.get(k)!.members === undefined);
  // The members each applied family lists (a few each): they carry its count, and leave the pool at its limit.
  const applied = [...new Set(people.map((p) => p.applicant.kkKey))];
  const read = new Map(snaps.map((snap) => [snap.id, snap]));
  const toRead = applied.flatMap((k) => cards.get(k)!.members ?? []).filter((uid) => !read.has(uid));
  for (const snap of toRead.length === 0 ? [] : await tx.getAll(...toRead.map((uid) => applicants().doc(uid)))) read.set(snap.id, snap);
  const counts = new Map(applied.map((k) => [k, cards.get(k)!]));
  for (const { uid, applicant } of people) {
    tx.update(applicants().doc(uid), fields(applicantDoc, participantFields(waveId, terms)));
    tx.set(timeline(uid).doc(`selected-${waveId}`), { kind: "selected", at, waveId });
    const family = counts.get(applicant.kkKey)!;
    counts.set(applicant.kkKey, { ...family, recipients: family.recipients + 1 });
  }
  const selected = new Set(people.map((p) => p.uid));
  for (const [key, family] of counts) {
    tx.set(families().doc(key), family);
    for (const uid of family.members ?? []) {
      const member = read.get(uid);
      const data = member?.data();
      if (member === undefined || data === undefined) continue;
      const leaves = !selected.has(uid) && leavesAtLimit(data, family.recipients, familyLimit);
      tx.update(member.ref, fields(applicantDoc, { familyRecipients: family.recipients, ...(leaves ? { inPool: false } : {}) }));
      if (leaves) tx.set(timeline(uid).doc(`family-limit-${waveId}`), familyLimitEvent(waveId, at));
    }
  }
  return { consumed, applied: people.length, unlisted };
}

/**
 * The draw's documents in Firestore, for the close's tasks (usecases/close/; the partition's own
 * query is in waveCloses.ts). Family cards are read only for applicants older than
 * `familyRecipients`. Writes: one per excluded person (+ its timeline event), one per 4,096-entry
 * pool page, and per winner the applicant, its timeline event, its family card and the card's
 * members' counts, within 500 writes a transaction (applySome). Reads per winner: its pidIndex
 * entry, its applicant, its family card and the card's other members (by ID); a card that lists
 * nobody has its members found by `kkKey` afterwards (syncUnlistedFamily).
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
      let uids = index.map((entry) => entry?.uid).filter((uid): uid is string => uid !== undefined);
      const unlisted = new Set<string>();
      // As many winners a transaction as fit in Firestore's 500 writes (winnersFitting), so a chunk of large families takes several.
      while (uids.length > 0) {
        const step = await db().runTransaction((tx) => applySome(tx, waveId, uids, terms, at, familyLimit));
        applied += step.applied;
        for (const key of step.unlisted) unlisted.add(key);
        uids = uids.slice(step.consumed);
      }
      for (const key of unlisted) await syncUnlistedFamily(key, waveId, at, familyLimit);
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
  return latestDrawOf(waveId, wave, (await waveDraws().doc(waveId).get()).data()?.manifest);
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
