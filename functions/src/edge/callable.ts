import { HttpsError, onCall, type CallableFunction, type CallableOptions, type FunctionsErrorCode } from "firebase-functions/v2/https";
import type { z } from "zod";
import type { Actor } from "../domain/roles.js";
import type { Outcome } from "../domain/outcome.js";
import { fieldErrors, MESSAGES, type FieldError } from "../schemas/messages.js";
import { logs } from "../logs.js";
import { actorFrom } from "./actor.js";

export interface CallableSpec<S extends z.ZodType, T, Reason extends string> {
  /** The deployed function's name, for logs. */
  name: string;
  input: S;
  /** The transport code of each refusal the use case can return. */
  refusals: Record<Reason, FunctionsErrorCode>;
  /** Refusals that concern one input field: sent with that field's message, as a schema error is. */
  refusalFields?: Partial<Record<Reason, string>>;
  /** Runtime options, such as the secrets the function reads. */
  options?: CallableOptions;
  handle(input: z.infer<S>, actor: Actor): Promise<Outcome<T, Reason>>;
}

/**
 * The one place where callables meet the outside: sign-in is required, input is parsed
 * with its schema (field messages in Bahasa Indonesia and English), refusals become their
 * declared codes, and anything unexpected is logged and answered as `internal` without detail.
 */
export function callable<S extends z.ZodType, T, Reason extends string>(
  spec: CallableSpec<S, T, Reason>,
): CallableFunction<unknown, Promise<T>> {
  return onCall(spec.options ?? {}, async (request): Promise<T> => {
    if (!request.auth) {
      throw new HttpsError("unauthenticated", "Silakan masuk terlebih dahulu. / Please sign in first.");
    }
    const parsed = spec.input.safeParse(withoutNulls(request.data));
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      logs.inputRejected(spec.name, fields.map((f) => f.field));
      const summary = fields.map((f) => `${f.field || "input"}: ${f.message.id} / ${f.message.en}`).join("; ");
      throw new HttpsError("invalid-argument", summary, { fields });
    }
    const actor = actorFrom(request.auth);
    let outcome: Outcome<T, Reason>;
    try {
      outcome = await spec.handle(parsed.data, actor);
    } catch (error) {
      logs.requestFailed(spec.name, error);
      throw new HttpsError("internal", "Terjadi kesalahan. Coba lagi nanti. / Something went wrong. Try again later.");
    }
    if (outcome.ok) return outcome.value;
    logs.requestRefused(spec.name, outcome.reason, actor.uid);
    const field = spec.refusalFields?.[outcome.reason];
    const fields: FieldError[] = field === undefined ? [] : [{ field, code: outcome.reason, message: messageOf(outcome.reason) }];
    throw new HttpsError(spec.refusals[outcome.reason], outcome.reason, { reason: outcome.reason, fields });
  });
}

function messageOf(reason: string): FieldError["message"] {
  return Object.hasOwn(MESSAGES, reason) ? { ...MESSAGES[reason as keyof typeof MESSAGES] } : { id: reason, en: reason };
}

/**
 * The callable protocol has no `undefined`: web clients send an optional field left empty as
 * `null`. Null object properties are taken as absent, so schemas state optional fields once.
 */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}
