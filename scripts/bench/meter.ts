import { createRequire } from "node:module";

/**
 * Counts the Firestore document reads and writes this process makes, by wrapping the Admin
 * SDK's internals: every batched document read (single gets, getAll, transactional gets) goes
 * through DocumentReader._get, every query through Query._get or Query.stream, and every write (plain,
 * batched, transactional, BulkWriter) through a WriteBatch. Counting what the code really
 * does, not what we think it does; the counts carry over to production billing and limits.
 */
export interface Meter {
  reads: number;
  writes: number;
  /** Writes per document path, to find the busiest document. */
  writesByPath: Map<string, number>;
  reset(): void;
}

const require = createRequire(import.meta.url);
const base = require.resolve("@google-cloud/firestore").replace(/build\/src\/index\.js$/, "build/src/");

type Method = (this: unknown, ...args: unknown[]) => unknown;
type Proto = Record<string, Method>;

export const meter: Meter = {
  reads: 0,
  writes: 0,
  writesByPath: new Map(),
  reset() {
    this.reads = 0;
    this.writes = 0;
    this.writesByPath.clear();
  },
};

let installed = false;

export function installMeter(): Meter {
  if (installed) return meter;
  installed = true;
  const reader = (require(`${base}document-reader.js`) as { DocumentReader: { prototype: Proto } }).DocumentReader.prototype;
  const query = (require(`${base}reference/query.js`) as { Query: { prototype: Proto } }).Query.prototype;
  const batch = (require(`${base}write-batch.js`) as { WriteBatch: { prototype: Proto } }).WriteBatch.prototype;

  const readerGet = reader._get;
  reader._get = async function (this: unknown, ...args: unknown[]) {
    const out = (await readerGet.apply(this, args)) as { result: unknown[] };
    meter.reads += out.result.length;
    return out;
  };
  const queryGet = query._get;
  query._get = async function (this: unknown, ...args: unknown[]) {
    const out = (await queryGet.apply(this, args)) as { result: { size: number } };
    // A query is billed at least one read even when it returns nothing.
    meter.reads += Math.max(1, out.result.size);
    return out;
  };
  const queryStream = query.stream;
  query.stream = function (this: unknown, ...args: unknown[]) {
    const stream = queryStream.apply(this, args) as NodeJS.ReadableStream;
    stream.on("data", () => {
      meter.reads += 1;
    });
    return stream;
  };
  for (const name of ["create", "set", "update", "delete"]) {
    const original = batch[name];
    batch[name] = function (this: unknown, ...args: unknown[]) {
      meter.writes += 1;
      const path = (args[0] as { path?: string }).path ?? "?";
      meter.writesByPath.set(path, (meter.writesByPath.get(path) ?? 0) + 1);
      return original.apply(this, args);
    };
  }
  return meter;
}
