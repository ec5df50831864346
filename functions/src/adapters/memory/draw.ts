import type { FamilyDoc } from "../../schemas/applicant.js";
import type { WaveDoc } from "../../schemas/documents.js";
import { DRAWS_SINCE_LIMIT, type DrawStore, type LatestDraw, type LatestDraws, type PublishedDraws } from "../../usecases/ports.js";
import { familyLimitEvent } from "../../domain/closeRecheck.js";
import { roundTrip, type Memory } from "./state.js";
import { chunks, latestDrawOf, pageId, publicEntry, leavesAtLimit, participantFields, winnersFitting, WINNERS_CHUNK } from "../drawRecords.js";
import { UNLISTED_FAMILY } from "../../domain/family.js";

/**
 * A wave's draw in memory, with adapters/drawStore.ts's guards: the freeze lands only on a
 * `closed` wave and the publication only on a `frozen` one, winners are applied only to people
 * still `registered` (counting each on their family card), and pages are validated with the
 * strict public schemas.
 */

export function memoryDrawStore(memory: Memory): DrawStore {
  const { waves, applicants, families, timeline, poolPages, winnerPages, waveDraws, waveSecrets, pidIndex } = memory.state;
  /** As drawStore.ts's syncUnlistedFamily: the members of a card that lists nobody, by `kkKey`, 200 a batch, writing only what differs. */
  const syncUnlisted = (kkKey: string, waveId: string, at: Date, familyLimit: number | undefined) => {
    const members = applicants.under("").filter(([, a]) => a.kkKey === kkKey);
    for (const page of chunks(members, 200)) {
      const family = families.read(kkKey) ?? UNLISTED_FAMILY;
      const batch = memory.batch();
      for (const [uid, member] of page) {
        const leaves = leavesAtLimit(member, family.recipients, familyLimit);
        if (member.familyRecipients === family.recipients && !leaves) continue;
        batch.update(applicants, uid, { familyRecipients: family.recipients, ...(leaves ? { inPool: false } : {}) });
        if (leaves) batch.set(timeline, `${uid}/family-limit-${waveId}`, familyLimitEvent(waveId, at));
      }
      batch.commit();
    }
  };
  return {
    async wave(waveId) {
      await roundTrip();
      return waves.read(waveId) ?? null;
    },
    async families(kkKeys) {
      await roundTrip();
      const found = new Map<string, FamilyDoc>();
      for (const key of kkKeys) {
        const family = families.read(key);
        if (family !== undefined) found.set(key, family);
      }
      return found;
    },
    async recordExcluded(waveId, excluded, at) {
      for (const part of chunks(excluded, 200)) {
        await roundTrip();
        const batch = memory.batch();
        for (const { uid, eligibility } of part) {
          const out = eligibility.reasons.includes("family-limit-reached") ? { inPool: false } : {};
          batch.update(applicants, uid, { eligibility, ...out });
          batch.set(timeline, `${uid}/excluded-${waveId}`, { kind: "excluded-at-draw", at, eligible: false, reasons: eligibility.reasons, waveId });
        }
        batch.commit();
      }
    },
    async freeze(waveId, entries, frozen) {
      if (waves.read(waveId)?.state !== "closed") return;
      const pages = chunks(entries, frozen.pageSize);
      for (const [i, page] of pages.entries()) {
        await roundTrip();
        const next = i + 1 < pages.length ? { next: `${pageId(i + 1)}.json` } : {};
        memory
          .batch()
          .set(poolPages, `${waveId}/${pageId(i)}`, { waveId, page: i, pageSize: frozen.pageSize, entries: page.map(publicEntry), ...next })
          .commit();
      }
      await roundTrip();
      if (waves.read(waveId)?.state !== "closed") return;
      memory.batch().set(waveDraws, waveId, frozen).update(waves, waveId, { state: "frozen" }).commit();
    },
    async seed(waveId) {
      await roundTrip();
      return waveSecrets.read(waveId)?.seed ?? null;
    },
    async applyWinners(waveId, pids, terms, at, familyLimit) {
      // As adapters/drawStore.ts: as many winners a batch as fit in 500 writes (the memory batch refuses more), and a card that lists nobody synced apart.
      let applied = 0;
      for (const part of chunks(pids, WINNERS_CHUNK)) {
        await roundTrip();
        let uids = part.map((pid) => pidIndex.read(pid)?.uid).filter((uid): uid is string => uid !== undefined);
        const unlisted = new Set<string>();
        while (uids.length > 0) {
          const all = uids.map((uid) => ({ uid, applicant: applicants.read(uid) }));
          const registered = all.flatMap(({ uid, applicant }, i) => (applicant?.status === "registered" ? [{ i, uid, applicant }] : []));
          const cardOf = (key: string) => families.read(key) ?? UNLISTED_FAMILY;
          const fitting = winnersFitting(
            registered.map((p) => p.applicant),
            (key) => cardOf(key).members?.length ?? 0,
          );
          const people = registered.slice(0, fitting);
          const consumed = fitting < registered.length ? registered[fitting].i : uids.length;
          for (const { applicant } of all.slice(0, consumed)) {
            const ours = applicant !== undefined && (applicant.status === "registered" || applicant.selectedWave === waveId);
            if (ours && cardOf(applicant.kkKey).members === undefined) unlisted.add(applicant.kkKey);
          }
          const familyCounts = new Map(people.map((p) => [p.applicant.kkKey, cardOf(p.applicant.kkKey)]));
          const batch = memory.batch();
          for (const { uid, applicant } of people) {
            batch.update(applicants, uid, participantFields(waveId, terms));
            batch.set(timeline, `${uid}/selected-${waveId}`, { kind: "selected", at, waveId });
            const family = familyCounts.get(applicant.kkKey)!;
            familyCounts.set(applicant.kkKey, { ...family, recipients: family.recipients + 1 });
          }
          const selected = new Set(people.map((p) => p.uid));
          for (const [key, family] of familyCounts) {
            batch.set(families, key, family);
            // The family's listed members carry its count (the close re-checks from the applicant alone); at the limit they leave the pool, once.
            for (const uid of family.members ?? []) {
              const member = applicants.read(uid);
              if (member === undefined) continue;
              const leaves = !selected.has(uid) && leavesAtLimit(member, family.recipients, familyLimit);
              batch.update(applicants, uid, { familyRecipients: family.recipients, ...(leaves ? { inPool: false } : {}) });
              if (leaves) batch.set(timeline, `${uid}/family-limit-${waveId}`, familyLimitEvent(waveId, at));
            }
          }
          batch.commit();
          applied += people.length;
          uids = uids.slice(consumed);
        }
        for (const key of unlisted) {
          await roundTrip();
          syncUnlisted(key, waveId, at, familyLimit);
        }
      }
      return applied;
    },
    async writePoolPage(waveId, page) {
      await roundTrip();
      memory
        .batch()
        .set(poolPages, `${waveId}/${pageId(page.page)}`, { ...page, entries: page.entries.map(publicEntry) })
        .commit();
    },
    async writeWinnersPage(waveId, page) {
      await roundTrip();
      memory
        .batch()
        .set(winnerPages, `${waveId}/${pageId(page.page)}`, page)
        .commit();
    },
    async commit(waveId, frozen) {
      await roundTrip();
      if (waves.read(waveId)?.state !== "closed") return false;
      memory.batch().set(waveDraws, waveId, frozen).update(waves, waveId, { state: "frozen" }).commit();
      return true;
    },
    async commitment(waveId) {
      await roundTrip();
      const stored = waveDraws.read(waveId);
      if (stored === undefined) return null;
      const { manifest: _published, ...frozen } = stored;
      return frozen;
    },
    async publish(waveId, publication) {
      for (const { href, page } of publication.winnersPages) {
        await roundTrip();
        memory
          .batch()
          .set(winnerPages, `${waveId}/${href.replace(/^winners\/|\.json$/g, "")}`, page)
          .commit();
      }
      await roundTrip();
      if (waves.read(waveId)?.state !== "frozen") return;
      memory.batch().update(waveDraws, waveId, { manifest: publication.manifest }).update(waves, waveId, { state: "drawn" }).commit();
    },
  };
}

