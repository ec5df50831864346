import { httpsCallable } from "firebase/functions";
import type { CallableInput, CallableName, CallableResult } from "@schemas/contract.js";
import { functions } from "../functions.js";
import { retryOnce } from "./retry.js";

/**
 * A callable function by its name in the contract (schemas/contract.ts), which gives its input
 * and result types. Contention and outages are retried once with the same input (see retry.ts).
 */
export function callable<N extends CallableName>(name: N): (input: CallableInput<N>) => Promise<CallableResult<N>> {
  const call = httpsCallable<CallableInput<N>, CallableResult<N>>(functions, name);
  return (input) => retryOnce(async () => (await call(input)).data);
}
