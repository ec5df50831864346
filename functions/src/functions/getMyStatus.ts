import { systemClock } from "../adapters/clock.js";
import { firestoreLatestDraw } from "../adapters/drawStore.js";
import { firestoreExclusionLists } from "../adapters/exclusionLists.js";
import { firestoreProgramYears } from "../adapters/programYears.js";
import { firestoreRegistrations } from "../adapters/registrations.js";
import { callable } from "../edge/callable.js";
import { getMyStatusInput } from "../schemas/registration.js";
import { getMyStatus as getMyStatusUseCase } from "../usecases/getMyStatus.js";

/** The applicant's own registration, eligibility (checked again now) and timeline. */
export const getMyStatus = callable({
  name: "getMyStatus",
  input: getMyStatusInput,
  refusals: { "not-registered": "not-found" },
  async handle(_input, actor) {
    const ports = { draws: firestoreLatestDraw, registrations: firestoreRegistrations, lists: firestoreExclusionLists, programYears: firestoreProgramYears, clock: systemClock };
    return getMyStatusUseCase(ports, actor.uid);
  },
});
