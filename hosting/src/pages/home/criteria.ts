import type { ProgramYearDoc } from "@schemas";
import type { MessageId } from "../../i18n/index.js";

export type Criterion = [MessageId, Record<string, number>?];

/**
 * Who can join, said before anyone signs up: the program year's own rules (the age range, whether
 * other social aid excludes, the family card's limit), in the order the eligibility check reports.
 */
export function joinCriteria(year: Pick<ProgramYearDoc, "familyLimit" | "socialAidExcludes" | "maximumAge">): Criterion[] {
  return [
    year.maximumAge === undefined ? ["who.age"] : ["who.ageRange", { max: year.maximumAge }],
    ["who.school"],
    ["who.occupation"],
    ...(year.socialAidExcludes ? [["who.socialAid"] satisfies Criterion] : []),
    ["who.family", { count: year.familyLimit }],
  ];
}
