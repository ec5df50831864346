/**
 * The draw's published constants and formats. No imports: the zod schemas (shared with the web
 * app) take them from here, while the rest of this folder needs node:crypto.
 */

/** Versioned so a later algorithm can never be confused with this one; also the drawKey prefix. */
export const ALGORITHM = "prakerja-draw-v1" as const;

/** A SHA-256 value as published: 64 lowercase hex digits (lowercase so string order is byte order). */
export const HEX32 = /^[0-9a-f]{64}$/;

/**
 * Pseudonymous IDs and family keys: the base64url alphabet. Restricting them to ASCII makes
 * JavaScript string order equal to byte order, and keeps `,` free as the separator of pool lines.
 */
export const TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

/** Stratum codes (e.g. a province "31"). Starting with a letter or digit rules out "__proto__". */
export const STRATUM_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

/** The whole quota in basis points: shares are integers, so no floating point decides a seat. */
export const WHOLE = 10_000;

/** Keeps quota × basis points below 2^53, so the seat arithmetic is exact in any language. */
export const MAX_QUOTA = 100_000_000;
