import { calendarDateIn, formatIsoDate } from "../domain/calendar.js";
import { crossCheckNik, parseKk, parseNik } from "../domain/nik.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import type { ApplicantDoc } from "../schemas/applicant.js";
import type { RegisterInput, RegisterResult } from "../schemas/registration.js";

export type { RegisterResult };
import { checkEligibility } from "./eligibilityCheck.js";
import { sealPersonal } from "./personalData.js";
import type { Ports } from "./ports.js";
import { verificationViewOf } from "./verificationView.js";
import type { RegisterRefusal } from "../schemas/contract.js";

export type { RegisterRefusal };

export type RegisterPorts = Pick<Ports, "registrations" | "lists" | "priorityLists" | "programYears" | "pseudonyms" | "clock" | "vault">;

export interface Registrant {
  uid: string;
  /** "self", or the uid of the operator registering the person. */
  by: string;
  /** Idempotency key: a request seen before answers as it did the first time. */
  requestId: string;
  /** Assisted registrations count against the operator's daily limit (registrations per day). */
  assisted?: { limit: number };
  /**
   * Attempts per day that may end without a registration (NIK or account taken, limit reached),
   * counted for the caller: `nik-registered` tells whether a person has registered, so an account
   * cannot try NIK after NIK.
   */
  attemptLimit: number;
}

export const CONSENT_VERSION = "2026-1";

/**
 * Registers a person: the NIK and KK must make sense (format, region in any decree edition, a real
 * date, a KK that is not the NIK); one NIK, one registration, one account; eligibility is decided
 * with fresh lists and the family card's recipients read in the same transaction that claims the
 * NIK. A NIK whose birth date or sex digits differ from the KTP is evidence, not the authority:
 * the registration is accepted as `needs-verification` (the declared date decides age) and the
 * person is told to bring the KTP and KK to their regency's labor office.
 */
export async function register(ports: RegisterPorts, who: Registrant, input: RegisterInput): Promise<Outcome<RegisterResult, RegisterRefusal>> {
  const now = ports.clock.now();
  const nik = parseNik(input.nik, now);
  if (!nik.ok) return nik;
  const kk = parseKk(input.kk, input.nik);
  if (!kk.ok) return kk;
  const discrepancies = crossCheckNik(nik.value, input);

  const year = calendarDateIn(now).year;
  const rules = await ports.programYears.get(year);
  if (rules === null) return refused("program-year-not-configured");

  const nikKey = ports.pseudonyms.nik(input.nik);
  const kkKey = ports.pseudonyms.kk(input.kk);
  // Only the seal and masked values are stored: the clear identity stays in this call.
  const { nik: _nik, kk: _kk, fullName, phone, birthDate, consent: _consent, ...declared } = input;
  const base = {
    ...declared,
    ...(await sealPersonal(ports.vault, { nik: input.nik, kk: input.kk, fullName, phone, birthDate })),
    nikKey,
    kkKey,
    consent: { at: now, version: CONSENT_VERSION, by: who.by === "self" ? ("self" as const) : ("operator" as const) },
    registeredAt: now,
    registeredBy: who.by,
    requestId: who.requestId,
    status: "registered" as const,
    programYear: year,
    ...(discrepancies.length === 0 ? {} : { verification: { state: "needs-verification" as const, reasons: discrepancies, requestedAt: now } }),
  };
  // Next to the exclusion check, one read of the NIK's priority entry: the close's freeze reads the lists from the applicant document, never again.
  const [eligibilityWith, priorityLists] = await Promise.all([
    checkEligibility(ports.lists, { ...base, birthDate }, rules, now),
    ports.priorityLists.membership(nikKey),
  ]);

  let applicant: ApplicantDoc | null = null;
  const limit = who.assisted?.limit ?? Infinity;
  const isRetry = (existing: ApplicantDoc | null) => existing !== null && existing.nikKey === nikKey && existing.requestId === who.requestId;
  const request = {
    uid: who.uid,
    nikKey,
    kkKey,
    caller: who.by === "self" ? who.uid : who.by,
    day: formatIsoDate(calendarDateIn(now)),
    assisted: who.assisted !== undefined,
  };
  const state = await ports.registrations.register(request, ({ existing, nikOwner, family, assistedToday, attemptsToday }) => {
    // A transaction may run this more than once: only the last run's choice counts.
    applicant = null;
    if (isRetry(existing)) return { write: false, countAttempt: false };
    // Past the limit nothing more is told, not even whether the NIK is taken, and nothing is counted.
    if (attemptsToday >= who.attemptLimit) return { write: false, countAttempt: false };
    if (existing !== null || nikOwner !== null || (assistedToday ?? 0) >= limit) return { write: false, countAttempt: true };
    applicant = { ...base, eligibility: eligibilityWith(family), ...(Object.keys(priorityLists).length === 0 ? {} : { priorityLists }) };
    const kind = who.by === "self" ? ("registered" as const) : ("registered-assisted" as const);
    return { write: true, applicant, event: { kind, at: now, eligible: applicant.eligibility.eligible, reasons: applicant.eligibility.reasons, by: who.by } };
  });

  if (applicant !== null) return done(resultOf(who.uid, applicant, true));
  // A retry of a registration that went through answers as the first call did.
  const { existing } = state;
  if (existing !== null && isRetry(existing)) return done(resultOf(who.uid, existing, false));
  if (state.attemptsToday >= who.attemptLimit) return refused("too-many-attempts");
  if (existing !== null) return refused(existing.nikKey === nikKey ? "nik-registered" : "account-registered");
  if (state.nikOwner !== null) return refused("nik-registered");
  return refused("daily-limit-reached");
}

function resultOf(uid: string, applicant: ApplicantDoc, created: boolean): RegisterResult {
  const { eligible, reasons } = applicant.eligibility;
  const verification = verificationViewOf(applicant);
  return {
    uid,
    nikMasked: applicant.nikMasked,
    status: applicant.status,
    eligibility: { eligible, reasons },
    ...(verification === undefined ? {} : { verification }),
    created,
  };
}
