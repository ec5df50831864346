import { z } from "zod";

/**
 * What the HTTP edge (functions/src/edge/http.ts) answers when it does not carry a request out:
 * one JSON shape for every endpoint, every refusal and every failure.
 *
 *   { "error": { "code": "not-admin",                      stable, kebab-case
 *                "message": { "id": "…", "en": "…" },       Bahasa Indonesia and English
 *                "fields": [ { "field": "query.type", "code": "invalid_value", "message": { "id": "…", "en": "…" } } ],
 *                "details": { "rejectedLines": 3 },         only where a refusal carries counts
 *                "requestId": "…" } }                       also the `x-request-id` header
 *
 * `fields` is empty unless the input did not parse (`invalid-argument`, or `unauthenticated`
 * for a malformed signature header); each field is `<where>.<name>`, where is path, query,
 * headers or body. A streamed answer whose status went out already ends with this same object
 * as its last line.
 */

const text = z.object({ id: z.string(), en: z.string() });

export const httpError = z.object({
  error: z.object({
    code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    message: text,
    fields: z.array(z.object({ field: z.string(), code: z.string(), message: text })),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string()).readonly()])).optional(),
    requestId: z.string(),
  }),
});
export type HttpError = z.infer<typeof httpError>;

/** An incoming `X-Request-Id` we keep (and echo): otherwise the edge makes a new one. */
export const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/** The edge's own answers, the same for every endpoint: its status and its words. */
export const HTTP_EDGE_ERRORS = {
  "invalid-argument": {
    status: 400,
    message: { id: "Permintaan tidak sah; lihat daftar isian.", en: "The request is not valid; see the list of fields." },
  },
  unauthenticated: {
    status: 401,
    message: { id: "Silakan masuk terlebih dahulu, atau tandatangani permintaan.", en: "Please sign in first, or sign the request." },
  },
  "signature-invalid": {
    status: 401,
    message: { id: "Tanda tangan permintaan tidak cocok.", en: "The request's signature does not match." },
  },
  "timestamp-out-of-window": {
    status: 401,
    message: {
      id: "Waktu permintaan berbeda lebih dari 5 menit dari waktu server. Periksa jam Anda.",
      en: "The request's timestamp is more than 5 minutes from the server's time. Check your clock.",
    },
  },
  "signature-replayed": {
    status: 409,
    message: {
      id: "Permintaan dengan tanda tangan ini sudah diterima. Kirim ulang dengan timestamp dan tanda tangan baru.",
      en: "A request with this signature was accepted already. To send it again, use a new timestamp and signature.",
    },
  },
  "partner-not-allowed": {
    status: 403,
    message: {
      id: "Mitra ini tidak (lagi) boleh memakai layanan ini: belum terdaftar untuk jenis layanan ini, atau sudah dikeluarkan dari program.",
      en: "This partner may not (or no longer) use this service: it is not registered for this kind of service, or it was de-listed from the program.",
    },
  },
  "rate-limited": {
    status: 429,
    message: {
      id: "Terlalu banyak permintaan dari mitra ini dalam satu menit. Tunggu sebentar, lalu kirim lagi.",
      en: "Too many requests from this partner within a minute. Wait a little, then send again.",
    },
  },
  "not-found": { status: 404, message: { id: "Tidak ditemukan.", en: "Not found." } },
  "method-not-allowed": { status: 405, message: { id: "Metode HTTP ini tidak didukung di sini.", en: "This HTTP method is not supported here." } },
  "payload-too-large": { status: 413, message: { id: "Isi permintaan terlalu besar.", en: "The request body is too large." } },
  aborted: { status: 409, message: { id: "Banyak permintaan bersamaan. Kirim lagi.", en: "Too many requests at once. Please send it again." } },
  unavailable: { status: 503, message: { id: "Layanan sedang sibuk. Coba lagi sebentar lagi.", en: "The service is busy. Please try again shortly." } },
  internal: { status: 500, message: { id: "Terjadi kesalahan. Coba lagi nanti.", en: "Something went wrong. Try again later." } },
} as const satisfies Record<string, { status: number; message: { id: string; en: string } }>;
export type HttpEdgeError = keyof typeof HTTP_EDGE_ERRORS;

/** Field messages of a body the edge could not read. */
export const HTTP_FIELD_MESSAGES = {
  "body-not-json": { id: "Isi permintaan bukan JSON yang sah.", en: "The request body is not valid JSON." },
  "body-shape": {
    id: "Isi permintaan tidak dapat dibaca: susunannya terlalu dalam, terlalu banyak, atau memakai kunci yang dicadangkan.",
    en: "The request body cannot be read: it is nested too deep, has too many values, or uses a reserved key.",
  },
} as const satisfies Record<string, { id: string; en: string }>;
