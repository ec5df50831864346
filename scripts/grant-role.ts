import { randomUUID } from "node:crypto";
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { commandLine, useProjectOrEmulators } from "./commandLine.js";

/**
 * `npm run grant-role -- --email E --role R [--region CODE] [--partner CLIENT_CODE] [--project ID]`
 * Gives an account a role through the same use case as the grantRole callable, with its audit
 * record (grantedBy "command:<os user>"). Without --project it talks to the local emulators; with
 * --project it uses the Application Default Credentials of whoever runs it (gcloud auth
 * application-default login), which is how the first program admin is made in production.
 */
const USAGE =
  "Usage: npm run grant-role -- --email someone@example.id --role operator|admin|auditor|applicant|partner [--region 31] [--partner lpk-nusantara] [--project ID]";

const values = commandLine(USAGE, () =>
  parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string" },
      region: { type: "string" },
      partner: { type: "string" },
      help: { type: "boolean" },
      project: { type: "string" },
      "request-id": { type: "string" },
    },
  }),
);

useProjectOrEmulators(values.project);

const { grantRoleInput, fieldErrors } = await import("../functions/src/schemas/index.js");
const { grantRole } = await import("../functions/src/usecases/grantRole.js");
const { ports } = await import("../functions/src/composition.js");

const parsed = grantRoleInput.safeParse({
  requestId: values["request-id"] ?? randomUUID(),
  email: values.email,
  role: values.role,
  region: values.region,
  partner: values.partner,
});
if (!parsed.success) {
  for (const error of fieldErrors(parsed.error)) console.error(`--${error.field}: ${error.message.id} / ${error.message.en}`);
  console.error(USAGE);
  process.exit(2);
}

const actor = { uid: `command:${userInfo().username}`, claims: { role: "admin" as const } };
const outcome = await grantRole(ports(), actor, parsed.data, "command");
if (!outcome.ok) {
  // The details name what was refused (the region code it got), never personal data.
  console.error(`Refused: ${outcome.reason}${outcome.details === undefined ? "" : ` ${JSON.stringify(outcome.details)}`}`);
  process.exit(1);
}
const { uid, role, region, partner, applied } = outcome.value;
console.log(
  `${applied ? "Granted" : "Already granted"}: ${uid} is now ${role}${region ? ` of region ${region}` : ""}${partner ? ` of partner ${partner}` : ""} (request ${parsed.data.requestId}). The account gets the role at its next sign-in or token refresh.`,
);
process.exit(0);
