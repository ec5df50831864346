import { APPLICANT_VAULT_CONTEXT } from "../schemas/applicant.js";
import { PRIORITY_VAULT_CONTEXT } from "../schemas/priority.js";
import { SMS_VAULT_CONTEXT } from "../schemas/notifications.js";
import { PAYOUT_ACCOUNT_VAULT_CONTEXT } from "../schemas/payouts.js";
import type { SealedDoc } from "../schemas/vault.js";
import { DISPUTE_VAULT_CONTEXT } from "./desk/openNikDispute.js";
import type { AuditLog, Clock, SealedField, SealedStore } from "./ports.js";

/**
 * Every field the vault seals, where it is: the one list the rotation works from. A new sealed
 * field is added here, or a key rotation leaves it under the old key and it stops opening when
 * that key is retired; tests/unit/usecases/rotateVaultKeys.test.ts walks the schema of every stored
 * collection for `sealedDoc` fields and fails on one missing here. `sms.to` and the NIK disputes'
 * seals are exempt from indexing (firestore.indexes.json), so their collections (short-lived; a
 * few cases a day) are scanned by ID. A nested field is a dotted path (`resolved.note`).
 */
export const SEALED_FIELDS: readonly SealedField[] = [
  { collection: "applicants", field: "personal", context: APPLICANT_VAULT_CONTEXT, indexed: true },
  { collection: "applicants", field: "smsTo", context: SMS_VAULT_CONTEXT, indexed: true },
  { collection: "payoutAccounts", field: "destination", context: PAYOUT_ACCOUNT_VAULT_CONTEXT, indexed: true },
  { collection: "sms", field: "to", context: SMS_VAULT_CONTEXT, indexed: false },
  { collection: "nikDisputes", field: "statement", context: DISPUTE_VAULT_CONTEXT, indexed: false },
  { collection: "nikDisputes", field: "resolved.note", context: DISPUTE_VAULT_CONTEXT, indexed: false },
  // Up to millions of rows (laid-off workers): found by their key ID, never scanned.
  { collection: "priorityEntries", field: "phone", context: PRIORITY_VAULT_CONTEXT, indexed: true },
];

/** Documents read and written per step: one batch, under Firestore's 500 writes. */
export const ROTATION_PAGE = 400;
/** A document changed while its page was rewrapped is tried again on the next pass; after this many, it is reported. */
const PASSES = 3;

export interface RotationKeys {
  /** The key new seals use: every seal ends under it. */
  current: string;
  /** The seal with its data key wrapped again under `current` (adapters/vault.ts keyedVault); throws when it does not open. */
  rewrap(sealed: SealedDoc, context: string): SealedDoc;
}

export interface RotationResult {
  current: string;
  /** Seals rewrapped, per `<collection>.<field>`. */
  rewrapped: Record<string, number>;
  /** Documents changed under the rotation on every pass: still under an old key (run again). */
  busy: number;
  /** Seals that do not open with any key held (`<collection>/<id>`): never rewrapped; look into them before retiring a key. */
  unopenable: string[];
  /** True when every seal is under `current`: the old keys may be retired. */
  complete: boolean;
}

export interface RotationPorts {
  sealed: SealedStore;
  audit: AuditLog;
  clock: Clock;
}

/**
 * Key rotation of the personal-data vault: every seal whose data key is wrapped by a key other
 * than the current one is rewrapped under the current one (its ciphertext unchanged), page by
 * page, each page one batch written only over documents unchanged since read. Idempotent and
 * resumable: a seal already under the current key is never read again by the query, so running it
 * again (after an interruption, or twice) does only what is left. Once complete, it appends one
 * `rotate-vault-key` act to the audit log (once per target key, however often it is run).
 */
export async function rotateVaultKeys(
  ports: RotationPorts,
  keys: RotationKeys,
  who: { actor: string; role: string },
  onPage: (field: SealedField, written: number) => void = () => undefined,
): Promise<RotationResult> {
  const rewrapped: Record<string, number> = Object.fromEntries(SEALED_FIELDS.map((f) => [`${f.collection}.${f.field}`, 0]));
  const unopenable = new Set<string>();
  let busy = 0;
  for (let pass = 0; pass < PASSES; pass += 1) {
    busy = 0;
    for (const field of SEALED_FIELDS) {
      let cursor: string | null = null;
      do {
        const page = await ports.sealed.stale(field, keys.current, cursor, ROTATION_PAGE);
        const ready = page.seals.flatMap((seal) => {
          try {
            return [{ seal, sealed: keys.rewrap(seal.sealed, field.context) }];
          } catch {
            unopenable.add(`${field.collection}/${seal.id}`);
            return [];
          }
        });
        const written = ready.length === 0 ? 0 : await ports.sealed.replace(field, ready);
        rewrapped[`${field.collection}.${field.field}`] = (rewrapped[`${field.collection}.${field.field}`] ?? 0) + written;
        busy += ready.length - written;
        onPage(field, written);
        cursor = page.next;
      } while (cursor !== null);
    }
    if (busy === 0) break;
  }
  const complete = busy === 0 && unopenable.size === 0;
  if (complete) {
    await ports.audit.append({
      act: "rotate-vault-key",
      actor: who.actor,
      role: who.role,
      target: keys.current,
      key: `rotate-to-${keys.current}`,
      at: ports.clock.now(),
      details: { ...rewrapped },
    });
  }
  return { current: keys.current, rewrapped, busy, unopenable: [...unopenable], complete };
}
