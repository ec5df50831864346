import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { createConnection } from "node:net";

/** A child started in its own process group, so stopping it also stops what it started. */
export interface Managed {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

export function startGroup(name: string, command: string, args: string[], options: SpawnOptions): Managed {
  const child = spawn(command, args, { ...options, detached: true });
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", () => resolve(-1));
  });
  return { name, child, exited };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks the group to stop with `signal`, then kills whatever is left after `graceMs`. */
export async function stopGroup(managed: Managed, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  const pid = managed.child.pid;
  if (pid === undefined) return;
  signalGroup(pid, signal);
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pid)) signalGroup(pid, "SIGKILL");
  while (groupAlive(pid)) await sleep(50);
}

export function portInUse(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Polls `url` until it answers (any HTTP status) or `timeoutMs` passes. */
export async function waitForHttp(url: string, timeoutMs: number, stillRunning: () => boolean = () => true): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && stillRunning()) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return true;
    } catch {
      await sleep(250);
    }
  }
  return false;
}
