import { useState } from "preact/hooks";
import { callable } from "../../data/callable.js";
import { callableFailure } from "../../data/callableError.js";
import { useMyDataLang } from "../../i18n/myData.js";
import { myDataFileName } from "./myDataFileName.js";

const callDownload = callable("downloadMyData");

/**
 * The right of access: "Unduh data saya / Download my data" fetches everything held about the
 * signed-in person (`downloadMyData`, recorded on the audit log) and saves it as a JSON file. The
 * copy is never kept by the page: it goes straight to the file.
 */
export function DownloadMyData() {
  const { t } = useMyDataLang();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [failed, setFailed] = useState<"myData.unauthenticated" | "myData.other" | null>(null);

  const download = async () => {
    setBusy(true);
    setSaved(null);
    setFailed(null);
    try {
      const data = await callDownload({ requestId: crypto.randomUUID() });
      const file = myDataFileName(data);
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = file;
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
      setSaved(file);
    } catch (error) {
      setFailed(callableFailure(error).code === "unauthenticated" ? "myData.unauthenticated" : "myData.other");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="my-data-title" class="card">
      <h2 id="my-data-title">{t("myData.title")}</h2>
      <p>{t("myData.intro")}</p>
      <div class="actions">
        <button type="button" class="button-secondary" disabled={busy} onClick={() => void download()} data-testid="download-my-data">
          {busy ? t("myData.busy") : t("myData.download")}
        </button>
      </div>
      <p aria-live="polite" class={failed === null ? "muted" : "notice notice-error"}>
        {failed !== null ? t(failed) : saved !== null ? t("myData.saved", { file: saved }) : ""}
      </p>
    </section>
  );
}
