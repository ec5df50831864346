import type { JoinWaveResult } from "@schemas/contract.js";
import { callable } from "./callable.js";

export type { JoinWaveResult };

export const callJoinWave = callable("joinWave");
