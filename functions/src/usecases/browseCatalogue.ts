import { done, refused, type Outcome } from "../domain/outcome.js";
import { findProvince } from "../domain/regions/index.js";
import { searchWordOf } from "../domain/training/catalogue.js";
import { CATALOGUE_PAGE_DEFAULT, SCHEDULES_PER_TRAINING, type CatalogueQuery, type CataloguePage, type CatalogueTraining } from "../schemas/catalogue.js";
import type { ScheduleDoc, TrainingDoc, TrainingPartnerDoc } from "../schemas/training.js";
import type { Ports } from "./ports.js";

export type BrowseRefusal = "training-not-found";

/**
 * The public catalogue (`GET /api/catalogue`, no sign-in): listed trainings only, filtered by a
 * search word (the longest word typed, matched against the stored keywords), category, learning
 * method and province, in title order, a page at a time; or one training by its code. Each comes
 * with its next runs that have not started yet and their free seats, and the names of the active
 * platforms that sell it. Nothing about partners beyond their names is served.
 */
export async function browseCatalogue(ports: Pick<Ports, "catalogue" | "clock">, query: CatalogueQuery): Promise<Outcome<CataloguePage, BrowseRefusal>> {
  const now = ports.clock.now();
  if (query.course !== undefined) {
    const training = await ports.catalogue.training(query.course);
    if (training === null || training.status !== "listed") return refused("training-not-found");
    const shown = await entries(ports, [training], now);
    if (shown.length === 0) return refused("training-not-found");
    return done({ trainings: shown, searched: null, next: null });
  }
  const word = query.q === undefined ? null : searchWordOf(query.q);
  const page = await ports.catalogue.listed({
    word,
    category: query.category ?? null,
    method: query.method ?? null,
    provinceCode: query.province ?? null,
    after: query.cursor ?? null,
    limit: query.pageSize ?? CATALOGUE_PAGE_DEFAULT,
  });
  const last = page.trainings.at(-1);
  return done({ trainings: await entries(ports, page.trainings, now), searched: word, next: page.more && last !== undefined ? last.courseCode : null });
}

/**
 * The trainings as served, with their runs and platforms. A training whose institution is not an
 * active partner (de-listed) is left out: it could be bought but never redeemed. A page may so be
 * shorter than asked; `next` still follows the last training read.
 */
async function entries(ports: Pick<Ports, "catalogue">, found: TrainingDoc[], now: Date): Promise<CatalogueTraining[]> {
  const partners = await ports.catalogue.partners([...new Set(found.flatMap((training) => [...training.platformCodes, training.institutionCode]))]);
  const trainings = found.filter((training) => partners.get(training.institutionCode)?.status === "active");
  const runs = await Promise.all(trainings.map((training) => ports.catalogue.upcoming(training.courseCode, now, SCHEDULES_PER_TRAINING)));
  return trainings.map((training, i) => ({
    courseCode: training.courseCode,
    title: training.title,
    description: training.description,
    institutionName: training.institutionName,
    platforms: training.platformCodes.flatMap((code) => platformOf(code, partners.get(code))),
    price: training.price,
    hours: training.hours,
    method: training.method,
    category: training.category,
    ...(training.provinceCode === undefined
      ? {}
      : { provinceCode: training.provinceCode, provinceName: findProvince(training.provinceCode)?.name ?? training.provinceCode }),
    schedules: runs[i].map(scheduleOf),
  }));
}

function platformOf(code: string, partner: TrainingPartnerDoc | undefined): Array<{ code: string; name: string }> {
  return partner !== undefined && partner.kind === "digital-platform" && partner.status === "active" ? [{ code, name: partner.name }] : [];
}

const scheduleOf = (schedule: ScheduleDoc) => ({
  scheduleCode: schedule.scheduleCode,
  startsAt: schedule.startsAt.toISOString(),
  endsAt: schedule.endsAt.toISOString(),
  seatsLeft: schedule.capacity === null ? null : Math.max(0, schedule.capacity - schedule.booked),
});
