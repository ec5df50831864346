import type { Lang } from "@schemas";
import { partitionDocId, type RedriveClosePartitionResult } from "@schemas/closeRedrive.js";
import { isRefusalOf } from "@schemas/contract.js";
import { REFUSAL_TEXT } from "@schemas/refusalMessages.js";
import { callableFailure } from "../../data/callableError.js";
import { jakartaTime } from "../../format.js";
import type { CloseProgressMessageId } from "../../i18n/closeProgress.js";
import type { Translate } from "../../i18n/index.js";
import { consoleFailure } from "./consoleFailure.js";

/** What the console says after a re-drive: done, or why not (the reason code kept for tests and styles). */
export interface RedriveAnswer {
  ok: boolean;
  reason?: string;
  text: string;
}

export function redriveDone(result: RedriveClosePartitionResult, t: Translate<CloseProgressMessageId>): RedriveAnswer {
  const values = { partition: partitionDocId(result.partition), attempt: result.attempt };
  return { ok: true, text: t(result.redriven ? "close.redriven" : "close.redrivenBefore", values) };
}

/**
 * A refusal of redriveClosePartition in the reader's words: what was found (the partition's state
 * in words, since when and when it would count as stalled, in Jakarta time) comes from the
 * refusal's details; the other refusals use their shared texts, their `{…}` places filled.
 */
export function redriveRefused(error: unknown, lang: Lang, t: Translate<CloseProgressMessageId>): RedriveAnswer {
  const { reason } = callableFailure(error);
  const details = detailsOf(error);
  const at = (key: string) => {
    const value = details[key];
    return typeof value === "string" && !Number.isNaN(Date.parse(value)) ? jakartaTime(new Date(value), lang) : "—";
  };
  const partition = typeof details.partition === "number" ? partitionDocId(details.partition) : "";
  if (reason === "partition-not-stalled") {
    const state = details.state === "running" || details.state === "pending" ? t(`close.state.${details.state}`) : String(details.state);
    return { ok: false, reason, text: t("close.notStalled", { partition, state, since: at("since"), stallsAt: at("stallsAt") }) };
  }
  if (reason === "partition-done") return { ok: false, reason, text: t("close.partitionDone", { partition, at: at("finishedAt") }) };
  if (isRefusalOf("redriveClosePartition", reason)) {
    const text = REFUSAL_TEXT[reason][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in details ? String(details[name]) : whole));
    return { ok: false, reason, text };
  }
  const failure = consoleFailure("redriveClosePartition", error);
  return {
    ok: false,
    text:
      failure.kind === "fields" ? failure.errors.map((e) => e.message[lang]).join(" ") : failure.kind === "refusal" ? failure.text[lang] : t(failure.message),
  };
}

function detailsOf(error: unknown): Record<string, unknown> {
  const details = error !== null && typeof error === "object" ? (error as { details?: unknown }).details : undefined;
  return details !== null && typeof details === "object" ? (details as Record<string, unknown>) : {};
}
