import type { AuditRecord } from "../../domain/audit/acts.js";
import { actKeyId, auditDay, chainIdFor, dayOfChain, entryId, nextDay, nextEntry, type AuditEntry, type ChainHead } from "../../domain/audit/chain.js";
import type { AuditDayRecord, AuditReader } from "../../domain/audit/verify.js";
import type { AuditDays, AuditLog } from "../../usecases/ports.js";

/** The audit log in memory: the same chains, keys and days as adapters/auditLog.ts, in maps. */
export interface MemoryAuditStore {
  heads: Map<string, ChainHead>;
  entries: Map<string, AuditEntry[]>;
  keys: Set<string>;
  days: Map<string, AuditDayRecord>;
}

export interface MemoryChainedAuditLog extends AuditLog {
  /** Every act appended, once each, in order. */
  records: AuditRecord[];
  store: MemoryAuditStore;
}

export function memoryAuditStore(): MemoryAuditStore {
  return { heads: new Map(), entries: new Map(), keys: new Set(), days: new Map() };
}

const byId = <T>(map: Map<string, T>): Array<[string, T]> => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export function memoryChainedAuditLog(store: MemoryAuditStore = memoryAuditStore()): MemoryChainedAuditLog {
  const records: AuditRecord[] = [];
  return {
    records,
    store,
    append: (record) => {
      const key = actKeyId(record.act, record.actor, record.key);
      if (store.keys.has(key)) return Promise.resolve();
      let day = auditDay(record.at);
      while (store.days.has(day)) day = nextDay(day);
      const chain = chainIdFor(day, record.actor, record.key);
      const entry = nextEntry(chain, store.heads.get(chain) ?? null, record);
      store.entries.set(chain, [...(store.entries.get(chain) ?? []), entry]);
      store.heads.set(chain, { chain, day, actor: record.actor, seq: entry.seq, hash: entry.hash });
      store.keys.add(key);
      records.push(record);
      return Promise.resolve();
    },
  };
}

export function memoryAuditDays(store: MemoryAuditStore): AuditDays {
  return {
    latest: () => Promise.resolve(byId(store.days).at(-1)?.[1] ?? null),
    firstChainDay: () => Promise.resolve(byId(store.heads)[0]?.[1].day ?? null),
    beginSeal: (day, prev) => {
      if (!store.days.has(day)) store.days.set(day, { day, state: "sealing", prev });
      return Promise.resolve();
    },
    heads: (day, after, limit) =>
      Promise.resolve(
        byId(store.heads)
          .map(([, head]) => head)
          .filter((head) => dayOfChain(head.chain) === day && (after === null || head.chain > after))
          .slice(0, limit),
      ),
    finishSeal: (day, sealed) => {
      store.days.set(day, { day, state: "sealed", ...sealed });
      return Promise.resolve();
    },
  };
}

async function* each<T>(values: T[]): AsyncIterable<T> {
  for (const value of values) yield await Promise.resolve(value);
}

/**
 * The log read as the Firestore reader reads it, each document with its stored field names (the
 * object's own keys: a test adds one to tamper; a head's `chain` is its ID, and the Firestore
 * head's `updatedAt` is not kept here).
 */
export function memoryAuditReader(store: MemoryAuditStore): AuditReader {
  return {
    days: () => each(byId(store.days).map(([, day]) => ({ ...day, fields: Object.keys(day) }))),
    heads: () => each(byId(store.heads).map(([, head]) => ({ ...head, fields: Object.keys(head).filter((field) => field !== "chain") }))),
    entries: (chain) => each((store.entries.get(chain) ?? []).map((entry) => ({ id: entryId(entry.seq), entry, fields: Object.keys(entry) }))),
  };
}
