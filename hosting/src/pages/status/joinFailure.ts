import type { ReasonCode } from "@domain/eligibility.js";
import { isRefusalOf, type JoinWaveRefusal } from "@schemas/contract.js";
import { callableFailure } from "../../data/callableError.js";
import { isReasonCode } from "../../data/reasons.js";
import { refusalNotice, type Notice } from "../../data/refusals.js";
import type { WaveStatusMessageId } from "../../i18n/waveStatus.js";

/** Why joinWave refused: an eligibility reason (shown as on the eligibility card), or a notice. */
export type JoinFailure = { kind: "reason"; reason: ReasonCode } | Notice<JoinWaveRefusal, WaveStatusMessageId>;

// Codes that came without a refusal reason. Contention and outages were already retried once.
const BY_CODE: Partial<Record<string, WaveStatusMessageId>> = {
  unauthenticated: "join.unauthenticated",
  aborted: "join.unavailable",
  unavailable: "join.unavailable",
  "deadline-exceeded": "join.unavailable",
};

/** What to show for an error thrown by the joinWave callable. */
export function joinFailure(error: unknown): JoinFailure {
  const { code, reason } = callableFailure(error);
  // Eligibility is checked again when joining: a new exclusion shows here with its reason. A
  // participant is not "not eligible": they have nothing left to join.
  if (isReasonCode(reason) && reason !== "already-participant") return { kind: "reason", reason };
  if (isRefusalOf("joinWave", reason)) return refusalNotice(reason);
  return { kind: "message", message: BY_CODE[code] ?? "join.other" };
}
