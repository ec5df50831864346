import { systemClock } from "./clock.js";
import { firestoreExclusionLists } from "./exclusionLists.js";
import { firestoreProgramYears } from "./programYears.js";
import { secretPseudonyms } from "./pseudonyms.js";
import { firestoreRegistrations } from "./registrations.js";

/** The ports of a registration, for every function that registers someone (bound to NIK_HASH_KEY). */
export function registrationPorts() {
  return {
    registrations: firestoreRegistrations,
    lists: firestoreExclusionLists,
    programYears: firestoreProgramYears,
    pseudonyms: secretPseudonyms(),
    clock: systemClock,
  };
}
