import { describe, expect, it } from "vitest";
import { PRIORITY_VAULT_CONTEXT } from "../../../functions/src/schemas/priority.js";
import { memoryPorts, type MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { memorySealedStore } from "../../../functions/src/adapters/memory/sealedStore.js";
import { Batch } from "../../../functions/src/adapters/memory/store.js";
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ZodType, type z } from "zod";
import { emptyState } from "../../../functions/src/adapters/memory/state.js";
import { Table } from "../../../functions/src/adapters/memory/store.js";
import { keyedVault } from "../../../functions/src/adapters/vault.js";
import { seal, type KeyEncryptionKeys } from "../../../functions/src/domain/vault/envelope.js";
import { nikDisputeDoc, type NikDisputeDoc } from "../../../functions/src/schemas/desk.js";
import { sealedDoc } from "../../../functions/src/schemas/vault.js";
import { DISPUTE_VAULT_CONTEXT } from "../../../functions/src/usecases/desk/openNikDispute.js";
import type { Notification } from "../../../functions/src/schemas/notifications.js";
import type { SealedStore } from "../../../functions/src/usecases/ports.js";
import { ROTATION_PAGE, rotateVaultKeys, SEALED_FIELDS } from "../../../functions/src/usecases/rotateVaultKeys.js";
import { applicantWithPhone } from "../../support/notificationsContract.js";
import { opened, openedPerson, sealedDestination } from "../../support/vault.js";

/** Key rotation of the vault over the memory state: everything ends under the new key, once, and opens without the old one. */

const key = (fill: number) => new Uint8Array(32).fill(fill);
const OLD: KeyEncryptionKeys = { current: "k1", keys: new Map([["k1", key(1)]]) };
const ROTATING: KeyEncryptionKeys = {
  current: "k2",
  keys: new Map([
    ["k1", key(1)],
    ["k2", key(2)],
  ]),
};
const NEW: KeyEncryptionKeys = { current: "k2", keys: new Map([["k2", key(2)]]) };
const ADMIN = { actor: "command:ops", role: "admin" };

const storeOf = (memory: MemoryPorts): SealedStore => memorySealedStore({ state: memory.state, batch: () => new Batch(memory.writes) });
const rotation = (memory: MemoryPorts, store = storeOf(memory)) => ({ sealed: store, audit: memory.audit, clock: memory.clock });

/** `count` applicants (with their SMS seal), one payout account and one SMS waiting, all sealed under k1. */
async function sealedUnderOldKey(count: number): Promise<MemoryPorts> {
  const memory = memoryPorts();
  for (let i = 0; i < count; i += 1) memory.state.applicants.set(`u${i}`, applicantWithPhone(`+62812${String(i).padStart(8, "0")}`, memory.clock.now(), OLD));
  const account = { partner: "bank-nusantara" as const, channel: "bank" as const, institution: "009", masked: "••••7890", accountKey: "k" };
  memory.state.payoutAccounts.set("u0", {
    ...account,
    destination: sealedDestination("1234567890", "SITI NURHALIZA", OLD),
    nameScore: 1,
    nameVerdict: "match",
    status: "verified",
    flags: [],
    linkedAt: memory.clock.now(),
    requestId: "r",
  });
  const revoked: Notification = { kind: "revoked", uid: "u0", params: { reason: "purchase-deadline-passed" } };
  await memory.notifications.send("revoked-u0", revoked);
  memory.state.nikDisputes.set("open-case", dispute(OLD));
  memory.state.nikDisputes.set("resolved-case", dispute(OLD, true));
  const phone = seal({ phone: "+6281270000001" }, PRIORITY_VAULT_CONTEXT, OLD, (bytes) => randomBytes(bytes));
  memory.state.priorityEntries.set("priority-nik-key", { lists: { "korban-phk": { versions: [1] } }, phone });
  return memory;
}

/** A NIK dispute as the desk stores it: the statement sealed, and once resolved, the note too (context "nik-dispute"). */
function dispute(keys: KeyEncryptionKeys, resolved = false): NikDisputeDoc {
  const sealWith = (value: Record<string, string>) => seal(value, DISPUTE_VAULT_CONTEXT, keys, (bytes) => randomBytes(bytes));
  const act = { by: "op1", role: "operator", at: new Date("2026-11-30T03:00:00Z"), requestId: "r1", documentsSeen: ["ktp" as const] };
  return {
    state: resolved ? "dismissed" : "open",
    uid: "u0",
    claimantUid: "c0",
    nikKey: "nik-key",
    nikMasked: "3171••••••••0001",
    provinceCode: "31",
    regencyCode: "3171",
    districtCode: "317101",
    statement: sealWith({ statement: "Saya tidak pernah mendaftar." }),
    opened: act,
    ...(resolved ? { resolved: { ...act, requestId: "r2", decision: "dismiss" as const, note: sealWith({ note: "Dokumen tidak cocok." }) } } : {}),
  };
}

