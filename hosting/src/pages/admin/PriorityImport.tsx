import { useState } from "preact/hooks";
import { importPriorityListResult, type ImportPriorityListResult } from "@schemas/priority.js";
import { Field } from "../../components/Field.js";
import { Loaded } from "../../components/Loaded.js";
import { loadPriorityLists } from "../../data/priorityLists.js";
import { useLoad } from "../../data/useLoad.js";
import { app, auth, onEmulators, REGION } from "../../firebase.js";
import { useConsoleLang } from "../../i18n/console.js";
import { NdjsonReader } from "./importStream.js";

type State =
  | { kind: "idle" }
  | { kind: "running"; entries: number; rejectedLines: number }
  | { kind: "done"; result: ImportPriorityListResult }
  | { kind: "failed"; message: { id: string; en: string } | null };

const TEXTS = ["listId", "name", "description", "source"] as const;
type Texts = Record<(typeof TEXTS)[number], string>;

/** The import function's URL, as the exclusion import's (importStream.ts importUrl). */
function priorityImportUrl(texts: Texts): string {
  const projectId = app.options.projectId ?? "";
  const base = onEmulators
    ? `http://127.0.0.1:5001/${projectId}/${REGION}/importPriorityList`
    : `https://${REGION}-${projectId}.cloudfunctions.net/importPriorityList`;
  return `${base}?${new URLSearchParams(texts).toString()}`;
}

/** The error object of an NDJSON answer line, when it carries the refusal's text in both languages. */
function messageOf(error: unknown): { id: string; en: string } | null {
  if (error === null || typeof error !== "object" || !("message" in error)) return null;
  const message = error.message;
  return message !== null &&
    typeof message === "object" &&
    "id" in message &&
    "en" in message &&
    typeof message.id === "string" &&
    typeof message.en === "string"
    ? { id: message.id, en: message.en }
    : null;
}

/**
 * Importing a priority list from the console: its ID, name, who is on it and its source, and the
 * file (a NIK column, and a mobile-number column for the invitations). The answer streams progress
 * as the exclusion import's does; below, every list with its current version and counts.
 */
export function PriorityImport() {
  const { lang, t } = useConsoleLang();
  const [texts, setTexts] = useState<Texts>({ listId: "", name: "", description: "", source: "" });
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  const [version, setVersion] = useState(0);
  const lists = useLoad(loadPriorityLists, [version]);

  const start = async (event: Event) => {
    event.preventDefault();
    if (state.kind === "running" || file === null) return;
    setState({ kind: "running", entries: 0, rejectedLines: 0 });
    try {
      const idToken = await auth.currentUser?.getIdToken();
      if (idToken === undefined) return setState({ kind: "failed", message: null });
      const response = await fetch(priorityImportUrl(texts), {
        method: "POST",
        headers: { Authorization: `Bearer ${idToken}`, "Content-Type": "text/csv" },
        body: await file.arrayBuffer(),
      });
      const reader = new NdjsonReader();
      const lines = [...reader.push(await response.text()), ...reader.push("\n"), ...reader.end()];
      let final: State = { kind: "failed", message: null };
      for (const line of lines) {
        if (line.kind === "progress") setState({ kind: "running", entries: line.entries, rejectedLines: line.rejectedLines });
        else if (line.kind === "error") final = { kind: "failed", message: messageOf(line.error) };
        else {
          const parsed = importPriorityListResult.safeParse(line.result);
          if (parsed.success) final = { kind: "done", result: parsed.data };
        }
      }
      setState(final);
      setVersion((v) => v + 1);
    } catch (error) {
      console.error(error);
      setState({ kind: "failed", message: null });
    }
  };

  return (
    <section aria-labelledby="priority-import-title" class="stack">
      <h2 id="priority-import-title">{t("console.priority.title")}</h2>
      <form class="form card" noValidate onSubmit={(e) => void start(e)} aria-busy={state.kind === "running"} data-testid="priority-import-form">
        {TEXTS.map((field) => (
          <Field key={field} id={`priority-${field}`} label={t(`console.priority.${field}`)}>
            {(control) => <input {...control} type="text" value={texts[field]} onInput={(e) => setTexts({ ...texts, [field]: e.currentTarget.value })} />}
          </Field>
        ))}
        <Field id="priority-file" label={t("console.priority.file")} hint={t("console.priority.fileHint")}>
          {(control) => <input {...control} type="file" accept=".csv,.txt,text/csv,text/plain" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />}
        </Field>
        <div class="actions">
          <button type="submit" disabled={state.kind === "running" || file === null}>
            {state.kind === "running" ? t("console.import.running") : t("console.priority.start")}
          </button>
        </div>
      </form>
      {state.kind === "running" && <p role="status">{t("console.priority.progress", { entries: state.entries, rejectedLines: state.rejectedLines })}</p>}
      {state.kind === "done" && (
        <p role="status" class="notice" data-testid="priority-import-done">
          {t("console.priority.done", {
            version: state.result.version,
            entries: state.result.entries,
            withPhone: state.result.withPhone,
            registered: state.result.registered,
            rejectedLines: state.result.rejectedLines,
          })}
        </p>
      )}
      {state.kind === "failed" && (
        <p role="alert" class="notice notice-error" data-testid="priority-import-failed">
          {state.message === null ? t("console.other") : state.message[lang]}
        </p>
      )}
      <Loaded load={lists}>
        {(found) => (
          <ul class="stack" data-testid="priority-lists">
            {found.map((list) => (
              <li key={list.id} class="card" data-testid={`priority-list-${list.id}`}>
                <strong>{list.name}</strong> ({list.id}) —{" "}
                {t("console.priority.counts", { version: list.currentVersion, entries: list.entries, registered: list.registered, invited: list.invited })}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}
