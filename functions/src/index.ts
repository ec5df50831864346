/** Every deployed function, one file each under ./functions. This file only re-exports. */
import "./config.js";

export { advanceWaves } from "./functions/advanceWaves.js";
export { grantRole } from "./functions/grantRole.js";
