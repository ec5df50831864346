import { invoiceKey } from "../domain/training/codes.js";
import type { Actor } from "../domain/roles.js";
import { PAYOUT_ACCOUNT_VAULT_CONTEXT, payoutDestinationSecret, type PayoutAccountDoc } from "../schemas/payouts.js";
import type { JsonRecord, JsonValue, MyData } from "../schemas/personalAccess.js";
import { openPersonal } from "./personalData.js";
import type { AuditLog, Clock, PayoutAccounts, PayoutCases, PayoutStore, Registrations, SubjectRecords, TrainingStore, Vault } from "./ports.js";

export interface DownloadMyDataPorts {
  registrations: Pick<Registrations, "applicant" | "timeline">;
  training: Pick<TrainingStore, "vouchersOf" | "purchase" | "paymentTokensOf">;
  payouts: Pick<PayoutStore, "ofParticipant">;
  payoutAccounts: Pick<PayoutAccounts, "get">;
  payoutCases: Pick<PayoutCases, "ofParticipant">;
  subjectRecords: SubjectRecords;
  vault: Pick<Vault, "open">;
  audit: AuditLog;
  clock: Clock;
}

/**
 * The right of access (UU PDP art. 7): everything held about the signed-in person, read by their
 * uid from every collection that holds it (README, "Personal-data vault", lists them), as JSON.
 * Their NIK, KK, name, phone and birth date are opened from the vault; what only the program can
 * use is left out: the seals, the keyed hashes (nikKey, kkKey, familyPid, accountKey, token and
 * OTP hashes). The payout account's number and holder's name are opened too: they are theirs. The act is recorded on the audit log (`download-own-data`, actor and target the
 * person, key the request ID) before the copy is returned. Not kept here: the `mail` and `sms`
 * outboxes (addresses, deleted within days) and operators' records (roleGrants, operatorDays).
 */
export async function downloadMyData(ports: DownloadMyDataPorts, actor: Actor, requestId: string): Promise<MyData> {
  const { uid } = actor;
  const [applicant, timeline, vouchers, tokens, entitlement, inbox, account, installments, cases, clawbacks] = await Promise.all([
    ports.registrations.applicant(uid),
    ports.registrations.timeline(uid),
    ports.training.vouchersOf(uid),
    ports.training.paymentTokensOf(uid),
    ports.subjectRecords.entitlement(uid),
    ports.subjectRecords.inbox(uid),
    ports.payoutAccounts.get(uid),
    ports.payouts.ofParticipant(uid),
    ports.payoutCases.ofParticipant(uid),
    ports.subjectRecords.clawbacksOf(uid),
  ]);
  const purchases = await Promise.all(vouchers.map((voucher) => ports.training.purchase(invoiceKey(voucher.platformCode, voucher.invoiceCode))));

  let registration: JsonRecord | null = null;
  if (applicant !== null) {
    const { personal: _sealed, smsTo: _smsSealed, nikKey: _nikKey, kkKey: _kkKey, familyPid: _familyPid, ...held } = applicant;
    registration = jsonRecord({ ...(await openPersonal(ports.vault, applicant)), ...held });
  }
  const now = ports.clock.now();
  await ports.audit.append({ act: "download-own-data", actor: uid, role: actor.claims.role, target: uid, key: requestId, at: now });

  return {
    format: "prakerja-my-data/1",
    madeAt: now.toISOString(),
    uid,
    registration,
    timeline: timeline.map(jsonRecord),
    notifications: inbox.map(({ key, doc }) => jsonRecord({ key, ...doc })),
    training: {
      vouchers: vouchers.map(jsonRecord),
      purchases: purchases.flatMap((purchase) => {
        if (purchase === null) return [];
        const { tokenHash: _tokenHash, ...kept } = purchase;
        return [jsonRecord(kept)];
      }),
      paymentTokens: tokens.map(({ token }) => {
        const { otpHash: _otpHash, ...kept } = token;
        return jsonRecord(kept);
      }),
      entitlement: entitlement === null ? null : jsonRecord(entitlement),
    },
    payouts: {
      account: account === null ? null : jsonRecord(await openedAccount(ports.vault, account)),
      installments: installments.map(({ id, payout, events }) => jsonRecord({ id, ...payout, events })),
      cases: cases.map(({ id, doc }) => jsonRecord({ id, ...doc })),
      clawbacks: clawbacks.map(({ installmentId, doc, repayments }) => jsonRecord({ installmentId, ...doc, repayments })),
    },
  };
}

/** The payout account with its number and holder's name opened (context "payout-account"), without the seal and the keyed hash. */
async function openedAccount(vault: Pick<Vault, "open">, account: PayoutAccountDoc) {
  const { destination, accountKey: _accountKey, ...kept } = account;
  return { ...payoutDestinationSecret.parse(await vault.open(destination, PAYOUT_ACCOUNT_VAULT_CONTEXT)), ...kept };
}

/** A stored value as JSON carries it: dates as ISO 8601, `undefined` left out. */
export function toJson(value: unknown): JsonValue {
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object") return jsonRecord(value);
  return null;
}

function jsonRecord(value: object): JsonRecord {
  const out: JsonRecord = {};
  for (const [key, inner] of Object.entries(value)) if (inner !== undefined) out[key] = toJson(inner);
  return out;
}
