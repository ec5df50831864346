import type { VerificationCase, VerificationCasesPage } from "@schemas";
import { isRefusalOf, type ListVerificationRefusal } from "@schemas/contract.js";
import type { QUEUE_STATES } from "@schemas/verification.js";
import { callableFailure } from "../../data/callableError.js";
import { refusalNotice, type Notice } from "../../data/refusals.js";
import type { DeskMessageId } from "../../i18n/desk.js";

/** The verification queue as the page holds it: the pages read so far, and the cases decided on it. */

export type QueueState = (typeof QUEUE_STATES)[number];
export type QueueNotice = Notice<ListVerificationRefusal, DeskMessageId>;
export type Cursor = VerificationCasesPage["next"];

export interface Queue {
  cases: VerificationCase[];
  next: Cursor;
}

/** A further page joins the list; a case already shown (it moved while paging) is not shown twice. */
export function withPage(queue: Queue, page: VerificationCasesPage): Queue {
  const shown = new Set(queue.cases.map((entry) => entry.uid));
  return { cases: [...queue.cases, ...page.cases.filter((entry) => !shown.has(entry.uid))], next: page.next };
}

/** A decided case leaves the queue at once (the next read would not list it either). */
export const without = (queue: Queue, uid: string): Queue => ({ ...queue, cases: queue.cases.filter((entry) => entry.uid !== uid) });

const BY_CODE: Partial<Record<string, DeskMessageId>> = { unauthenticated: "desk.queue.unauthenticated" };

/** What to show for an error thrown by the listVerificationCases callable. */
export function queueFailure(error: unknown): QueueNotice {
  const { code, reason } = callableFailure(error);
  if (isRefusalOf("listVerificationCases", reason)) return refusalNotice(reason);
  if (code === "permission-denied") return refusalNotice("not-operator-or-admin");
  return { kind: "message", message: BY_CODE[code] ?? "desk.queue.other" };
}
