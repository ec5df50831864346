import { z } from "zod";
import { calendarDateIn, formatIsoDate, parseIsoDate } from "../domain/calendar.js";
import { OCCUPATIONS, REASON_CODES } from "../domain/eligibility.js";
import { APPLICANT_STATUSES, TIMELINE_KINDS } from "./applicant.js";
import { SEXES } from "../domain/nik.js";
import { findDistrict } from "../domain/regions/index.js";
import { mobileNumber } from "./phone.js";
import { IDENTITY_DOCUMENTS, REJECTION_REASONS } from "../domain/verification.js";
import { verificationView } from "./verification.js";

/**
 * Input of the `register` callable, also used by the web form. Messages are keys of
 * REGISTRATION_MESSAGES. Only the shape is checked here (and that the KK is not the NIK): whether
 * the NIK's region, birth date and serial make sense needs today's date, so the use case runs
 * parseNik, parseKk and crossCheckNik.
 */

const digits = (count: number, message: string) =>
  z
    .string({ message })
    .trim()
    .regex(new RegExp(`^\\d{${count}}$`), { message });

/** Letters of any script (and their combining marks), with the separators names really use. */
const NAME = /^\p{L}[\p{L}\p{M} .'’-]*$/u;

const fullName = z
  .string({ message: "name-required" })
  .trim()
  .overwrite((name) => name.replace(/\s+/g, " "))
  .min(2, { message: "name-length" })
  .max(100, { message: "name-length" })
  .regex(NAME, { message: "name-characters" });

const birthDate = z
  .string({ message: "birth-date-format" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "birth-date-format" })
  .refine((text) => parseIsoDate(text) !== null, { message: "birth-date-invalid", abort: true })
  .refine((text) => text >= "1900-01-01", { message: "birth-date-invalid", abort: true })
  // Today on Jakarta's calendar, when the input is checked (the form, then the server).
  .refine((text) => text <= formatIsoDate(calendarDateIn(new Date())), { message: "birth-date-future" });

/** NIK and KK as printed on the cards ("3204 1015 0390 0021", "32.04.10.150390.0021"): the spaces and dots people type are dropped. */
export const cardNumberDigits = (typed: string): string => typed.replace(/[\s.]/g, "");

const cardNumber = (message: string) => z.string({ message }).transform(cardNumberDigits).pipe(digits(16, message));

const yesOrNo = z.boolean({ message: "choose-yes-or-no" });

export const registerInput = z
  .object({
    nik: cardNumber("nik-format"),
    kk: cardNumber("kk-format"),
    fullName,
    birthDate,
    sex: z.enum(SEXES, { message: "sex-required" }),
    phone: mobileNumber,
    provinceCode: digits(2, "province-format"),
    regencyCode: digits(4, "regency-format"),
    districtCode: digits(6, "district-format"),
    inFormalEducation: yesOrNo,
    occupation: z.enum(OCCUPATIONS, { message: "occupation-required" }),
    receivesSocialAid: yesOrNo,
    consent: z.literal(true, { message: "consent-required" }),
  })
  .superRefine(
    (input, ctx) => {
      const ok = (text: unknown, length: number): text is string => typeof text === "string" && new RegExp(`^\\d{${length}}$`).test(text);
      const { provinceCode, regencyCode, districtCode } = input;
      if (ok(input.kk, 16) && input.kk === input.nik) {
        ctx.addIssue({ code: "custom", path: ["kk"], message: "kk-equals-nik" });
      }
      if (ok(provinceCode, 2) && ok(regencyCode, 4) && !regencyCode.startsWith(provinceCode)) {
        ctx.addIssue({ code: "custom", path: ["regencyCode"], message: "regency-not-in-province" });
      }
      if (!ok(districtCode, 6)) return;
      if (ok(regencyCode, 4) && !districtCode.startsWith(regencyCode)) {
        ctx.addIssue({ code: "custom", path: ["districtCode"], message: "district-not-in-regency" });
      } else if (!findDistrict(districtCode)) {
        ctx.addIssue({ code: "custom", path: ["districtCode"], message: "district-unknown" });
      }
    },
    // Also when other fields failed, so the form shows every error at once; that is why `ok`
    // re-checks each code it reads instead of trusting the type.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );
export type RegisterInput = z.infer<typeof registerInput>;
/** What the web form holds before parsing (the phone as typed). */
export type RegisterForm = z.input<typeof registerInput>;

/** Input of `registerAssisted`: a regional operator registers a person of their region. */
export const registerAssistedInput = z.object({
  /** Idempotency key chosen by the operator's form: a retry registers the person once. */
  requestId: z.uuid(),
  person: registerInput,
});
export type RegisterAssistedInput = z.infer<typeof registerAssistedInput>;

/** `getMyStatus` takes nothing; an empty object (or nothing) is accepted. */
export const getMyStatusInput = z.object({}).nullish();

const eligibilityAnswer = z.object({ eligible: z.boolean(), reasons: z.array(z.enum(REASON_CODES)) });

/**
 * What `register` and `registerAssisted` answer. `verification` is there when the NIK's digits
 * differ from the KTP: the registration is accepted, `eligibility` lists `identity-not-verified`
 * (besides any other reason, age judged on the declared date) until an operator sees the documents.
 */
export const registerResult = z.object({
  uid: z.string(),
  nikMasked: z.string(),
  status: z.enum(APPLICANT_STATUSES),
  eligibility: eligibilityAnswer,
  verification: verificationView.optional(),
  /** False when this request had already registered the person (a retry). */
  created: z.boolean(),
});
export type RegisterResult = z.infer<typeof registerResult>;

/** What `getMyStatus` answers: never the full NIK. Times are ISO strings. */
/** A positive count of people, or null when there is none (a round without seats, or that selected nobody). */
const about = z.number().int().positive();

/** Where the person stood in one draw. */
const myDraw = z.object({
  waveId: z.string(),
  selected: z.boolean(),
  /** HMAC-SHA-256(drawKey, pid): lower ranks come first. */
  rank: z.string(),
  /** The rank of the last person selected nationally, and in the person's stratum if it had seats. */
  cutoff: z.object({ national: z.string().nullable(), stratum: z.string().nullable() }),
  withinCutoff: z.boolean(),
  /**
   * The same as positions a layperson reads, estimated from the ranks (domain/draw/estimate.ts):
   * "about number `position.national` of `poolSize`; seats went to about the first `cutoffPosition.national`",
   * and the same within the person's stratum (of `stratumPool` people) when it had seats.
   */
  poolSize: z.number().int().nonnegative(),
  stratumPool: z.number().int().nonnegative().nullable(),
  position: z.object({ national: about, stratum: about.nullable() }),
  cutoffPosition: z.object({ national: about.nullable(), stratum: about.nullable() }),
  /**
   * Present when the person's line was on the wave's priority list and its priority round had
   * seats (docs/draw.md §7): their estimated position among the `pool` people on the list, and
   * how far its `seats` went (null when the round selected nobody).
   */
  priorityRound: z
    .object({ pool: z.number().int().nonnegative(), seats: z.number().int().positive(), position: about, cutoffPosition: about.nullable() })
    .optional(),
});

export const myStatus = z.object({
  profile: z.object({
    nikMasked: z.string(),
    fullName: z.string(),
    birthDate: z.string(),
    sex: z.enum(SEXES),
    phone: z.string(),
    region: z.object({ province: z.string(), regency: z.string(), district: z.string() }),
    registeredAt: z.string(),
    registeredBy: z.enum(["self", "operator"]),
  }),
  status: z.enum(APPLICANT_STATUSES),
  eligibility: eligibilityAnswer.extend({ checkedAt: z.string() }),
  /** Present when the NIK's digits differ from the KTP: what to bring to which office, and the decision. */
  verification: verificationView.optional(),
  timeline: z.array(
    z.object({
      kind: z.enum(TIMELINE_KINDS),
      at: z.string(),
      eligible: z.boolean().optional(),
      reasons: z.array(z.enum(REASON_CODES)).optional(),
      /** Who acted: the person, or a labor office operator (registered, verified, joined a wave for them). */
      by: z.enum(["self", "operator"]).optional(),
      waveId: z.string().optional(),
      documentsSeen: z.array(z.enum(IDENTITY_DOCUMENTS)).optional(),
      rejection: z.enum(REJECTION_REASONS).optional(),
    }),
  ),
  /** The person in the draws: their pseudonymous ID, where they stood in the latest draw, and in every draw whose pool they were in. */
  draw: z
    .object({
      pid: z.string(),
      inPool: z.boolean(),
      latest: myDraw.optional(),
      /** Every draw whose pool the person was in, newest first (`latest` is the first of them). */
      draws: z.array(myDraw).optional(),
    })
    .optional(),
});
export type MyStatus = z.infer<typeof myStatus>;
