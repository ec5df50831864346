import { z } from "zod";
import { ROLES } from "../domain/roles.js";
import { clientCode } from "./partners.js";
import { regionScope } from "./region.js";

/** Custom claims as stored on an account; anything unreadable counts as a plain applicant. */
export const roleClaims = z.object({
  role: z.enum(ROLES),
  region: regionScope.optional(),
  partner: clientCode.optional(),
});

/** Input of the `grantRole` callable and of the `grant-role` command. */
export const grantRoleInput = z
  .object({
    /** Idempotency key chosen by the caller: a retry with the same key records one grant. */
    requestId: z.uuid(),
    email: z.email(),
    role: z.enum(ROLES),
    region: regionScope.optional(),
    /** Partner staff: the client code of their (onboarded) partner. */
    partner: clientCode.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.role === "partner" && value.partner === undefined) {
      ctx.addIssue({ code: "custom", path: ["partner"], message: "partner-required-for-partner-staff" });
    }
    if (value.role !== "partner" && value.partner !== undefined) {
      ctx.addIssue({ code: "custom", path: ["partner"], message: "partner-only-for-partner-staff" });
    }
    if (value.role === "operator" && value.region === undefined) {
      ctx.addIssue({ code: "custom", path: ["region"], message: "region-required-for-operator" });
    }
    if (value.role !== "operator" && value.region !== undefined) {
      ctx.addIssue({ code: "custom", path: ["region"], message: "region-only-for-operator" });
    }
  });
export type GrantRoleInput = z.infer<typeof grantRoleInput>;

export const grantRoleResult = z.object({
  uid: z.string(),
  role: z.enum(ROLES),
  region: z.string().optional(),
  partner: z.string().optional(),
  /** False when this requestId had already been applied (a retry). */
  applied: z.boolean(),
});
export type GrantRoleResult = z.infer<typeof grantRoleResult>;
