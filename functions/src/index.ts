/** Every deployed function, one file each under ./functions. This file only re-exports. */
import "./config.js";

export { advanceWaves } from "./functions/advanceWaves.js";
export { createWave } from "./functions/createWave.js";
export { decideVerification } from "./functions/decideVerification.js";
export { draws } from "./functions/draws.js";
export { exclusionListDiff } from "./functions/exclusionListDiff.js";
export { expireExclusionImport } from "./functions/expireExclusionImport.js";
export { getMyStatus } from "./functions/getMyStatus.js";
export { grantRole } from "./functions/grantRole.js";
export { importExclusionList } from "./functions/importExclusionList.js";
export { joinWave } from "./functions/joinWave.js";
export { joinWaveOnBehalf } from "./functions/joinWaveOnBehalf.js";
export { listVerificationCases } from "./functions/listVerificationCases.js";
export { register } from "./functions/register.js";
export { registerAssisted } from "./functions/registerAssisted.js";
