import { done, refused, type Outcome } from "../domain/outcome.js";
import { invitationKey, invitationText } from "../domain/priority.js";
import { maskPhone } from "../domain/privacy.js";
import { outboxExpiry, SMS_VAULT_CONTEXT, type SmsDoc } from "../schemas/notifications.js";
import { PRIORITY_VAULT_CONTEXT } from "../schemas/priority.js";
import type { TaskPayload } from "../schemas/tasks.js";
import { INVITATION_PAGE, invitationTaskKey } from "./importPriorityList.js";
import type { Ports } from "./ports.js";

export type InvitePriorityRefusal = "import-not-found" | "not-current" | "page-done";

export interface InvitationPageResult {
  listId: string;
  version: number;
  page: number;
  /** Entries read on this page, of them registered, and invited now. */
  read: number;
  registered: number;
  invited: number;
  /** Whether the pass reached the end of the version. */
  last: boolean;
}

/**
 * One page of the invitation pass over a priority list's version (enqueued by its import, then by
 * each page for the next): of up to 200 entries in keyed-NIK order, people not registered whose row
 * had a mobile number and who were never invited to this list get one SMS (Bahasa Indonesia,
 * domain/priority.ts `invitationText`) through the SMS outbox (`sms/{key}`, sent by deliverSms),
 * keyed once per list and person. The number is opened from its priority seal and sealed again for
 * the SMS sender here; it goes nowhere else. The page's invitations, counts and cursor are written
 * in one transaction that a duplicate delivery (cursor moved) skips; the next page's task is
 * enqueued after it, under a key of its own, so a retried page never forks the pass.
 * A version no longer current stops (a newer import runs its own pass).
 */
export async function invitePriorityList(
  ports: Pick<Ports, "priorityLists" | "vault" | "clock" | "tasks">,
  payload: TaskPayload<"invitePriorityList">,
  pageSize: number = INVITATION_PAGE,
): Promise<Outcome<InvitationPageResult, InvitePriorityRefusal>> {
  const { listId, version, page, after } = payload;
  const [record, list] = await Promise.all([ports.priorityLists.findImport(listId, version), ports.priorityLists.get(listId)]);
  if (record === null || list === null || record.status !== "completed") return refused("import-not-found");
  if (list.currentVersion !== version) return refused("not-current");
  const invitees = await ports.priorityLists.invitees(listId, version, after, pageSize);
  const at = ports.clock.now();
  const expiresAt = outboxExpiry("priority-invitation", at);
  const body = invitationText();
  const invitations: Array<{ nikKey: string; key: string; sms: SmsDoc }> = [];
  for (const invitee of invitees) {
    if (invitee.registered || invitee.invited || invitee.phone === undefined) continue;
    const { phone } = await ports.vault.open(invitee.phone, PRIORITY_VAULT_CONTEXT);
    if (phone === undefined) continue;
    const to = await ports.vault.seal({ phone }, SMS_VAULT_CONTEXT);
    invitations.push({
      nikKey: invitee.nikKey,
      key: invitationKey(listId, invitee.nikKey),
      // No account yet: the uid is empty, and no inbox or mail copy exists.
      sms: { to, toMasked: maskPhone(phone), body, kind: "priority-invitation", uid: "", createdAt: at, expiresAt },
    });
  }
  const next = invitees.length < pageSize ? null : invitees.at(-1)!.nikKey;
  const registered = invitees.filter((invitee) => invitee.registered).length;
  const written = await ports.priorityLists.recordInvitations(listId, version, { after, next, registered, invitations, at });
  // Enqueued whether or not this delivery wrote the page: a run that wrote it and died before enqueuing is finished by its retry.
  if (next !== null)
    await ports.tasks.enqueue("invitePriorityList", { listId, version, page: page + 1, after: next }, { key: invitationTaskKey(listId, version, page + 1) });
  if (!written) return refused("page-done");
  return done({ listId, version, page, read: invitees.length, registered, invited: invitations.length, last: next === null });
}
