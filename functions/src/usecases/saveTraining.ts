import { calendarDateIn } from "../domain/calendar.js";
import { canonicalJson } from "../domain/canonical.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import { findProvince } from "../domain/regions/index.js";
import { mayDo, type Actor } from "../domain/roles.js";
import { keywordsOf, type LearningMethod, type PartnerKind } from "../domain/training/catalogue.js";
import type { SaveTrainingInput, SaveTrainingResult } from "../schemas/catalogue.js";
import type { SaveTrainingRefusal } from "../schemas/contract.js";
import type { TrainingDoc, TrainingPartnerDoc } from "../schemas/training.js";
import type { Ports, TrainingState } from "./ports.js";

export type { SaveTrainingRefusal };

export type CataloguePorts = Pick<Ports, "catalogue" | "programYears" | "clock">;

/** A training as the program office or its institution describes it (the institution's name comes from its partner record). */
export interface TrainingFields {
  courseCode: string;
  title: string;
  description: string;
  institutionCode: string;
  platformCodes: string[];
  price: number;
  hours: number;
  method: LearningMethod;
  category: string;
  provinceCode?: string | undefined;
}

/** Who changes the catalogue, and through what: recorded in each history record. */
export interface ChangedBy {
  /** The admin's uid, or the institution's client code. */
  by: string;
  via: "admin" | "partner-api";
  /** The admin's idempotency key; null over the partner API (a push of the same content writes nothing). */
  requestId: string | null;
}

/** What a training is made of, without its version, time and keywords: two trainings alike here are the same change. */
type TrainingContent = Omit<TrainingDoc, "keywords" | "version" | "updatedAt">;

/** The refusals every path that writes a training shares. */
export type WriteTrainingRefusal = "institution-not-onboarded" | "platform-not-onboarded" | "province-unknown" | "hours-below-minimum";

/** A caller's own check inside the transaction: an answer (a retry's, or a refusal) ends the save there. */
export type TrainingGuard<G extends string> = (state: TrainingState, content: TrainingContent) => Outcome<SaveTrainingResult, G> | null;

/**
 * A program admin creates or changes a training (saveTraining callable). Idempotent by
 * `requestId`: a retry finds the history record it made and answers its version, writing nothing;
 * the same key for other content is `request-id-reused`. With `expectedVersion`, a change made by
 * someone else since the admin opened the training is refused, not overwritten.
 */
export async function saveTraining(ports: CataloguePorts, actor: Actor, input: SaveTrainingInput): Promise<Outcome<SaveTrainingResult, SaveTrainingRefusal>> {
  if (!mayDo(actor, "manage-catalogue")) return refused("not-admin");
  const { requestId, status, expectedVersion, ...fields } = input;
  return writeTraining(ports, { by: actor.uid, via: "admin", requestId }, fields, status, (state, content) => {
    if (state.recorded !== null)
      return sameContent(state.recorded.training, content)
        ? done({ courseCode: input.courseCode, version: state.recorded.version, written: false })
        : refused("request-id-reused");
    const version = state.training?.version ?? 0;
    if (expectedVersion !== undefined && expectedVersion !== version) return refused("version-conflict", { version });
    return null;
  });
}

/**
 * Writes a new version of a training with its history record, in one transaction, unless nothing
 * changed (then nothing is written and the current version is answered). Checked first: the
 * province exists, the hours reach the program year's minimum (when it sets one), the institution
 * and every platform are onboarded and active partners of their kind. `status` "keep": a new
 * training is listed, an existing one keeps the status the program office gave it.
 */
export async function writeTraining<G extends string>(
  ports: CataloguePorts,
  who: ChangedBy,
  fields: TrainingFields,
  status: TrainingDoc["status"] | "keep",
  guard: TrainingGuard<G>,
): Promise<Outcome<SaveTrainingResult, WriteTrainingRefusal | G>> {
  if (fields.provinceCode !== undefined && findProvince(fields.provinceCode) === null) return refused("province-unknown", { code: fields.provinceCode });
  const now = ports.clock.now();
  const minimum = (await ports.programYears.get(calendarDateIn(now).year))?.minimumTrainingHours;
  if (minimum !== undefined && fields.hours < minimum) return refused("hours-below-minimum", { minimum, hours: fields.hours });
  const partners = await ports.catalogue.partners([fields.institutionCode, ...fields.platformCodes]);
  const institution = partners.get(fields.institutionCode);
  if (!activeAs(institution, "institution")) return refused("institution-not-onboarded", { code: fields.institutionCode });
  const platform = fields.platformCodes.find((code) => !activeAs(partners.get(code), "digital-platform"));
  if (platform !== undefined) return refused("platform-not-onboarded", { code: platform });

  return ports.catalogue.saveTraining(fields.courseCode, who.requestId, (state) => {
    const content: TrainingContent = {
      courseCode: fields.courseCode,
      title: fields.title,
      description: fields.description,
      institutionCode: fields.institutionCode,
      institutionName: institution.name,
      platformCodes: fields.platformCodes,
      price: fields.price,
      hours: fields.hours,
      method: fields.method,
      category: fields.category,
      ...(fields.provinceCode === undefined ? {} : { provinceCode: fields.provinceCode }),
      status: status === "keep" ? (state.training?.status ?? "listed") : status,
    };
    const guarded = guard(state, content);
    if (guarded !== null) return { write: null, result: guarded };
    const current = state.training;
    if (current !== null && sameContent(current, content))
      return { write: null, result: done({ courseCode: fields.courseCode, version: current.version, written: false }) };
    const version = (current?.version ?? 0) + 1;
    const training: TrainingDoc = { ...content, keywords: keywordsOf(content), version, updatedAt: now };
    const change = {
      version,
      at: now,
      by: who.by,
      via: who.via,
      training: { ...content, version, updatedAt: now },
      ...(who.requestId === null ? {} : { requestId: who.requestId }),
    };
    return { write: { training, change }, result: done({ courseCode: fields.courseCode, version, written: true }) };
  });
}

function activeAs(partner: TrainingPartnerDoc | undefined, kind: PartnerKind): partner is TrainingPartnerDoc {
  return partner !== undefined && partner.kind === kind && partner.status === "active";
}

/** Whether a stored training (or history record) says what `content` says. */
function sameContent(stored: TrainingContent & Partial<Pick<TrainingDoc, "keywords" | "version" | "updatedAt">>, content: TrainingContent): boolean {
  const { keywords: _k, version: _v, updatedAt: _u, ...rest } = stored;
  return canonicalJson(rest) === canonicalJson(content);
}
