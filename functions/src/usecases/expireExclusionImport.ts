import { importExpiry } from "../domain/exclusionVersions.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import type { TaskPayload } from "../schemas/tasks.js";
import type { ExclusionImports, Ports } from "./ports.js";

export type ExpireImportRefusal = "import-not-found" | "import-finished" | "not-yet-due";

export type ExpireImportPorts = Pick<Ports, "clock"> & { imports: Pick<ExclusionImports, "expire"> };

/**
 * Fails an exclusion-list import that nothing will finish any more: one still `running` after its
 * function's timeout (domain/exclusionVersions.ts), whose instance crashed or was stopped. The
 * import enqueues this as it begins, to run just after that timeout. A completed or failed import
 * is left as it is; so is one still within its time (the local emulator runs the task at once).
 */
export async function expireExclusionImport(
  ports: ExpireImportPorts,
  { type, version }: TaskPayload<"expireExclusionImport">,
): Promise<Outcome<{ type: typeof type; version: number; startedAt: Date }, ExpireImportRefusal>> {
  const now = ports.clock.now();
  const found = await ports.imports.expire(type, version, now);
  if (found === null) return refused("import-not-found");
  switch (importExpiry(found, now)) {
    case "finished":
      return refused("import-finished", { status: found.status });
    case "not-yet-due":
      return refused("not-yet-due");
    case "expire":
      return done({ type, version, startedAt: found.startedAt });
  }
}
