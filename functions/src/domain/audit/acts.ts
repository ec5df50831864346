/**
 * The privileged acts the audit log records (usecases call `AuditLog.append`). Stable kebab-case
 * codes: the web app translates them; the chain hashes them. Add new acts at the end.
 */
export const AUDIT_ACTS = [
  "grant-role",
  "revoke-role",
  "import-exclusion-list",
  "create-wave",
  "decide-verification",
  "register-assisted",
  "join-wave-on-behalf",
  "reveal-personal-data",
  "export-registrants",
  "view-registrant",
  "download-own-data",
  "revoke-participant",
  "hold-payout",
  "review-payout",
  "reverse-payout",
  "set-payout-queue",
  "resolve-quarantine",
  "review-payout-account",
  "resolve-payout-case",
  "open-clawback",
  "record-repayment",
  "open-nik-dispute",
  "resolve-nik-dispute",
  "rotate-vault-key",
  "set-region-target",
  "import-priority-list",
  "redrive-close-partition",
] as const;
export type AuditAct = (typeof AUDIT_ACTS)[number];

/**
 * One privileged act as a use case reports it. `target` names what was acted on without personal
 * data in clear: a uid, a keyed hash, a wave or installment ID, a region code. `key` is the act's
 * idempotency key (usually the request ID): appending the same act twice records it once.
 */
export interface AuditRecord {
  act: AuditAct;
  /** The uid of who acted ("system" for the clock and tasks). */
  actor: string;
  /** The actor's role when they acted. */
  role: string;
  target: string;
  key: string;
  at: Date;
  /** The region the act concerned, when it concerned one (operators' acts, reveals). */
  region?: string;
  /** Short facts about the act (a purpose, a count, a decision); never personal data in clear. */
  details?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * The key of an act that reads (a record viewed, a registration looked up, an export): its request
 * ID and what it read, so a request ID reused to read something else is recorded again, while a
 * plain retry of the same read is recorded once.
 */
export function readAuditKey(requestId: string, what: string): string {
  return `${requestId}:${what}`;
}

/** What an export read, for its key: its filters in a fixed order. */
export function filtersKey(filters: Readonly<Record<string, string | undefined>>): string {
  return JSON.stringify(Object.entries(filters).sort(([a], [b]) => a.localeCompare(b)));
}
