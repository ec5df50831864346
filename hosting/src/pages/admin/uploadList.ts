import type { HttpError } from "@schemas/http.js";
import type { ImportExclusionListResult } from "@schemas/exclusion.js";
import { NdjsonReader } from "./importStream.js";

/** What an import reports while it runs: bytes sent, and what the server has accepted and rejected. */
export interface ImportProgress {
  bytesSent: number;
  entries: number;
  rejectedLines: number;
}

export type ImportAnswer = { kind: "done"; result: ImportExclusionListResult } | { kind: "error"; error: HttpError["error"] | null; status: number };

/**
 * POSTs the file to the import function with the admin's ID token, as the function expects
 * (`Content-Type: text/csv`, the bytes as they are), and follows both directions: the upload's
 * progress (XMLHttpRequest, since fetch reports none) and the NDJSON lines as they arrive.
 */
export function uploadList(url: string, idToken: string, bytes: ArrayBuffer, onProgress: (progress: ImportProgress) => void): Promise<ImportAnswer> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const reader = new NdjsonReader();
    const progress: ImportProgress = { bytesSent: 0, entries: 0, rejectedLines: 0 };
    let seen = 0;
    let answer: ImportAnswer | null = null;
    const take = (text: string) => {
      for (const line of reader.push(text)) {
        if (line.kind === "progress") {
          progress.entries = line.entries;
          progress.rejectedLines = line.rejectedLines;
          onProgress({ ...progress });
        } else if (line.kind === "done") answer = { kind: "done", result: line.result };
        else answer = { kind: "error", error: line.error, status: xhr.status };
      }
    };
    xhr.open("POST", url);
    xhr.setRequestHeader("Authorization", `Bearer ${idToken}`);
    xhr.setRequestHeader("Content-Type", "text/csv");
    xhr.upload.onprogress = (event) => {
      progress.bytesSent = event.loaded;
      onProgress({ ...progress });
    };
    xhr.onprogress = () => {
      take(xhr.responseText.slice(seen));
      seen = xhr.responseText.length;
    };
    xhr.onloadend = () => {
      take(xhr.responseText.slice(seen));
      take("\n");
      for (const line of reader.end()) if (line.kind === "done") answer = { kind: "done", result: line.result };
      if (answer?.kind === "done") {
        progress.bytesSent = bytes.byteLength;
        progress.entries = answer.result.entries;
        progress.rejectedLines = answer.result.rejectedLines;
        onProgress({ ...progress });
      }
      resolve(answer ?? { kind: "error", error: null, status: xhr.status });
    };
    xhr.send(bytes);
  });
}
