import type { z } from "zod";

/**
 * The in-memory database under the memory adapters: one Map per collection (a subcollection's
 * key is `<parent id>/<id>`), each document parsed with its schema on every write, as the
 * Firestore converters do, and copied on every read, as a snapshot is. Writes go through a
 * batch that validates everything first and applies it only if all of it is valid: a
 * transaction in memory is a batch committed with no `await` between its reads and its writes.
 */
export class Table<T> extends Map<string, T> {
  /** `name` is the collection's; a subcollection's also names its parent collection; `schema` its documents' (read by tests that walk every stored schema). */
  constructor(
    private readonly name: string,
    readonly schema: z.ZodType<T>,
    private readonly parent?: string,
  ) {
    super();
  }

  /** The Firestore path of document `id` (`<parent id>/<id>` in a subcollection). */
  pathOf(id: string): string {
    if (this.parent === undefined) return `${this.name}/${id}`;
    const cut = id.indexOf("/");
    return `${this.parent}/${id.slice(0, cut)}/${this.name}/${id.slice(cut + 1)}`;
  }

  /** The document as a fresh copy (a snapshot), or undefined. */
  read(id: string): T | undefined {
    const value = this.get(id);
    return value === undefined ? undefined : structuredClone(value);
  }

  /** The documents whose key starts with `prefix`, in key order (Firestore's default order). */
  under(prefix: string): Array<[string, T]> {
    return [...this.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => [key.slice(prefix.length), structuredClone(value)]);
  }

  /** The document as stored: parsed by its schema and free of `undefined`, which Firestore refuses. */
  validate(id: string, value: unknown): T {
    const parsed = this.schema.parse(value);
    assertStorable(parsed, this.pathOf(id));
    return structuredClone(parsed);
  }
}

function assertStorable(value: unknown, path: string): void {
  if (value === undefined) throw new Error(`Cannot use "undefined" as a Firestore value (${path})`);
  if (value === null || typeof value !== "object" || value instanceof Date) return;
  for (const [key, inner] of Object.entries(value)) assertStorable(inner, `${path}.${key}`);
}

export class DocumentExists extends Error {
  readonly code = 6;
  constructor(path: string) {
    super(`ALREADY_EXISTS: ${path}`);
  }
}

/** Firestore's most writes in one transaction or batch. */
const MAX_WRITES = 500;

/** A set of writes, validated as they are staged and applied together by commit(). */
export class Batch {
  private readonly staged: Array<{ path: string; check: () => void; apply: () => void }> = [];

  constructor(private readonly log: string[]) {}

  set<T>(table: Table<T>, id: string, value: T): this {
    const doc = table.validate(id, value);
    return this.stage(table, id, () => table.set(id, doc));
  }

  /** Fails the whole batch when the document exists (Firestore's create). */
  create<T>(table: Table<T>, id: string, value: T): this {
    const doc = table.validate(id, value);
    const path = table.pathOf(id);
    return this.stage(
      table,
      id,
      () => table.set(id, doc),
      () => {
        if (table.has(id)) throw new DocumentExists(path);
      },
    );
  }

  /** Some fields of an existing document; the result is validated whole. */
  update<T>(table: Table<T>, id: string, fields: Partial<T>): this {
    const current = table.get(id);
    if (current === undefined) throw new Error(`NOT_FOUND: ${table.pathOf(id)}`);
    table.validate(id, { ...current, ...fields });
    // Merged when applied, so two updates of one document in a batch both count.
    return this.stage(table, id, () => table.set(id, table.validate(id, { ...table.get(id)!, ...fields })));
  }

  delete<T>(table: Table<T>, id: string): this {
    return this.stage(table, id, () => table.delete(id));
  }

  /**
   * All or nothing: every precondition is checked before the first write is applied. More than
   * Firestore's 500 writes is refused as Firestore refuses it, so an adapter that would exceed the
   * limit in production fails its unit tests too.
   */
  commit(): void {
    if (this.staged.length > MAX_WRITES) throw new Error(`INVALID_ARGUMENT: maximum ${MAX_WRITES} writes allowed per request (${this.staged.length} staged)`);
    for (const { check } of this.staged) check();
    for (const { path, apply } of this.staged) {
      apply();
      this.log.push(path);
    }
  }

  private stage<T>(table: Table<T>, id: string, apply: () => void, check: () => void = () => undefined): this {
    this.staged.push({ path: table.pathOf(id), check, apply });
    return this;
  }
}
