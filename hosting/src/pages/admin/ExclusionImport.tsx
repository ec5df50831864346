import { useState } from "preact/hooks";
import { doc, getDoc } from "firebase/firestore/lite";
import { EXCLUSION_LIST_TYPES, type ExclusionListType } from "@domain/eligibility.js";
import type { ExclusionListDiffResult, ImportExclusionListResult } from "@schemas/exclusion.js";
import { Field } from "../../components/Field.js";
import { callable } from "../../data/callable.js";
import { collectionOf } from "../../data/documents.js";
import { app, auth, onEmulators, REGION } from "../../firebase.js";
import { useConsoleLang } from "../../i18n/console.js";
import { consoleFailure, type ConsoleFailure } from "./consoleFailure.js";
import { FailureNotice } from "./FailureNotice.js";
import { ImportReport } from "./ImportReport.js";
import { countLines, importUrl } from "./importStream.js";
import { uploadList, type ImportProgress } from "./uploadList.js";

const callDiff = callable("exclusionListDiff");

export type ImportState =
  | { kind: "idle" }
  | { kind: "running"; lines: number; bytes: number; progress: ImportProgress }
  | {
      kind: "done";
      lines: number;
      result: ImportExclusionListResult;
      previous: number;
      diff: ExclusionListDiffResult | null;
      diffFailure: ConsoleFailure | null;
    }
  | { kind: "failed"; message: { id: string; en: string } | null };

/** The version current before this import (0 when the list has none): what the new one is compared with. */
async function currentVersion(type: ExclusionListType): Promise<number> {
  const version: unknown = (await getDoc(doc(collectionOf("exclusionLists"), type))).get("currentVersion");
  return typeof version === "number" ? version : 0;
}

/**
 * Importing a new version of an exclusion list from the console: the file goes as it is to the
 * import function (which reads Excel's and ministries' exports, streams entries in and answers with
 * progress), the page counts lines sent and the lines accepted and rejected as they come, and once
 * complete shows what changed against the version that was current before (exclusionListDiff).
 */
export function ExclusionImport() {
  const { t } = useConsoleLang();
  const [type, setType] = useState<ExclusionListType>("civil-servant");
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [state, setState] = useState<ImportState>({ kind: "idle" });

  const start = async (event: Event) => {
    event.preventDefault();
    if (state.kind === "running") return;
    if (file === null) return setFileError(t("console.import.fileRequired"));
    setFileError(undefined);
    const bytes = await file.arrayBuffer();
    const lines = countLines(new Uint8Array(bytes));
    setState({ kind: "running", lines, bytes: bytes.byteLength, progress: { bytesSent: 0, entries: 0, rejectedLines: 0 } });
    try {
      const previous = await currentVersion(type);
      const idToken = await auth.currentUser?.getIdToken();
      if (idToken === undefined) return setState({ kind: "failed", message: null });
      const url = importUrl(type, { onEmulators, projectId: app.options.projectId ?? "", region: REGION });
      const answer = await uploadList(url, idToken, bytes, (progress) => setState({ kind: "running", lines, bytes: bytes.byteLength, progress }));
      if (answer.kind === "error") return setState({ kind: "failed", message: answer.error?.message ?? null });
      const done = { kind: "done" as const, lines, result: answer.result, previous, diff: null, diffFailure: null };
      if (previous === 0) return setState(done);
      try {
        setState({ ...done, diff: await callDiff({ type, from: previous, to: answer.result.version }) });
      } catch (error) {
        setState({ ...done, diffFailure: consoleFailure("exclusionListDiff", error) });
      }
    } catch (error) {
      console.error(error);
      setState({ kind: "failed", message: null });
    }
  };

  return (
    <section aria-labelledby="import-title" class="stack">
      <h2 id="import-title">{t("console.import.title")}</h2>
      <form class="form card" noValidate onSubmit={(e) => void start(e)} aria-busy={state.kind === "running"} data-testid="import-form">
        <Field id="import-type" label={t("console.import.type")}>
          {(control) => (
            <select {...control} value={type} onChange={(e) => setType(e.currentTarget.value as ExclusionListType)}>
              {EXCLUSION_LIST_TYPES.map((list) => (
                <option key={list} value={list}>
                  {t(`console.list.${list}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="import-file" label={t("console.import.file")} hint={t("console.import.fileHint")} error={fileError}>
          {(control) => <input {...control} type="file" accept=".csv,.txt,text/csv,text/plain" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />}
        </Field>
        <div class="actions">
          <button type="submit" disabled={state.kind === "running"}>
            {state.kind === "running" ? t("console.import.running") : t("console.import.start")}
          </button>
        </div>
      </form>
      <ImportReport state={state} />
      {state.kind === "done" && <FailureNotice failure={state.diffFailure} />}
      {state.kind === "failed" && (
        <p role="alert" class="notice notice-error" data-testid="import-failed">
          {state.message === null ? t("console.other") : <LangText text={state.message} />}
        </p>
      )}
    </section>
  );
}

function LangText({ text }: { text: { id: string; en: string } }) {
  const { lang } = useConsoleLang();
  return <>{text[lang]}</>;
}
