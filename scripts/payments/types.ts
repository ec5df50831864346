import type { AccountBook } from "./accounts.js";
import type { FaultRules } from "./faults.js";
import type { Ledger } from "./ledger.js";
import type { PayoutContext } from "./payouts.js";

/** A request to one simulated partner (`/<code>/…`). */
export interface PartnerRequest {
  partner: string;
  method: string;
  /** The path and query as received, `/<code>/v1.0/…`: what SNAP signs. */
  url: string;
  /** The path below the partner's code, without the query. */
  subpath: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
}

/** What the simulator answers; `delayMs` holds the answer back (the `timeoutMs` fault). */
export interface Answer {
  status: number;
  json?: unknown;
  text?: string;
  contentType?: string;
  delayMs?: number;
}

export interface SimulatorState {
  ledger: Ledger;
  accounts: AccountBook;
  faults: FaultRules;
  /** SNAP B2B access tokens issued, by token. */
  tokens: Map<string, { partner: string; expiresAt: number }>;
  payoutContext: Omit<PayoutContext, "failure">;
}
