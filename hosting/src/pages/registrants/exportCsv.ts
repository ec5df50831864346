import type { HttpError } from "@schemas/http.js";
import { EXPORT_TOTAL_HEADER, type RegistrantFilters } from "@schemas/registrants.js";

/** Where the export is served: through Hosting, on the app's own origin (firebase.json rewrite). */
export const EXPORT_PATH = "/api/v1/registrants.csv";

export interface ExportProgress {
  /** Rows received so far. */
  done: number;
  /** Rows the server counted when the export began (X-Total-Count); null if it did not say. */
  total: number | null;
}

export type ExportAnswer =
  { kind: "done"; file: Blob; name: string; rows: number } | { kind: "error"; status: number; error: HttpError["error"] | null } | { kind: "broken" };

/** The export's URL with the filters that are set (the server refuses any other parameter). */
export function exportUrl(filters: RegistrantFilters): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (typeof value === "string" && value !== "") query.set(name, value);
  const text = query.toString();
  return text === "" ? EXPORT_PATH : `${EXPORT_PATH}?${text}`;
}

/** The file name the server proposes (Content-Disposition), or a plain one. */
function fileNameOf(disposition: string | null): string {
  return /filename="([^"]+)"/.exec(disposition ?? "")?.[1] ?? "pendaftar.csv";
}

/** Counts line ends in a chunk: one per CSV row (no value holds a line break; the header is the first). */
function lineEnds(chunk: Uint8Array): number {
  let count = 0;
  for (const byte of chunk) if (byte === 10) count += 1;
  return count;
}

/**
 * Downloads the registrants' CSV with the signed-in account's ID token, reading it as it streams:
 * `onProgress` gets the rows received against the total the server counted first. A connection
 * broken off mid-way (the server failed after the first row) ends as `broken`: no partial file is
 * ever offered as a whole one.
 */
export async function downloadRegistrants(idToken: string, filters: RegistrantFilters, onProgress: (progress: ExportProgress) => void): Promise<ExportAnswer> {
  const response = await fetch(exportUrl(filters), { headers: { Authorization: `Bearer ${idToken}` } });
  if (!response.ok || response.body === null) {
    const body = (await response.json().catch(() => null)) as HttpError | null;
    return { kind: "error", status: response.status, error: body?.error ?? null };
  }
  const counted = Number(response.headers.get(EXPORT_TOTAL_HEADER));
  const total = response.headers.has(EXPORT_TOTAL_HEADER) && Number.isInteger(counted) ? counted : null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let lines = 0;
  const reader = response.body.getReader();
  onProgress({ done: 0, total });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value.slice());
      lines += lineEnds(value);
      onProgress({ done: Math.max(0, lines - 1), total });
    }
  } catch {
    return { kind: "broken" };
  }
  const rows = Math.max(0, lines - 1);
  return { kind: "done", file: new Blob(chunks, { type: "text/csv;charset=utf-8" }), name: fileNameOf(response.headers.get("content-disposition")), rows };
}

/** Hands the file to the browser's downloads. */
export function saveFile(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
