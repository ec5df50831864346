import { randomBytes } from "node:crypto";
import { open, seal, type KeyEncryptionKeys } from "../../domain/vault/envelope.js";
import type { AuditRecord } from "../../domain/audit/acts.js";
import type { AuditLog, Vault } from "../../usecases/ports.js";

/** The memory vault's key-encryption key (32 bytes): tests may open seals with it too. */
export const MEMORY_VAULT_KEYS: KeyEncryptionKeys = {
  current: "memory-1",
  keys: new Map([["memory-1", Buffer.from("memory-vault-kek-0123456789abcde", "utf8")]]),
};

export function memoryVault(keys: KeyEncryptionKeys = MEMORY_VAULT_KEYS): Vault {
  return {
    seal: (fields, context) => Promise.resolve(seal(fields, context, keys, (n) => randomBytes(n))),
    open: (sealed, context) => Promise.resolve(open(sealed, context, keys)),
  };
}

export interface MemoryAuditLog extends AuditLog {
  /** Every act appended, once each, in order. */
  records: AuditRecord[];
}

export function memoryAuditLog(): MemoryAuditLog {
  const records: AuditRecord[] = [];
  const seen = new Set<string>();
  return {
    records,
    append: (record) => {
      const id = `${record.act}|${record.actor}|${record.key}`;
      if (!seen.has(id)) {
        seen.add(id);
        records.push(record);
      }
      return Promise.resolve();
    },
  };
}
