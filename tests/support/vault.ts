import { randomBytes } from "node:crypto";
import { MEMORY_VAULT_KEYS } from "../../functions/src/adapters/memory/index.js";
import { maskName, maskNik, maskPhone } from "../../functions/src/domain/privacy.js";
import { open, seal, type KeyEncryptionKeys, type SealedDoc } from "../../functions/src/domain/vault/envelope.js";
import { APPLICANT_VAULT_CONTEXT, personalData, type ApplicantDoc, type PersonalData } from "../../functions/src/schemas/applicant.js";
import { SMS_VAULT_CONTEXT } from "../../functions/src/schemas/notifications.js";
import { PAYOUT_ACCOUNT_VAULT_CONTEXT } from "../../functions/src/schemas/payouts.js";
import type { SealedPersonal } from "../../functions/src/usecases/personalData.js";

/**
 * Tests that write applicant documents directly seal them as the register use case does
 * (usecases/personalData.ts sealPersonal), synchronously: under the memory vault's key in the unit
 * suite, under the local VAULT_KEYS (tests/support/secrets.ts vaultKeys) against the emulators, so
 * the functions open what the tests seal.
 */
export function sealedPerson(person: PersonalData, keys: KeyEncryptionKeys = MEMORY_VAULT_KEYS): SealedPersonal {
  const random = (bytes: number) => randomBytes(bytes);
  const { nik, kk, fullName, phone, birthDate } = person;
  return {
    personal: seal({ nik, kk, fullName, phone, birthDate }, APPLICANT_VAULT_CONTEXT, keys, random),
    nikMasked: maskNik(nik),
    nameMasked: maskName(fullName),
    phoneMasked: maskPhone(phone),
    smsTo: seal({ phone }, SMS_VAULT_CONTEXT, keys, random),
  };
}

/** An applicant's identity, opened (what the reveal and the person's own views show). */
export function openedPerson(applicant: Pick<ApplicantDoc, "personal">, keys: KeyEncryptionKeys = MEMORY_VAULT_KEYS): PersonalData {
  return personalData.parse(open(applicant.personal, APPLICANT_VAULT_CONTEXT, keys));
}

/** A sealed value of another context opened (an `sms` document's number: context "sms"; a payout account: "payout-account"). */
export function opened(sealed: SealedDoc, context: string, keys: KeyEncryptionKeys = MEMORY_VAULT_KEYS): Record<string, string> {
  return open(sealed, context, keys);
}

/** A payout account's `destination` as linkPayoutAccount seals it (context "payout-account"). */
export function sealedDestination(accountNumber: string, holderName: string, keys: KeyEncryptionKeys = MEMORY_VAULT_KEYS): SealedDoc {
  return seal({ accountNumber, holderName }, PAYOUT_ACCOUNT_VAULT_CONTEXT, keys, (bytes) => randomBytes(bytes));
}
