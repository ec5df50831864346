import type { ReasonCode } from "@domain/eligibility.js";
import { callableFailure } from "../../data/callableError.js";
import { isReasonCode } from "../../data/reasons.js";
import type { WaveStatusMessageId } from "../../i18n/waveStatus.js";

/** Why joinWave refused: an eligibility reason (worded as on the eligibility card) or a message. */
export type JoinFailure = { kind: "reason"; reason: ReasonCode } | { kind: "message"; message: WaveStatusMessageId };

// joinWave's own refusals (details.reason), then the transport codes alone.
const BY_REASON: Record<string, WaveStatusMessageId> = {
  "wave-not-open": "join.wave-not-open",
  "not-registered": "join.not-registered",
  "already-participant": "join.already-participant",
  "program-year-not-configured": "join.program-year-not-configured",
  "not-eligible": "join.not-eligible",
};
const BY_CODE: Record<string, WaveStatusMessageId> = {
  unauthenticated: "join.unauthenticated",
  unavailable: "join.unavailable",
  "deadline-exceeded": "join.unavailable",
};

/** What to show for an error thrown by the joinWave callable. */
export function joinFailure(error: unknown): JoinFailure {
  const { code, reason } = callableFailure(error);
  const message = BY_REASON[reason];
  if (message) return { kind: "message", message };
  // Eligibility is checked again when joining: a new exclusion shows here with its reason.
  if (isReasonCode(reason)) return { kind: "reason", reason };
  return { kind: "message", message: BY_CODE[code] ?? "join.other" };
}
