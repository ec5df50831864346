import type { Lang } from "@schemas";
import type { Refusal } from "@schemas/contract.js";
import { REFUSAL_TEXT } from "@schemas/refusalMessages.js";

/** A callable's refusal, in the words the functions send (schemas/refusalMessages.ts). */
export interface RefusalNotice<R extends Refusal = Refusal> {
  kind: "refusal";
  reason: R;
  text: { id: string; en: string };
}

/** A failure that carries no refusal (session ended, offline, unexpected), in this app's words. */
export interface MessageNotice<Key extends string> {
  kind: "message";
  message: Key;
}

export type Notice<R extends Refusal, Key extends string> = RefusalNotice<R> | MessageNotice<Key>;

export const refusalNotice = <R extends Refusal>(reason: R): RefusalNotice<R> => ({ kind: "refusal", reason, text: REFUSAL_TEXT[reason] });

export const noticeText = <Key extends string>(notice: Notice<Refusal, Key>, lang: Lang, t: (key: Key) => string): string =>
  notice.kind === "refusal" ? notice.text[lang] : t(notice.message);
