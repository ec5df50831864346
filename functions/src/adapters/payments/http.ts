import { randomInt } from "node:crypto";

/** How long a call to a payment partner may take before we stop waiting (and must ask its status API). */
export const DEFAULT_PARTNER_TIMEOUT_MS = 10_000;

/** An HTTP exchange with a partner: what it answered, or why nothing trustworthy came back (a timeout, a reset, a refused connection). */
export type HttpExchange = { reached: true; status: number; headers: Headers; body: unknown } | { reached: false; error: string };

/**
 * One HTTPS call, given up after `timeoutMs`. The body is parsed as JSON when it is JSON and kept
 * as text otherwise (a proxy's HTML error page), so no answer makes the caller throw.
 */
export async function exchange(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
  timeoutMs: number,
): Promise<HttpExchange> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    text = await response.text();
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    return { reached: false, error: name === "TimeoutError" || name === "AbortError" ? `timeout after ${timeoutMs} ms` : `network: ${describe(error)}` };
  }
  let body: unknown = text;
  try {
    body = text === "" ? null : JSON.parse(text);
  } catch {
    // Not JSON: kept as text for the error message.
  }
  return { reached: true, status: response.status, headers: response.headers, body };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}

/** A fresh X-EXTERNAL-ID for a call that is not a payout attempt (an inquiry): 18 digits, numeric as SNAP asks. */
export function freshExternalId(): string {
  return `${randomInt(100_000_000, 999_999_999)}${randomInt(100_000_000, 999_999_999)}`;
}

/** `base` + `endpoint`, and the path the partner will see (what SNAP signs as the relative URL). */
export function partnerUrl(base: string, endpoint: string): { url: string; relativeUrl: string } {
  const url = `${base.replace(/\/+$/, "")}${endpoint}`;
  const parsed = new URL(url);
  return { url, relativeUrl: `${parsed.pathname}${parsed.search}` };
}
