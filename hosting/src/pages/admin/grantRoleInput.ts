import type { FieldError, Role } from "@schemas";
import { fieldErrors } from "@schemas/messages.js";
import { grantRoleInput, type GrantRoleInput } from "@schemas/roles.js";

/** The grant-role form, checked with the very schema the grantRole callable parses. */

export const GRANT_FIELDS = ["email", "role", "region", "partner"] as const;
export type GrantField = (typeof GRANT_FIELDS)[number];
/** Problems that belong to no visible field (e.g. the request ID) are shown for the whole form. */
export type GrantErrors = Partial<Record<GrantField | "form", FieldError>>;

export const ROLE_OPTIONS: readonly Role[] = grantRoleInput.shape.role.options;

export interface GrantValues {
  email: string;
  role: Role;
  region: string;
  /** Partner staff: their partner's client code. */
  partner: string;
}

function isGrantField(field: string): field is GrantField {
  return (GRANT_FIELDS as readonly string[]).includes(field);
}

function inputOf(values: GrantValues, requestId: string): { requestId: string; email: string; role: Role; region?: string; partner?: string } {
  const input = { requestId, email: values.email.trim(), role: values.role };
  const region = values.region.trim();
  const partner = values.partner.trim();
  // Likewise the partner code, shown only for partner staff.
  if (values.role === "partner") return partner === "" ? input : { ...input, partner };
  // The region field is only shown for operators; a value left in it for another role is dropped.
  // No region means no key at all: the callable SDK would send `region: undefined` as null,
  // which the schema refuses.
  return values.role === "operator" && region !== "" ? { ...input, region } : input;
}

/** One message per field (the first), as the server would report them. */
export function errorsByField(list: FieldError[]): GrantErrors {
  const errors: GrantErrors = {};
  for (const error of list) {
    const key = isGrantField(error.field) ? error.field : "form";
    errors[key] ??= error;
  }
  return errors;
}

export type Checked = { ok: true; input: GrantRoleInput } | { ok: false; errors: GrantErrors };

export function checkGrant(values: GrantValues, requestId: string): Checked {
  const parsed = grantRoleInput.safeParse(inputOf(values, requestId));
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, errors: errorsByField(fieldErrors(parsed.error)) };
}

/** Same key, same submission: a retry of it reuses its request ID, so it is recorded once. */
export function submissionKey(values: GrantValues): string {
  const { email, role, region, partner } = inputOf(values, "");
  return JSON.stringify([email.toLowerCase(), role, region ?? "", partner ?? ""]);
}
