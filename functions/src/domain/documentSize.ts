/**
 * How many bytes Firestore counts for a value, after its published rules
 * (https://firebase.google.com/docs/firestore/storage-size): a string is its UTF-8 bytes + 1, a
 * number or a date 8, a boolean or null 1, an array the sum of its elements, a map the sum of its
 * keys (as strings) and values. A document adds its name and 32 bytes. Pure, so a writer of many
 * records into one document can prove its bound (at most 1 MiB a document) before it writes.
 */
export const MAX_DOCUMENT_BYTES = 1_048_576;

const utf8 = new TextEncoder();

export const stringBytes = (text: string): number => utf8.encode(text).length + 1;

export function valueBytes(value: unknown): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === "string") return stringBytes(value);
  if (typeof value === "number" || value instanceof Date) return 8;
  if (typeof value === "boolean") return 1;
  if (Array.isArray(value)) return value.reduce((total: number, item) => total + valueBytes(item), 0);
  if (typeof value === "object") return Object.entries(value).reduce((total, [key, inner]) => total + stringBytes(key) + valueBytes(inner), 0);
  throw new Error(`no Firestore size for a ${typeof value}`);
}

/** A document's size: its path's segments (each a string) + 16, its fields, and 32. */
export function documentBytes(path: string, fields: Record<string, unknown>): number {
  const name = path.split("/").reduce((total, segment) => total + stringBytes(segment), 16);
  return name + valueBytes(fields) + 32;
}
