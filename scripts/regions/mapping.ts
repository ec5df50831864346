import type { EditionData } from "./editionData.js";
import { nameKey, regencyKey, similarity } from "./names.js";

/** A reviewed row of exceptions.csv: the old code under the name an edition gave it, and where it is today. */
export interface ExceptionRow {
  code: string;
  name: string;
  current_code: string;
  current_name: string;
  reason: string;
  note: string;
}
export const EXCEPTION_COLUMNS = ["code", "name", "current_code", "current_name", "reason", "note"] as const;
export const REASONS = ["respelled", "renamed", "reorganised", "moved", "source-defect"] as const;

/** A regency split off before the oldest edition (older-regencies.csv), so no edition shows its old districts. */
export interface OlderRegencyRow {
  former_code: string;
  current_code: string;
  name: string;
  law: string;
}
export const OLDER_REGENCY_COLUMNS = ["former_code", "current_code", "name", "law"] as const;

export type Basis = "same-code" | "name" | "exception" | "assumed-suffix";

/** One district code of one or more editions, under one name, and today's district it maps to. */
export interface Mapped {
  code: string;
  name: string;
  years: number[];
  target: string;
  basis: Basis;
  reason?: string;
}

export interface Mapping {
  regencies: Map<string, string>;
  districts: Mapped[];
  /** Cases a human must decide, as draft rows of exceptions.csv (reason "TODO"). */
  unresolved: ExceptionRow[];
  errors: string[];
}

/** A regency absent today is the current regency of the same kind and name whose code is new since. */
function regencySuccessors(editions: readonly EditionData[], current: EditionData, errors: string[]): Map<string, string> {
  const successors = new Map<string, string>();
  for (const edition of editions) {
    for (const [code, name] of edition.regencies) {
      if (current.regencies.has(code) || successors.has(code)) continue;
      const candidates = [...current.regencies].filter(([other, otherName]) => !edition.regencies.has(other) && regencyKey(otherName) === regencyKey(name));
      if (candidates.length === 1) successors.set(code, candidates[0][0]);
      else errors.push(`regency ${code} ${name} (${edition.edition.year}): ${candidates.length} current regencies of that name; the mapping needs a human`);
    }
  }
  return successors;
}

function occurrences(editions: readonly EditionData[]): Map<string, Map<string, number[]>> {
  const byCode = new Map<string, Map<string, number[]>>();
  for (const { edition, districts } of editions) {
    for (const [code, name] of districts) {
      const names = byCode.get(code) ?? new Map<string, number[]>();
      names.set(name, [...(names.get(name) ?? []), edition.year]);
      byCode.set(code, names);
    }
  }
  return byCode;
}

export function mapEditions(editions: readonly EditionData[], exceptions: readonly ExceptionRow[], older: readonly OlderRegencyRow[]): Mapping {
  const current = editions.at(-1)!;
  const errors: string[] = [];
  const regencies = regencySuccessors(editions, current, errors);
  const rows = new Map(exceptions.map((row) => [`${row.code}|${row.name}`, row]));
  const used = new Set<string>();
  const districts: Mapped[] = [];
  const unresolved: ExceptionRow[] = [];
  const byRegency = new Map<string, [string, string][]>();
  for (const entry of current.districts) byRegency.set(entry[0].slice(0, 4), [...(byRegency.get(entry[0].slice(0, 4)) ?? []), entry]);
  const currentIn = (regency: string) => [...(byRegency.get(regency) ?? [])];

  for (const [code, names] of [...occurrences(editions)].sort(([a], [b]) => a.localeCompare(b))) {
    const successor = current.districts.has(code) ? code.slice(0, 4) : regencies.get(code.slice(0, 4));
    const mapped: Mapped[] = [];
    for (const [name, years] of names) {
      const row = rows.get(`${code}|${name}`);
      if (row) {
        used.add(`${code}|${name}`);
        mapped.push({ code, name, years, target: row.current_code, basis: "exception", reason: row.reason });
        continue;
      }
      const byName = currentIn(successor ?? "--").filter(([, other]) => nameKey(other) === nameKey(name));
      const target = current.districts.has(code) ? code : byName.length === 1 ? byName[0][0] : undefined;
      if (target !== undefined && nameKey(current.districts.get(target)!) === nameKey(name)) {
        mapped.push({ code, name, years, target, basis: target === code ? "same-code" : "name" });
        continue;
      }
      const guess = target ?? currentIn(successor ?? code.slice(0, 4)).sort(([, a], [, b]) => similarity(b, name) - similarity(a, name))[0]?.[0] ?? "";
      unresolved.push({ code, name, current_code: guess, current_name: current.districts.get(guess) ?? "", reason: "TODO", note: `in ${years.join(" ")}` });
    }
    const targets = new Set(mapped.map((m) => m.target));
    if (targets.size > 1) errors.push(`${code} would map to ${[...targets].join(" and ")}: one code, one district`);
    districts.push(...mapped);
  }

  for (const row of exceptions) {
    const key = `${row.code}|${row.name}`;
    if (!used.has(key)) errors.push(`exceptions.csv: ${row.code} ${row.name} is in no edition under that name: remove the row`);
    if (current.districts.get(row.current_code) !== row.current_name) {
      errors.push(
        `exceptions.csv: ${row.code} → ${row.current_code} ${row.current_name}: today ${row.current_code} is ${current.districts.get(row.current_code) ?? "no district"}`,
      );
    }
    if (!(REASONS as readonly string[]).includes(row.reason)) errors.push(`exceptions.csv: ${row.code}: reason must be one of ${REASONS.join(", ")}`);
    if (row.note.trim() === "") errors.push(`exceptions.csv: ${row.code}: say why in the note`);
  }

  districts.push(...olderRegencies(editions, older, regencies, errors));
  return { regencies, districts, unresolved, errors };
}

/**
 * Districts of a regency split off before the oldest edition: no edition lists their old codes,
 * so the district suffix is assumed kept (what the hand-written table did before; not checked
 * against a pre-2012 decree), for the districts that existed in the oldest edition only.
 */
function olderRegencies(editions: readonly EditionData[], older: readonly OlderRegencyRow[], regencies: Map<string, string>, errors: string[]): Mapped[] {
  const [oldest, current] = [editions[0], editions.at(-1)!];
  const mapped: Mapped[] = [];
  for (const row of older) {
    if (editions.some((e) => e.regencies.has(row.former_code))) errors.push(`older-regencies.csv: ${row.former_code} is in an edition: the editions decide`);
    const name = current.regencies.get(row.current_code);
    if (name === undefined || regencyKey(name) !== regencyKey(row.name))
      errors.push(`older-regencies.csv: today ${row.current_code} is ${name}, not ${row.name}`);
    regencies.set(row.former_code, row.current_code);
    for (const [code, districtName] of oldest.districts) {
      if (!code.startsWith(row.current_code) || !current.districts.has(code)) continue;
      mapped.push({ code: row.former_code + code.slice(4), name: districtName, years: [], target: code, basis: "assumed-suffix", reason: row.law });
    }
  }
  return mapped;
}
