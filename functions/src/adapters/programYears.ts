import type { ProgramYears } from "../usecases/ports.js";
import { programYears } from "./collections.js";

export const firestoreProgramYears: ProgramYears = {
  async get(year) {
    return (await programYears().doc(String(year)).get()).data() ?? null;
  },
};
