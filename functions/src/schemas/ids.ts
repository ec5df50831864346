import { z } from "zod";

/**
 * Document IDs that come from outside (a path, a query, a callable's input). Each must be one
 * Firestore accepts, so that a bad one is refused at the edge in microseconds instead of reaching
 * Firestore: an ID of the form `__…__` is reserved there and fails only after seconds of retries.
 */

/** What Firestore accepts as a document ID: 1 to 1,500 bytes of UTF-8, no `/`, not `.` or `..`, not `__…__`. */
export function isDocumentId(id: string): boolean {
  if (id === "" || id === "." || id === ".." || id.includes("/")) return false;
  if (/^__.*__$/s.test(id)) return false;
  return new TextEncoder().encode(id).length <= 1500;
}

/** Any document ID Firestore accepts. */
export const documentId = z.string().refine(isDocumentId, { message: "document-id-invalid" });

/** A wave's ID (`2026-1`): letters, digits, `-` and `_`, and a document ID Firestore accepts. */
export const waveId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: "wave-id-format" })
  .refine(isDocumentId, { message: "wave-id-format" });

export const ID_MESSAGES = {
  "document-id-invalid": {
    id: 'ID tidak sah: tidak boleh kosong, memuat "/", berupa "." atau "..", atau diawali dan diakhiri "__".',
    en: 'Invalid ID: it must not be empty, contain "/", be "." or "..", or start and end with "__".',
  },
  "wave-id-format": {
    id: 'ID gelombang hanya boleh berisi huruf, angka, "-" dan "_" (paling banyak 64), dan tidak diawali dan diakhiri "__".',
    en: 'A wave ID holds only letters, digits, "-" and "_" (at most 64), and does not start and end with "__".',
  },
} as const satisfies Record<string, { id: string; en: string }>;
