import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { calendarDateIn, formatIsoDate } from "../calendar.js";
import { canonicalJson } from "../canonical.js";
import type { AuditRecord } from "./acts.js";

/**
 * The audit log's hash chains, pure: the functions append with it, `npm run verify-audit` and the
 * auditor's page in the browser check with it (so no node:crypto: SHA-256 from @noble/hashes).
 *
 * Layout: one chain per (Jakarta day, actor) — a person acts one act at a time, so a chain's head
 * is written far below once a second; the clock and tasks ("system") spread over 16 chains a day
 * by the hash of the act's key. Each entry holds the hash of the one before (the first: GENESIS);
 * each day, once over, gets a root over its chains' heads (sorted by chain ID) chained to the day
 * before's root, so removing a whole chain, or a day, breaks a root.
 */

/** The `prev` of a chain's first entry and of the first day's root: 64 zeros. */
export const GENESIS = "0".repeat(64);

/** The actor of the clock, tasks and webhooks. */
export const SYSTEM_ACTOR = "system";

/** How many chains a day the system actor spreads its acts over. */
export const SYSTEM_CHAINS = 16;

/** Lower-case hex SHA-256 of a UTF-8 string. */
export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

/** An entry as stored: the act, where it sits in its chain, and its hash. */
export interface AuditEntry {
  /** The chain's ID (see `chainIdFor`). */
  chain: string;
  /** 1, 2, 3… without gaps within the chain. */
  seq: number;
  /** The hash of the entry before, GENESIS for seq 1. */
  prev: string;
  act: string;
  actor: string;
  role: string;
  target: string;
  key: string;
  at: Date;
  region?: string;
  details?: Readonly<Record<string, string | number | boolean>>;
  /** SHA-256 (hex) of the canonical JSON of every field above, `at` as ISO text (`entryHash`). */
  hash: string;
}

/** A chain's head: its last entry's place and hash. */
export interface ChainHead {
  /** The chain's ID. */
  chain: string;
  /** The Jakarta day (YYYY-MM-DD) the chain belongs to: its ID starts with it. */
  day: string;
  actor: string;
  seq: number;
  hash: string;
}

/** The Jakarta day (YYYY-MM-DD) an instant falls on. */
export const auditDay = (at: Date): string => formatIsoDate(calendarDateIn(at));

function shiftDay(day: string, by: number): string {
  const [year, month, date] = day.split("-").map(Number);
  const shifted = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (date ?? 1) + by));
  return shifted.toISOString().slice(0, 10);
}

/** The day after a YYYY-MM-DD day. */
export const nextDay = (day: string): string => shiftDay(day, 1);
/** The day before a YYYY-MM-DD day. */
export const previousDay = (day: string): string => shiftDay(day, -1);

/** Separates the day from the actor in a chain ID: every chain of a day sorts between `${day}~` and `${day}\u007f`. */
export const CHAIN_DAY_SEPARATOR = "~";

const SAFE_ACTOR = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * The chain an act goes on: `YYYY-MM-DD~<uid>` for a person (a uid that is not a plain ID goes
 * by its hash), `YYYY-MM-DD~system-<0..f>` for the system actor (the shard is the key's hash).
 */
export function chainIdFor(day: string, actor: string, key: string): string {
  if (actor === SYSTEM_ACTOR) return `${day}${CHAIN_DAY_SEPARATOR}${SYSTEM_ACTOR}-${sha256Hex(key).charAt(0)}`;
  return `${day}${CHAIN_DAY_SEPARATOR}${SAFE_ACTOR.test(actor) ? actor : `h-${sha256Hex(actor).slice(0, 40)}`}`;
}

/** The day a chain ID belongs to. */
export const dayOfChain = (chainId: string): string => chainId.slice(0, chainId.indexOf(CHAIN_DAY_SEPARATOR));

/** An entry's document ID in its chain: the seq, zero-padded to 10 digits so IDs sort as numbers. */
export const entryId = (seq: number): string => String(seq).padStart(10, "0");

/** The ID of an act's idempotency record: SHA-256 of the canonical JSON of [act, actor, key]. */
export const actKeyId = (act: string, actor: string, key: string): string => sha256Hex(canonicalJson([act, actor, key]));

/**
 * Every field an entry document may hold: the hashed ones (`entryHash`) and `hash` itself. A field
 * outside this set was added after the entry was written and breaks the chain (domain/audit/verify.ts).
 */
export const ENTRY_FIELDS = ["chain", "seq", "prev", "act", "actor", "role", "target", "key", "at", "region", "details", "hash"] as const;

/** Every field a chain's head document holds (its ID is the chain); any other was added to it. */
export const HEAD_FIELDS = ["day", "actor", "seq", "hash", "updatedAt"] as const;

/** The hash of an entry: SHA-256 (hex) of the canonical JSON of all its fields but `hash`, `at` as ISO text. */
export function entryHash(entry: Omit<AuditEntry, "hash">): string {
  const { chain, seq, prev, act, actor, role, target, key, at, region, details } = entry;
  return sha256Hex(canonicalJson({ chain, seq, prev, act, actor, role, target, key, at: at.toISOString(), region, details }));
}

/** The entry that records `record` after `head` (null: the chain's first entry) on chain `chain`. */
export function nextEntry(chain: string, head: Pick<ChainHead, "seq" | "hash"> | null, record: AuditRecord): AuditEntry {
  const unhashed: Omit<AuditEntry, "hash"> = {
    chain,
    seq: (head?.seq ?? 0) + 1,
    prev: head?.hash ?? GENESIS,
    act: record.act,
    actor: record.actor,
    role: record.role,
    target: record.target,
    key: record.key,
    at: record.at,
    ...(record.region === undefined ? {} : { region: record.region }),
    ...(record.details === undefined ? {} : { details: record.details }),
  };
  return { ...unhashed, hash: entryHash(unhashed) };
}

/**
 * A day's root, fed one chain head at a time in chain-ID order (so a day of any size is hashed
 * page by page): SHA-256 over "prakerja/audit-day/v1", the day, the previous day's root, then one
 * line "<chain> <seq> <hash>" per chain.
 */
export class DayRoot {
  private readonly hasher = sha256.create();
  private last: string | null = null;
  chains = 0;
  entries = 0;

  constructor(
    readonly day: string,
    readonly prev: string,
  ) {
    this.hasher.update(utf8ToBytes(`prakerja/audit-day/v1\n${day}\n${prev}\n`));
  }

  /** Adds the next head; throws when heads come out of order or from another day (a caller's bug). */
  add(head: Pick<ChainHead, "chain" | "seq" | "hash">): void {
    if (dayOfChain(head.chain) !== this.day) throw new Error(`chain ${head.chain} is not of ${this.day}`);
    if (this.last !== null && head.chain <= this.last) throw new Error(`chain ${head.chain} after ${this.last}`);
    this.last = head.chain;
    this.hasher.update(utf8ToBytes(`${head.chain} ${head.seq} ${head.hash}\n`));
    this.chains += 1;
    this.entries += head.seq;
  }

  /** The root (hex); the object is spent afterwards. */
  digest(): string {
    return bytesToHex(this.hasher.digest());
  }
}

/** The root of a day whose heads are all at hand (tests, small days). */
export function dayRoot(day: string, prev: string, heads: Iterable<Pick<ChainHead, "chain" | "seq" | "hash">>): string {
  const root = new DayRoot(day, prev);
  for (const head of [...heads].sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0))) root.add(head);
  return root.digest();
}