/**
 * The paths of every `sealedDoc` inside a zod schema (dotted; `[]` for inside an array, `|` for
 * inside a union or a record's values), as stored: a seal at a path the rotation cannot write (in
 * an array) shows as such and fails the test below.
 */
function sealedPaths(schema: z.core.$ZodType, path = ""): string[] {
  if (schema === sealedDoc) return [path];
  const def = schema._zod.def;
  const join = (name: string) => (path === "" ? name : `${path}.${name}`);
  switch (def.type) {
    case "object":
      return Object.entries((def as z.core.$ZodObjectDef).shape).flatMap(([name, inner]) => sealedPaths(inner, join(name)));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return sealedPaths((def as z.core.$ZodOptionalDef).innerType, path);
    case "array":
      return sealedPaths((def as z.core.$ZodArrayDef).element, join("[]"));
    case "union":
      return (def as z.core.$ZodUnionDef).options.flatMap((option) => sealedPaths(option, path)).map((p) => `${p}|`);
    case "intersection":
      return [...sealedPaths((def as z.core.$ZodIntersectionDef).left, path), ...sealedPaths((def as z.core.$ZodIntersectionDef).right, path)];
    case "record":
      return sealedPaths((def as z.core.$ZodRecordDef).valueType, join("*"));
    case "pipe":
      return [...sealedPaths((def as z.core.$ZodPipeDef).in, path), ...sealedPaths((def as z.core.$ZodPipeDef).out, path)];
    case "lazy":
      return sealedPaths((def as z.core.$ZodLazyDef).getter(), path);
    default:
      return [];
  }
}

