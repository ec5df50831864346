/** Expected outcomes are values, not exceptions: a refusal carries a stable kebab-case reason. */
export type Outcome<T, Reason extends string> = { ok: true; value: T } | { ok: false; reason: Reason };

export const done = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const refused = <Reason extends string>(reason: Reason): { ok: false; reason: Reason } => ({ ok: false, reason });
