import type { FieldError } from "@schemas";
import type { RefusalOf } from "@schemas/contract.js";
import { fieldErrors } from "@schemas/messages.js";
import { linkPayoutAccountInput } from "@schemas/payouts.js";
import type { z } from "zod";
import { channelsOf, institutionsOf, type PaymentPartnerCode, type PayoutChannel } from "../../data/paymentPartners.js";
import { enMyPayouts } from "../../i18n/en.myPayouts.js";
import { idMyPayouts } from "../../i18n/id.myPayouts.js";

/** The account form, checked with the very schema the linkPayoutAccount callable parses. */

export interface LinkValues {
  /** "" while nothing is chosen. */
  partner: PaymentPartnerCode | "";
  channel: PayoutChannel | "";
  institution: string;
  accountNumber: string;
}

export const LINK_FIELDS = ["partner", "channel", "institution", "accountNumber"] as const;
export type LinkField = (typeof LINK_FIELDS)[number];
/** Problems that belong to no field are shown for the whole form. */
export type LinkErrors = Partial<Record<LinkField | "form", FieldError>>;
export type LinkInput = z.output<typeof linkPayoutAccountInput>;

export const EMPTY_LINK: LinkValues = { partner: "", channel: "", institution: "", accountNumber: "" };

/**
 * The values after a change: a partner with one channel has it chosen, and a channel or a bank the
 * new partner does not offer is cleared (and one it offers alone is chosen).
 */
export function withChange(values: LinkValues, change: Partial<LinkValues>): LinkValues {
  const next = { ...values, ...change };
  if (change.partner === undefined && change.channel === undefined) return next;
  const channels = next.partner === "" ? [] : channelsOf(next.partner);
  const channel: PayoutChannel | "" = channels.length === 1 ? (channels[0] ?? "") : (channels.find((offered) => offered === next.channel) ?? "");
  const institutions = next.partner === "" || channel === "" ? [] : institutionsOf(next.partner, channel);
  const institution = institutions.includes(next.institution) ? next.institution : institutions.length === 1 ? (institutions[0] ?? "") : "";
  return { ...next, channel, institution };
}

/** The refusals of linkPayoutAccount each concern one field of the form. */
export const LINK_REFUSAL_FIELDS: Record<RefusalOf<"linkPayoutAccount">, LinkField | "form"> = {
  "not-participant": "form",
  "institution-not-offered": "institution",
  "account-not-found": "accountNumber",
  "account-name-mismatch": "accountNumber",
  "partner-unavailable": "partner",
};

const REQUIRED = { id: idMyPayouts["myPayouts.link.required"], en: enMyPayouts["myPayouts.link.required"] };

const isLinkField = (field: string): field is LinkField => LINK_FIELDS.some((known) => known === field);

/** One message per field (the first), as the server would report them. */
export function errorsByField(list: readonly FieldError[]): LinkErrors {
  const errors: LinkErrors = {};
  for (const error of list) {
    const key = isLinkField(error.field) ? error.field : "form";
    errors[key] ??= error;
  }
  return errors;
}

export function checkLink(values: LinkValues, requestId: string): { ok: true; input: LinkInput } | { ok: false; errors: LinkErrors } {
  // A choice not made yet reads "choose one", not the schema's list of allowed values.
  const missing: FieldError[] = (["partner", "channel", "institution"] as const)
    .filter((field) => values[field] === "")
    .map((field) => ({ field, code: "required", message: { ...REQUIRED } }));
  const parsed = linkPayoutAccountInput.safeParse({ ...values, requestId });
  if (missing.length === 0 && parsed.success) return { ok: true, input: parsed.data };
  const schemaErrors = parsed.success ? [] : fieldErrors(parsed.error).filter((error) => !missing.some((m) => m.field === error.field));
  return { ok: false, errors: errorsByField([...missing, ...schemaErrors]) };
}

/** What identifies one submission: the same values sent again reuse its request ID (a retried tap links once). */
export const submissionKey = (values: LinkValues): string => JSON.stringify(values);
