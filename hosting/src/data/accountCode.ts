import { isDocumentId } from "@schemas/ids.js";

/**
 * A person's account code: their account's uid, which joinWaveOnBehalf takes. The person reads it
 * on their status page in groups of four; the operator types it at the desk, spaces and all.
 */

/** "AbCdEfGhIj" → "AbCd EfGh Ij". */
export const groupedCode = (code: string): string => code.replace(/(.{4})(?=.)/g, "$1 ");

/** The code as typed, without the spaces of its groups; null when it cannot be an account's code. */
export function typedCode(typed: string): string | null {
  const code = typed.replace(/\s+/g, "");
  return code !== "" && isDocumentId(code) ? code : null;
}
