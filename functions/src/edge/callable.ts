import { HttpsError, onCall, type CallableFunction, type CallableOptions, type FunctionsErrorCode } from "firebase-functions/v2/https";
import type { z } from "zod";
import type { Actor } from "../domain/roles.js";
import type { Outcome } from "../domain/outcome.js";
import type { CallableName, CallableResult, RefusalOf } from "../schemas/contract.js";
import { fieldErrors, MESSAGES, type FieldError } from "../schemas/messages.js";
import { REFUSAL_TEXT } from "../schemas/refusalMessages.js";
import { logs } from "../logs.js";
import { ports } from "../composition.js";
import { actorFrom } from "./actor.js";
import { filled } from "./http.js";
import { checkedBeforeDecoding } from "./inputShape.js";
import { TRANSPORT_MESSAGES, transportCodeOf } from "./transportErrors.js";

export interface CallableSpec<N extends CallableName, S extends z.ZodType> {
  /** The deployed function's name in the contract (schemas/contract.ts), which gives its result and refusals. */
  name: N;
  input: S;
  /** The transport code of each refusal the use case can return. */
  refusals: Record<RefusalOf<N>, FunctionsErrorCode>;
  /** Refusals that concern one input field: sent with that field's message, as a schema error is. */
  refusalFields?: Partial<Record<RefusalOf<N>, string>>;
  /** Runtime options, such as the secrets the function reads. */
  options?: CallableOptions;
  /**
   * Check every caller's token against Auth, applicants too (a revoked or disabled account stops
   * at once, not when its ID token expires): for callables that hand out clear personal data.
   */
  checkRevokedAlways?: boolean;
  handle(input: z.infer<S>, actor: Actor): Promise<Outcome<CallableResult<N>, RefusalOf<N>>>;
}

/**
 * The one place where callables meet the outside: sign-in is required, input is parsed
 * with its schema (field messages in Bahasa Indonesia and English), refusals become their
 * declared codes (the error's `details` hold `reason`, `fields` and the refusal's own details,
 * such as joinWave's `reasons`), and anything unexpected is logged and answered without detail (`aborted` and
 * `unavailable` when sending it again may work, otherwise `internal`). An input whose shape is
 * out of bounds (inputShape.ts) is refused before the callable library decodes it. A caller with
 * a privileged role (or any caller of a spec with `checkRevokedAlways`) is checked against Auth on
 * every call, so a disabled account stops at once.
 */
export function callable<N extends CallableName, S extends z.ZodType>(spec: CallableSpec<N, S>): CallableFunction<unknown, Promise<CallableResult<N>>> {
  return guardShape(
    spec.name,
    onCall(spec.options ?? {}, async (request): Promise<CallableResult<N>> => {
      // An account always has a uid; the emulator lets an unverifiable token through with an empty one.
      if (!request.auth?.uid) {
        throw new HttpsError("unauthenticated", UNAUTHENTICATED);
      }
      // reportInput lets zod's words say which type arrived ("received number"); the value itself
      // goes no further than fieldErrors, which keeps only the field, the code and the message.
      const parsed = spec.input.safeParse(withoutNulls(request.data), { reportInput: true });
      if (!parsed.success) {
        const fields = fieldErrors(parsed.error);
        logs.inputRejected(
          spec.name,
          fields.map((f) => f.field),
        );
        const summary = fields.map((f) => `${f.field || "input"}: ${f.message.id} / ${f.message.en}`).join("; ");
        throw new HttpsError("invalid-argument", summary, { fields });
      }
      const actor = actorFrom(request.auth);
      let outcome: Outcome<CallableResult<N>, RefusalOf<N>>;
      try {
        if ((actor.claims.role !== "applicant" || spec.checkRevokedAlways === true) && (await ports().idTokens.verify(request.auth.rawToken)) === null) {
          logs.requestRefused(spec.name, "token-revoked", actor.uid);
          throw new HttpsError("unauthenticated", UNAUTHENTICATED);
        }
        outcome = await spec.handle(parsed.data, actor);
      } catch (error) {
        if (error instanceof HttpsError) throw error;
        logs.requestFailed(spec.name, error);
        const code = transportCodeOf(error);
        throw new HttpsError(code, TRANSPORT_MESSAGES[code]);
      }
      if (outcome.ok) return outcome.value;
      logs.requestRefused(spec.name, outcome.reason, actor.uid);
      const field = spec.refusalFields?.[outcome.reason];
      // A text's `{name}` places are filled from the refusal's details (the code it got, a count).
      const text = { id: filled(REFUSAL_TEXT[outcome.reason].id, outcome.details), en: filled(REFUSAL_TEXT[outcome.reason].en, outcome.details) };
      const fields: FieldError[] = field === undefined ? [] : [{ field, code: outcome.reason, message: { ...text } }];
      // The refusal's details (counts, codes: never personal data) travel beside its reason and fields.
      throw new HttpsError(spec.refusals[outcome.reason], `${text.id} / ${text.en}`, { ...outcome.details, reason: outcome.reason, fields });
    }),
  );
}

/**
 * The callable protocol has no `undefined`: web clients send an optional field left empty as
 * `null`. Null object properties are taken as absent, so schemas state optional fields once.
 */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

const UNAUTHENTICATED = "Silakan masuk terlebih dahulu. / Please sign in first.";

/** An input of an impossible shape is `invalid-argument` in the callable protocol, with a message in both languages. */
function guardShape<F>(name: string, inner: F): F {
  return checkedBeforeDecoding(inner, (problem, res) => {
    logs.inputRejected(name, [problem]);
    const message = { ...MESSAGES["input-shape"] };
    res.status(400).json({
      error: { status: "INVALID_ARGUMENT", message: `${message.id} / ${message.en}`, details: { fields: [{ field: "", code: problem, message }] } },
    });
  });
}
