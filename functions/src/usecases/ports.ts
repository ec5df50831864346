import type { RoleClaims } from "../domain/roles.js";
import type { RoleGrantDoc, WaveDoc, WaveEventDoc } from "../schemas/documents.js";
import type { WaveState } from "../domain/wave.js";

/** What use cases need from the outside world. Adapters implement these over Firebase. */

export interface Accounts {
  uidByEmail(email: string): Promise<string | null>;
  setRole(uid: string, claims: RoleClaims): Promise<void>;
}

export interface RoleGrants {
  find(requestId: string): Promise<RoleGrantDoc | null>;
  /** Records the grant under its idempotency key; false when that key was already recorded. */
  recordOnce(requestId: string, grant: RoleGrantDoc): Promise<boolean>;
}

export interface Waves {
  /** Waves not yet closed (a handful at any time). */
  unfinished(): Promise<Array<{ id: string; wave: WaveDoc }>>;
  /**
   * Moves a wave forward to `to` in one transaction with its event record, re-reading
   * the wave so a concurrent run cannot move it backwards. Returns the state it ended in.
   */
  advance(id: string, to: WaveState, event: WaveEventDoc): Promise<WaveState>;
}

export interface Clock {
  now(): Date;
}
