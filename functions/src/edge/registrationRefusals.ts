import type { FunctionsErrorCode } from "firebase-functions/v2/https";
import type { RegisterRefusal } from "../usecases/register.js";

/** How registration refusals travel, shared by `register` and `registerAssisted`. */
export const REGISTER_REFUSALS: Record<RegisterRefusal, FunctionsErrorCode> = {
  "nik-format": "invalid-argument",
  "nik-region-unknown": "invalid-argument",
  "nik-birth-date-invalid": "invalid-argument",
  "nik-serial-zero": "invalid-argument",
  "kk-format": "invalid-argument",
  "kk-equals-nik": "invalid-argument",
  "kk-region-unknown": "invalid-argument",
  "nik-registered": "already-exists",
  "account-registered": "already-exists",
  "program-year-not-configured": "failed-precondition",
  "daily-limit-reached": "resource-exhausted",
  "too-many-attempts": "resource-exhausted",
};