describe("rotateVaultKeys", () => {
  it("when seals are under the old key, then every one is rewrapped under the new key and opens after the old key is retired", async () => {
    const memory = await sealedUnderOldKey(3);
    const result = await rotateVaultKeys(rotation(memory), keyedVault(ROTATING), ADMIN);
    expect(result).toEqual({
      current: "k2",
      rewrapped: {
        "applicants.personal": 3,
        "applicants.smsTo": 3,
        "payoutAccounts.destination": 1,
        "sms.to": 1,
        "nikDisputes.statement": 2,
        "nikDisputes.resolved.note": 1,
        "priorityEntries.phone": 1,
      },
      busy: 0,
      unopenable: [],
      complete: true,
    });
    for (const [, applicant] of memory.state.applicants) {
      expect(applicant.personal.keyId).toBe("k2");
      expect(openedPerson(applicant, NEW).fullName).toBe("Siti Nurhaliza");
    }
    expect(opened(memory.state.payoutAccounts.get("u0")!.destination, "payout-account", NEW)).toEqual({
      accountNumber: "1234567890",
      holderName: "SITI NURHALIZA",
    });
    expect(opened(memory.state.sms.get("revoked-u0")!.to, "sms", NEW)).toEqual({ phone: "+6281200000000" });
    expect(opened(memory.state.priorityEntries.get("priority-nik-key")!.phone!, "priority-invitation", NEW)).toEqual({ phone: "+6281270000001" });
  });

  it("when NIK disputes hold a statement and a resolution's note under the old key, then both are rewrapped and open after the old key is retired, the rest of the case unchanged", async () => {
    const memory = await sealedUnderOldKey(1);
    const before = memory.state.nikDisputes.get("resolved-case")!;
    await rotateVaultKeys(rotation(memory), keyedVault(ROTATING), ADMIN);
    const open = memory.state.nikDisputes.get("open-case")!;
    const resolved = memory.state.nikDisputes.get("resolved-case")!;
    expect(opened(open.statement, "nik-dispute", NEW)).toEqual({ statement: "Saya tidak pernah mendaftar." });
    expect(open.resolved).toBeUndefined();
    expect(opened(resolved.statement, "nik-dispute", NEW)).toEqual({ statement: "Saya tidak pernah mendaftar." });
    expect(opened(resolved.resolved!.note, "nik-dispute", NEW)).toEqual({ note: "Dokumen tidak cocok." });
    expect({ ...resolved, statement: null, resolved: { ...resolved.resolved, note: null } }).toEqual({
      ...before,
      statement: null,
      resolved: { ...before.resolved, note: null },
    });
  });

  it("when the rotation is complete, then one rotate-vault-key act is on the audit log, and running it again rewraps nothing and records nothing more", async () => {
    const memory = await sealedUnderOldKey(2);
    await rotateVaultKeys(rotation(memory), keyedVault(ROTATING), ADMIN);
    const writes = memory.writes.length;
    const again = await rotateVaultKeys(rotation(memory), keyedVault(ROTATING), ADMIN);
    expect(Object.values(again.rewrapped)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(memory.writes.length).toBe(writes);
    expect(memory.audit.records).toEqual([
      {
        act: "rotate-vault-key",
        actor: "command:ops",
        role: "admin",
        target: "k2",
        key: "rotate-to-k2",
        at: memory.clock.now(),
        details: {
          "applicants.personal": 2,
          "applicants.smsTo": 2,
          "payoutAccounts.destination": 1,
          "sms.to": 1,
          "nikDisputes.statement": 2,
          "nikDisputes.resolved.note": 1,
          "priorityEntries.phone": 1,
        },
      },
    ]);
  });

  it("when a run stops half-way, then the next run does only what is left", async () => {
    const memory = await sealedUnderOldKey(ROTATION_PAGE + 5);
    const store = storeOf(memory);
    let pages = 0;
    const interrupted: SealedStore = {
      ...store,
      async replace(field, rewrapped) {
        pages += 1;
        if (pages > 1) throw new Error("the machine went away");
        return store.replace(field, rewrapped);
      },
    };
    await expect(rotateVaultKeys(rotation(memory, interrupted), keyedVault(ROTATING), ADMIN)).rejects.toThrow("went away");
    expect([...memory.state.applicants.values()].filter((a) => a.personal.keyId === "k2")).toHaveLength(ROTATION_PAGE);
    expect(memory.audit.records).toEqual([]);
    const resumed = await rotateVaultKeys(rotation(memory), keyedVault(ROTATING), ADMIN);
    expect(resumed.rewrapped["applicants.personal"]).toBe(5);
    expect(resumed.complete).toBe(true);
  });

  it("when a document changes between read and write, then its old seal is not written over it, and the next pass rewraps it", async () => {
    const memory = await sealedUnderOldKey(1);
    const store = storeOf(memory);
    let changed = false;
    const racing: SealedStore = {
      ...store,
      async replace(field, rewrapped) {
        if (!changed && field.collection === "payoutAccounts") {
          changed = true;
          memory.state.payoutAccounts.set("u0", { ...memory.state.payoutAccounts.get("u0")!, masked: "••••1111" });
        }
        return store.replace(field, rewrapped);
      },
    };
    const result = await rotateVaultKeys(rotation(memory, racing), keyedVault(ROTATING), ADMIN);
    expect(result.complete).toBe(true);
    expect(memory.state.payoutAccounts.get("u0")).toMatchObject({ masked: "••••1111", destination: { keyId: "k2" } });
  });

  it("when a seal opens with no key held, then it is reported by ID, left as it is, and the rotation is not complete (no audit act)", async () => {
    const memory = await sealedUnderOldKey(1);
    const lost: KeyEncryptionKeys = { current: "k0", keys: new Map([["k0", key(7)]]) };
    memory.state.applicants.set("lost", applicantWithPhone("+6281299999999", memory.clock.now(), lost));
    const result = await rotateVaultKeys(rotation(memory), keyedVault(ROTATING), ADMIN);
    expect(result.unopenable).toEqual(["applicants/lost"]);
    expect(result.complete).toBe(false);
    expect(memory.state.applicants.get("lost")!.personal.keyId).toBe("k0");
    expect(memory.audit.records).toEqual([]);
  });

  it("when the sealed fields are listed, then each has its own context", () => {
    expect(SEALED_FIELDS.map((f) => `${f.collection}.${f.field}:${f.context}`)).toEqual([
      "applicants.personal:applicant",
      "applicants.smsTo:sms",
      "payoutAccounts.destination:payout-account",
      "sms.to:sms",
      "nikDisputes.statement:nik-dispute",
      "nikDisputes.resolved.note:nik-dispute",
      "priorityEntries.phone:priority-invitation",
    ]);
  });

  it("when any stored document's schema holds a sealed field, then the rotation lists it (a new sealed field cannot be missed silently)", () => {
    const stored = Object.entries(emptyState()).flatMap(([collection, table]) =>
      table instanceof Table ? sealedPaths(table.schema).map((path) => `${collection}.${path}`) : [],
    );
    expect(stored.length).toBeGreaterThanOrEqual(SEALED_FIELDS.length);
    expect([...stored].sort()).toEqual(SEALED_FIELDS.map((f) => `${f.collection}.${f.field}`).sort());
  });

  it("when a schema nests a seal, then the walk finds it at its dotted path", () => {
    expect(sealedPaths(nikDisputeDoc)).toEqual(["statement", "resolved.note"]);
  });

  it("when a schema in functions/src/schemas/ holds a sealed field, then it is the schema of a stored collection the walk above covers", async () => {
    const tables = new Set(Object.values(emptyState()).flatMap((table) => (table instanceof Table ? [table.schema] : [])));
    const folder = fileURLToPath(new URL("../../../functions/src/schemas/", import.meta.url));
    const uncovered: string[] = [];
    for (const file of readdirSync(folder).filter((name) => name.endsWith(".ts"))) {
      const exported: Record<string, unknown> = await import(join(folder, file));
      for (const [name, value] of Object.entries(exported)) {
        if (!(value instanceof ZodType) || value === sealedDoc || !name.endsWith("Doc")) continue;
        if (sealedPaths(value).length > 0 && !tables.has(value)) uncovered.push(`${file} ${name}`);
      }
    }
    expect(uncovered).toEqual([]);
  });
});
