import { spawn } from "node:child_process";
import { ROOT } from "./stack/config.js";

/** Runs a command in the project root with inherited output; resolves to its exit code. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.once("error", () => resolve(1));
  });
}

export async function mustRun(step: string, command: string, args: string[]): Promise<void> {
  const code = await run(command, args);
  if (code !== 0) {
    console.error(`\n✖ ${step} failed (exit ${code}).`);
    process.exit(code);
  }
}