/** The drawn waves' manifest essentials, newest close first. */
export function memoryLatestDraw(memory: Memory): LatestDraws {
  const { waves, waveDraws } = memory.state;
  const drawn = () =>
    waves
      .under("")
      .filter(([, wave]) => wave.state === "drawn")
      .sort(([, a], [, b]) => b.closesAt.getTime() - a.closesAt.getTime());
  const drawOf = ([waveId, wave]: [string, WaveDoc]): LatestDraw | null => latestDrawOf(waveId, wave, waveDraws.read(waveId)?.manifest);
  return {
    async latest() {
      await roundTrip();
      const [newest] = drawn();
      return newest === undefined ? null : drawOf(newest);
    },
    async since(after) {
      await roundTrip();
      return drawn()
        .filter(([, wave]) => wave.closesAt > after)
        .slice(0, DRAWS_SINCE_LIMIT)
        .map(drawOf)
        .filter((draw): draw is LatestDraw => draw !== null);
    },
  };
}

export function memoryPublishedDraws(memory: Memory): PublishedDraws {
  const { waveDraws, poolPages, winnerPages } = memory.state;
  return {
    async manifest(waveId) {
      await roundTrip();
      return waveDraws.read(waveId)?.manifest ?? null;
    },
    async page(waveId, folder, page) {
      await roundTrip();
      return (folder === "pool" ? poolPages : winnerPages).read(`${waveId}/${pageId(page)}`) ?? null;
    },
  };
}
