import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { adminAuth, adminDb } from "../support/admin.js";
import { signUp } from "../support/stack.js";

/** The `npm run grant-role` command against the local emulators, run as a program admin runs it. */

const run = promisify(execFile);
const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");

async function grantRoleCommand(args: string[]) {
  try {
    const { stdout } = await run(process.execPath, [tsx, "scripts/grant-role.ts", ...args]);
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, out: failed.stderr };
  }
}

describe("grant-role command", () => {
  it("when run with an email and a role, then the role is set and the grant audited as a command", async () => {
    const target = await signUp("command-target");
    const result = await grantRoleCommand(["--email", target.email, "--role", "operator", "--region", "52"]);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Granted: ${target.uid} is now operator of region 52`);
    expect((await adminAuth.getUser(target.uid)).customClaims).toEqual({ role: "operator", region: "52" });
    const grants = await adminDb.collection("roleGrants").where("targetUid", "==", target.uid).get();
    expect(grants.docs.map((d) => d.data())).toMatchObject([{ role: "operator", region: "52", via: "command", grantedBy: expect.stringMatching(/^command:/) }]);
  });

  it("when the region is missing for an operator, then it exits 2 naming the field in both languages", async () => {
    const result = await grantRoleCommand(["--email", "someone@example.id", "--role", "operator"]);
    expect(result.code).toBe(2);
    expect(result.out).toContain("--region: Operator wajib memiliki kode wilayah. / An operator needs a region code.");
  });
});
