import type { HttpError } from "@schemas/http.js";
import type { ImportExclusionListResult } from "@schemas/exclusion.js";

/** Reading the NDJSON answer of `POST /importExclusionList` in the console, and counting what is sent. */

export type ImportLine =
  | { kind: "progress"; entries: number; rejectedLines: number }
  | { kind: "done"; result: ImportExclusionListResult }
  | { kind: "error"; error: HttpError["error"] };

function lineOf(text: string): ImportLine | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== "object") return null;
  const record = value as { progress?: unknown; rejectedLines?: unknown; done?: unknown; error?: unknown };
  if (typeof record.progress === "number")
    return { kind: "progress", entries: record.progress, rejectedLines: typeof record.rejectedLines === "number" ? record.rejectedLines : 0 };
  if (record.done !== undefined && typeof record.done === "object") return { kind: "done", result: record.done as ImportExclusionListResult };
  if (record.error !== undefined && typeof record.error === "object") return { kind: "error", error: record.error as HttpError["error"] };
  return null;
}

/** Splits arriving text into complete lines; keeps the unfinished tail for the next chunk. */
export class NdjsonReader {
  private pending = "";

  push(text: string): ImportLine[] {
    const parts = (this.pending + text).split("\n");
    this.pending = parts.pop() ?? "";
    return parts.flatMap((part) => (part.trim() === "" ? [] : [lineOf(part)].filter((line): line is ImportLine => line !== null)));
  }

  /** What is left once the answer has ended (a last line without its newline, or an error object). */
  end(): ImportLine[] {
    const rest = this.pending.trim();
    this.pending = "";
    return rest === "" ? [] : [lineOf(rest)].filter((line): line is ImportLine => line !== null);
  }
}

/** Lines in the file's bytes (a last line without a newline counts; UTF-16 counts its 0x0A 0x00). */
export function countLines(bytes: Uint8Array): number {
  let lines = 0;
  for (const byte of bytes) if (byte === 0x0a) lines += 1;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? lines + 1 : lines;
}

/** Lines sent so far, from the bytes sent: the file's lines in proportion (upload progress counts bytes). */
export function linesSent(bytesSent: number, totalBytes: number, totalLines: number): number {
  if (totalBytes === 0) return 0;
  return Math.min(totalLines, Math.round((bytesSent / totalBytes) * totalLines));
}

/** The import function's URL: the local emulator, or the deployed function in the Jakarta region. */
export function importUrl(type: string, where: { onEmulators: boolean; projectId: string; region: string }): string {
  const base = where.onEmulators
    ? `http://127.0.0.1:5001/${where.projectId}/${where.region}/importExclusionList`
    : `https://${where.region}-${where.projectId}.cloudfunctions.net/importExclusionList`;
  return `${base}?type=${encodeURIComponent(type)}`;
}
