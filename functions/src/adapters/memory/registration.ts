import { NO_FAMILY, withMember } from "../../domain/family.js";
import type { ProgramYearDoc } from "../../schemas/documents.js";
import type { ProgramYears, Registrations, RegistrationState } from "../../usecases/ports.js";
import { roundTrip, type Memory } from "./state.js";

/** Registration in memory: the same documents, reads and all-or-nothing writes as adapters/registrations.ts. */

export function memoryRegistrations(memory: Memory): Registrations {
  const { applicants, timeline, nikIndex, families, operatorDays, registerAttempts } = memory.state;
  return {
    async register({ uid, nikKey, kkKey, caller, day, assisted }, decide) {
      await roundTrip();
      // From here to the commit nothing awaits: no other call can come in between, as in a transaction.
      const dayId = `${caller}_${day}`;
      const state: RegistrationState = {
        nikOwner: nikIndex.read(nikKey)?.uid ?? null,
        existing: applicants.read(uid) ?? null,
        family: families.read(kkKey) ?? NO_FAMILY,
        assistedToday: assisted ? (operatorDays.read(dayId)?.count ?? 0) : null,
        attemptsToday: registerAttempts.read(dayId)?.count ?? 0,
      };
      const choice = decide(state);
      const batch = memory.batch();
      if (!choice.write) {
        if (choice.countAttempt) batch.set(registerAttempts, dayId, { count: state.attemptsToday + 1 }).commit();
        return state;
      }
      batch
        .create(nikIndex, nikKey, { uid, at: choice.applicant.registeredAt })
        .create(applicants, uid, choice.applicant)
        .create(timeline, `${uid}/${memory.autoId()}`, choice.event)
        .set(families, kkKey, withMember(state.family, uid, true));
      if (assisted) batch.set(operatorDays, dayId, { count: (state.assistedToday ?? 0) + 1 });
      batch.commit();
      return state;
    },
    async applicant(uid) {
      await roundTrip();
      return applicants.read(uid) ?? null;
    },
    async timeline(uid) {
      await roundTrip();
      // orderBy("at"); ties in ID order.
      return timeline
        .under(`${uid}/`)
        .map(([, event]) => event)
        .sort((a, b) => a.at.getTime() - b.at.getTime());
    },
    async family(kkKey) {
      await roundTrip();
      return families.read(kkKey) ?? NO_FAMILY;
    },
    async recordEligibility(uid, eligibility, event) {
      await roundTrip();
      memory.batch().update(applicants, uid, { eligibility }).create(timeline, `${uid}/${memory.autoId()}`, event).commit();
    },
  };
}

export interface MemoryProgramYears extends ProgramYears {
  /** Stores a program year's rules (validated, as every write). */
  set(rules: ProgramYearDoc): void;
}

export function memoryProgramYears(memory: Memory): MemoryProgramYears {
  const { programYears } = memory.state;
  return {
    set(rules) {
      memory.batch().set(programYears, String(rules.year), rules).commit();
    },
    async get(year) {
      await roundTrip();
      return programYears.read(String(year)) ?? null;
    },
  };
}
