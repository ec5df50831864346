import type { FieldError } from "@schemas";
import { fieldErrors } from "@schemas/messages.js";
import { createWaveInput, type CreateWaveInput } from "@schemas/waves.js";

/** The wave form of the program office's console, checked with the very schema createWave and planWave parse. */

export const WAVE_FIELDS = ["number", "programYear", "opensAt", "closesAt", "quota", "strata", "priority"] as const;
export type WaveField = (typeof WAVE_FIELDS)[number];
export type WaveErrors = Partial<Record<WaveField | "form", FieldError>>;

export type StrataKind = "none" | "shares" | "counts";

export interface StratumRow {
  /** A province code (2 digits). */
  code: string;
  /** Shares: a percentage of the quota ("25", "12.5"); counts: seats. */
  value: string;
}

export interface WaveValues {
  number: string;
  programYear: string;
  /** `datetime-local` values, read as Jakarta time (WIB, UTC+7) whatever the browser's zone. */
  opensAt: string;
  closesAt: string;
  quota: string;
  strataKind: StrataKind;
  strata: StratumRow[];
  /** A priority list's ID ("" or absent: none). */
  priorityListId?: string;
  /** The list's share of the quota, a percentage ("10", "2.5"): drawn first among its people. */
  priorityShare?: string;
}

/** "2026-12-01T08:00" (Jakarta) → "2026-12-01T08:00:00+07:00"; anything else is passed on for the schema to refuse. */
export function jakartaIso(local: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  return match ? `${match[1]}T${match[2]}:${match[3]}:00+07:00` : local.trim();
}

/** A number as typed; "" and non-numbers become NaN, which the schema words. */
const numberOf = (text: string): number => (/^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN);

/** A percentage with at most two decimals → basis points (25 → 2500, 12.5 → 1250); else NaN. */
export function basisPointsOf(percent: string): number {
  return /^\s*\d{1,3}(\.\d{1,2})?\s*$/.test(percent) ? Math.round(Number(percent) * 100) : Number.NaN;
}

/** The priority share as typed: left empty it is missing (the schema says so), else basisPointsOf. */
const shareOf = (percent: string): number | undefined => (percent.trim() === "" ? undefined : basisPointsOf(percent));

function strataOf(values: WaveValues): unknown {
  if (values.strataKind === "none") return { kind: "none" };
  const rows = values.strata.filter((row) => row.code !== "");
  if (values.strataKind === "shares") return { kind: "shares", basisPoints: Object.fromEntries(rows.map((row) => [row.code, basisPointsOf(row.value)])) };
  return { kind: "counts", counts: Object.fromEntries(rows.map((row) => [row.code, numberOf(row.value)])) };
}

const fieldOf = (path: string): WaveField | "form" => {
  const head = path.split(".")[0];
  return (WAVE_FIELDS as readonly string[]).includes(head) ? (head as WaveField) : "form";
};

/** One message per field (the first), as the server would report them; a stratum's message goes to the strata. */
export function waveErrorsOf(list: FieldError[]): WaveErrors {
  const errors: WaveErrors = {};
  for (const error of list) errors[fieldOf(error.field)] ??= error;
  return errors;
}

export type CheckedWave = { ok: true; input: CreateWaveInput } | { ok: false; errors: WaveErrors };

export function checkWave(values: WaveValues): CheckedWave {
  const parsed = createWaveInput.safeParse({
    number: numberOf(values.number),
    programYear: numberOf(values.programYear),
    opensAt: jakartaIso(values.opensAt),
    closesAt: jakartaIso(values.closesAt),
    quota: numberOf(values.quota),
    strata: strataOf(values),
    ...((values.priorityListId ?? "") === "" ? {} : { priority: { listId: values.priorityListId, basisPoints: shareOf(values.priorityShare ?? "") } }),
  });
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, errors: waveErrorsOf(fieldErrors(parsed.error)) };
}

/** A province declared twice would silently keep only the last row: said before anything is sent. */
export function repeatedStratum(rows: readonly StratumRow[]): string | null {
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.code === "") continue;
    if (seen.has(row.code)) return row.code;
    seen.add(row.code);
  }
  return null;
}
