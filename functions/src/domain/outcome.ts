/** Expected outcomes are values, not exceptions: a refusal carries a stable kebab-case reason. */
export type Outcome<T, Reason extends string> = { ok: true; value: T } | { ok: false; reason: Reason; details?: RefusalDetails };

/**
 * Counts, IDs or codes that explain a refusal to the caller (never personal data), e.g.
 * `{ rejectedLines: 3 }` or `{ reasons: ["under-age", "in-formal-education"] }`.
 */
export type RefusalDetails = Readonly<Record<string, string | number | boolean | readonly string[]>>;

export const done = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const refused = <Reason extends string>(reason: Reason, details?: RefusalDetails): { ok: false; reason: Reason; details?: RefusalDetails } =>
  details === undefined ? { ok: false, reason } : { ok: false, reason, details };
