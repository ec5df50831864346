import type { FunctionsErrorCode } from "firebase-functions/v2/https";

/** gRPC status codes the Firestore and Auth clients throw with (google.rpc.Code). */
const DEADLINE_EXCEEDED = 4;
const ABORTED = 10;
const UNAVAILABLE = 14;

/**
 * What an unexpected error means to the caller. A transaction that lost to contention more often
 * than the client retries (`ABORTED`) may be sent again as it was; an outage or a timeout is
 * `unavailable` (try later). Anything else is `internal`, with the detail only in the log.
 */
export function transportCodeOf(error: unknown): Extract<FunctionsErrorCode, "aborted" | "unavailable" | "internal"> {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === ABORTED) return "aborted";
  if (code === UNAVAILABLE || code === DEADLINE_EXCEEDED) return "unavailable";
  return "internal";
}

export const TRANSPORT_MESSAGES = {
  aborted: "Banyak permintaan bersamaan. Kirim lagi. / Too many requests at once. Please send it again.",
  unavailable: "Layanan sedang sibuk. Coba lagi sebentar lagi. / The service is busy. Please try again shortly.",
  internal: "Terjadi kesalahan. Coba lagi nanti. / Something went wrong. Try again later.",
} as const;
