/**
 * Firestore gives timestamps back as Timestamp objects (the Admin SDK's and the web SDK's are
 * different classes, both with `toDate()`); stored-document schemas say `z.date()`. This turns
 * every Timestamp inside a document into a Date, for the functions and the web app alike.
 */
export function withDates(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value;
  if (isTimestamp(value)) return value.toDate();
  if (Array.isArray(value)) return value.map(withDates);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withDates(v)]));
}

function isTimestamp(value: object): value is { toDate(): Date } {
  return typeof (value as { toDate?: unknown }).toDate === "function" && "seconds" in value && "nanoseconds" in value;
}
