import { encodingOf, type EncodingFinding } from "./encoding.js";

/** An exclusion file as bytes: the whole body, or its chunks as they arrive (strings as UTF-8). */
export type Source = Buffer | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** One physical line, without its line end; numbers start at 1 and count blank lines too. */
export interface Line {
  number: number;
  text: string;
}

export type Opened = Exclude<EncodingFinding, { ok: true }> | { ok: true; lines: AsyncIterator<Line> };

/**
 * How much of a streamed file the encoding check sees. A body already in memory is checked whole
 * (Node's isUtf8 allocates nothing); a stream only here, so that memory stays bounded by a chunk.
 */
export const HEAD_BYTES = 64 * 1024;

/** A file already in memory goes to the decoder in 64 KiB slices, not as one huge chunk. */
function* slices(body: Buffer, size = HEAD_BYTES): Generator<Uint8Array> {
  for (let at = 0; at < body.length; at += size) yield body.subarray(at, at + size);
}

async function* bytesOf(source: Source): AsyncGenerator<Uint8Array> {
  if (Buffer.isBuffer(source)) yield* slices(source);
  else for await (const chunk of source) yield typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
}

/** The file's lines once its encoding is known, or why its bytes are not read as text. */
export async function openLines(source: Source): Promise<Opened> {
  const chunks = bytesOf(source);
  const head: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  while (size < HEAD_BYTES) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
  }
  const joined = Buffer.concat(head);
  const found = Buffer.isBuffer(source) ? encodingOf(source, true) : encodingOf(joined, ended);
  if (!found.ok) return found;
  return { ok: true, lines: linesOf(decoded(found.encoding, joined, chunks))[Symbol.asyncIterator]() };
}

/**
 * Text in order. The decoder drops the byte order mark; after the head a byte that is not in the
 * encoding becomes U+FFFD, which at worst makes its line a rejected one (only NIKs are kept).
 */
async function* decoded(encoding: string, head: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  yield decoder.decode(head, { stream: true });
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield decoder.decode(next.value, { stream: true });
  yield decoder.decode();
}

/** Lines end in LF, CRLF or a lone CR; a CR at the end of a chunk waits to see whether LF follows. */
export async function* linesOf(text: AsyncIterable<string>): AsyncGenerator<Line> {
  let pending = "";
  let number = 0;
  for await (const chunk of text) {
    pending += chunk;
    let start = 0;
    for (const end of pending.matchAll(/\r\n|\r|\n/g)) {
      if (end[0] === "\r" && end.index === pending.length - 1) break;
      number += 1;
      yield { number, text: pending.slice(start, end.index) };
      start = end.index + end[0].length;
    }
    pending = pending.slice(start);
  }
  const last = pending.endsWith("\r") ? pending.slice(0, -1) : pending;
  if (pending !== "") yield { number: number + 1, text: last };
}
