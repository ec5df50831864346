import type { IncomingHttpHeaders } from "node:http";
import type { SecretParam } from "firebase-functions/params";
import { ports } from "../composition.js";
import { partnerSignKeysSecret } from "../config.js";
import { SIGNATURE_WINDOW_SECONDS, signatureMatches, withinWindow } from "../domain/partnerSignature.js";
import type { Actor } from "../domain/roles.js";
import { fieldErrors, type FieldError } from "../schemas/messages.js";
import { partnerSignatureHeaders } from "../schemas/partners.js";
import type { PartnerKind } from "../domain/training/catalogue.js";
import type { Ports } from "../usecases/ports.js";
import { actorFrom } from "./actor.js";

/**
 * Who is calling an HTTP endpoint, by caller kind: nobody in particular (public GETs), a signed-in
 * account (a Firebase ID token; its role is the use case's to judge, as in callables), or a
 * partner's system (a signed request). Each endpoint names exactly one.
 */

/** A request as authenticators and handlers see it. */
export interface EdgeRequest {
  method: string;
  /** The path, without the query string. */
  path: string;
  /** The path with its query string, exactly as received: what a partner signs. */
  target: string;
  headers: IncomingHttpHeaders;
  /** The body's bytes as they arrived (signatures are computed over them). */
  rawBody: Buffer;
  requestId: string;
}

export type AuthRefusal = "unauthenticated" | "signature-invalid" | "timestamp-out-of-window" | "signature-replayed" | "partner-not-allowed" | "rate-limited";

export type Authentication<C> =
  /** `id`: the uid or client code, for logs; null for a public request. */
  { ok: true; caller: C; id: string | null } | { ok: false; code: AuthRefusal; id: string | null; fields?: FieldError[] };

export interface Authenticator<C> {
  kind: "public" | "id-token" | "partner-signature";
  /** Secrets the function must be bound to for this authenticator to work. */
  secrets?: SecretParam[];
  authenticate(request: EdgeRequest): Promise<Authentication<C>>;
  /** Records an authenticated call once answered (a partner's audit trail); failures are logged, not sent. */
  record?(caller: C, call: { requestId: string; endpoint: string; outcome: string }): Promise<void>;
}

/** Anyone: for public reads (the draws). */
export const publicAccess: Authenticator<null> = {
  kind: "public",
  authenticate: () => Promise.resolve({ ok: true, caller: null, id: null }),
};

/**
 * `Authorization: Bearer <Firebase ID token>`, checked against the account as it is now (a revoked
 * session or a disabled account is refused at once). The caller's role comes from its claims.
 */
export function idToken(source: () => Pick<Ports, "idTokens"> = ports): Authenticator<Actor> {
  return {
    kind: "id-token",
    async authenticate({ headers }) {
      const token = /^Bearer (\S+)$/.exec(headers.authorization ?? "")?.[1];
      const decoded = token === undefined ? null : await source().idTokens.verify(token);
      if (decoded === null) return { ok: false, code: "unauthenticated", id: null };
      return { ok: true, caller: actorFrom(decoded), id: decoded.uid };
    },
  };
}

/** A partner's system, known by the client code it signs with. */
export interface Partner {
  clientCode: string;
  kind: PartnerKind;
}

/**
 * A partner's signed request (domain/partnerSignature.ts): headers `client_code`, `timestamp` and
 * `signature` (names in any case: Node lower-cases them, and the published Ruby and Go clients send
 * `Client_code`). Refused, in this order: malformed headers (`unauthenticated`, with the fields), a
 * timestamp more than the window away from our clock (`timestamp-out-of-window`), an unknown
 * client code or a signature that matches none of its keys (`signature-invalid`: the two are not
 * told apart), a partner not onboarded for this kind of endpoint or de-listed
 * (`partner-not-allowed`, 403), more calls in the last minute than the partner's limit
 * (`rate-limited`, 429), and a signature accepted before (`signature-replayed`, 409: the request
 * was genuine but was already carried out or is being carried out). Only a verified signature is
 * recorded, so unsigned traffic cannot fill the replay store or use up a partner's limit. A retry
 * is a new request: a new timestamp and so a new signature; the endpoint's own idempotency key
 * makes it safe. Cost: one read of the partner, one count, one write (the replay record).
 */
export function partnerSignature(
  kinds: readonly PartnerKind[],
  source: () => Pick<Ports, "partnerKeys" | "partners" | "usedSignatures" | "clock"> = ports,
  windowSeconds = SIGNATURE_WINDOW_SECONDS,
): Authenticator<Partner> {
  return {
    kind: "partner-signature",
    secrets: [partnerSignKeysSecret],
    async authenticate(request) {
      const headers = partnerSignatureHeaders.safeParse(signatureHeaders(request.headers));
      if (!headers.success) {
        const fields = fieldErrors(headers.error).map((f) => ({ ...f, field: `headers.${f.field}` }));
        return { ok: false, code: "unauthenticated", id: null, fields };
      }
      const { client_code: clientCode, timestamp, signature } = headers.data;
      const { partnerKeys, partners, usedSignatures, clock } = source();
      const now = clock.now();
      if (!withinWindow(Number(timestamp), now, windowSeconds)) return { ok: false, code: "timestamp-out-of-window", id: clientCode };
      const keys = await partnerKeys.signKeys(clientCode);
      const signed = {
        clientCode,
        timestamp,
        method: request.method,
        path: request.target,
        body: request.rawBody,
        authorization: request.headers.authorization,
      };
      if (!signatureMatches(keys, signed, signature)) return { ok: false, code: "signature-invalid", id: clientCode };
      const standing = await partners.standing(clientCode);
      if (standing === null || standing.status !== "active" || !kinds.includes(standing.kind))
        return { ok: false, code: "partner-not-allowed", id: clientCode };
      const recent = await partners.callsSince(clientCode, new Date(now.getTime() - 60_000));
      if (recent >= standing.callsPerMinute) return { ok: false, code: "rate-limited", id: clientCode };
      // Past the window's end the timestamp check refuses it anyway: no need to keep it longer.
      const expiresAt = new Date((Number(timestamp) + windowSeconds + 1) * 1000);
      if (!(await usedSignatures.recordOnce(signature, { clientCode, expiresAt }))) return { ok: false, code: "signature-replayed", id: clientCode };
      return { ok: true, caller: { clientCode, kind: standing.kind }, id: clientCode };
    },
    record: (partner, call) =>
      source().partners.recordCall(call.requestId, {
        clientCode: partner.clientCode,
        endpoint: call.endpoint,
        outcome: call.outcome,
        at: source().clock.now(),
      }),
  };
}

/**
 * The signature headers as the published clients send them (`client_code`, `timestamp`,
 * `signature`), or, for a partner whose own proxy drops header names with underscores (nginx does
 * by default), the same values under `X-Client-Code`, `X-Timestamp` and `X-Signature`.
 */
function signatureHeaders(headers: IncomingHttpHeaders): Record<string, unknown> {
  return {
    client_code: headers.client_code ?? headers["x-client-code"],
    timestamp: headers.timestamp ?? headers["x-timestamp"],
    signature: headers.signature ?? headers["x-signature"],
  };
}
