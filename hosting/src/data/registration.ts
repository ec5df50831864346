import type { MyStatus, RegisterResult } from "@schemas";
import type { Occupation, ReasonCode } from "@domain/eligibility.js";
import { callable } from "./callable.js";
import { callableFailure } from "./callableError.js";

/** The registration callables; their answers' shapes are the shared schemas'. */

export type ApplicantStatus = MyStatus["status"];
export type TimelineKind = MyStatus["timeline"][number]["kind"];
export type Eligibility = RegisterResult["eligibility"];
export type { MyStatus, Occupation, ReasonCode, RegisterResult };

export const callRegister = callable("register");
export const callRegisterAssisted = callable("registerAssisted");
const callGetMyStatus = callable("getMyStatus");

/** The signed-in person's registration, or null when they have not registered yet. */
async function fetchMyStatus(): Promise<MyStatus | null> {
  try {
    return await callGetMyStatus({});
  } catch (error) {
    if (callableFailure(error).code === "not-found") return null;
    throw error;
  }
}

// The answer fetched right after sign-in to choose the first page is handed to the status page
// once, if it is fresh, instead of asking again on a slow connection. Only a registration is
// handed over: "not registered" is about to change on the registration form.
const FRESH_MS = 30_000;
let handedOver: { status: MyStatus; at: number } | null = null;

export async function statusForLanding(): Promise<MyStatus | null> {
  const status = await fetchMyStatus();
  handedOver = status && { status, at: Date.now() };
  return status;
}

export function loadMyStatus(): Promise<MyStatus | null> {
  const kept = handedOver;
  handedOver = null;
  return kept && Date.now() - kept.at < FRESH_MS ? Promise.resolve(kept.status) : fetchMyStatus();
}
