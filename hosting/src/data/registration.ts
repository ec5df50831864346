import { httpsCallable } from "firebase/functions";
import type { RegisterAssistedInput, RegisterInput } from "@schemas";
import type { Occupation, ReasonCode } from "@domain/eligibility.js";
import { functions } from "../functions.js";
import { callableFailure } from "./callableError.js";

/**
 * The registration callables and their answers. The answer shapes mirror RegisterResult
 * (functions/src/usecases/register.ts) and MyStatus (usecases/getMyStatus.ts): those modules
 * also import node-only code, so the web app cannot import their types.
 */

export type ApplicantStatus = "registered" | "participant" | "revoked";
export type TimelineKind = "registered" | "registered-assisted" | "eligibility-changed";
export type { Occupation, ReasonCode };

export interface Eligibility {
  eligible: boolean;
  reasons: ReasonCode[];
}

export interface RegisterResult {
  uid: string;
  nikMasked: string;
  status: ApplicantStatus;
  eligibility: Eligibility;
  /** False when this exact registration had already been made (a retry). */
  created: boolean;
}

export interface MyStatus {
  profile: {
    nikMasked: string;
    fullName: string;
    birthDate: string;
    sex: "male" | "female";
    phone: string;
    region: { province: string; regency: string; district: string };
    registeredAt: string;
    registeredBy: "self" | "operator";
  };
  status: ApplicantStatus;
  eligibility: Eligibility & { checkedAt: string };
  timeline: Array<{ kind: TimelineKind; at: string; eligible?: boolean; reasons?: ReasonCode[] }>;
}

export const callRegister = httpsCallable<RegisterInput, RegisterResult>(functions, "register");
export const callRegisterAssisted = httpsCallable<RegisterAssistedInput, RegisterResult>(functions, "registerAssisted");
const callGetMyStatus = httpsCallable<Record<string, never>, MyStatus>(functions, "getMyStatus");

/** The signed-in person's registration, or null when they have not registered yet. */
async function fetchMyStatus(): Promise<MyStatus | null> {
  try {
    return (await callGetMyStatus({})).data;
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
