import { maskName, maskNik, maskPhone } from "../domain/privacy.js";
import { APPLICANT_VAULT_CONTEXT, personalData, type ApplicantDoc, type PersonalData } from "../schemas/applicant.js";
import { SMS_VAULT_CONTEXT, textablePhone } from "../schemas/notifications.js";
import type { Vault } from "./ports.js";

/** The fields of an applicant document that stand for the person's identity: the seal and the masked values. */
export type SealedPersonal = Pick<ApplicantDoc, "personal" | "nikMasked" | "nameMasked" | "phoneMasked" | "smsTo">;

/**
 * Seals a person's identity for their applicant document (context "applicant"), with the masked
 * values operators and messages show, and the phone sealed once more for the SMS outbox (context
 * "sms"). The keyed hashes (nikKey, kkKey) are the caller's: they need the NIK hashing key, not
 * the vault.
 */
export async function sealPersonal(vault: Pick<Vault, "seal">, person: PersonalData): Promise<SealedPersonal> {
  const { nik, kk, fullName, phone, birthDate } = person;
  return {
    personal: await vault.seal({ nik, kk, fullName, phone, birthDate }, APPLICANT_VAULT_CONTEXT),
    nikMasked: maskNik(nik),
    nameMasked: maskName(fullName),
    phoneMasked: maskPhone(phone),
    ...(textablePhone(phone) ? { smsTo: await vault.seal({ phone }, SMS_VAULT_CONTEXT) } : {}),
  };
}

/**
 * Opens an applicant's sealed identity. Throws when the seal does not open (a key retired too
 * early, altered bytes) or holds something else: that is a fault to see, never a person to skip.
 */
export async function openPersonal(vault: Pick<Vault, "open">, applicant: Pick<ApplicantDoc, "personal">): Promise<PersonalData> {
  return personalData.parse(await vault.open(applicant.personal, APPLICANT_VAULT_CONTEXT));
}
