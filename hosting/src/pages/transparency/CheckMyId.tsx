import { useState } from "preact/hooks";
import type { DrawManifestDoc } from "@schemas/draw.js";
import type { ProvinceName } from "../../data/provinces.js";
import { count } from "../../format.js";
import { useTransparencyLang } from "../../i18n/transparency.js";
import { checkMyId, EXACT_PAGES, PID, type CheckOutcome } from "./checkMyId.js";

type Shown = { kind: "idle" } | { kind: "checking" } | { kind: "invalid" } | { kind: "failed" } | CheckOutcome;

/**
 * "Check my ID": a person's place in the draw's order and the proof that their line is in the
 * committed pool, computed in their browser from the published files (checkMyId.ts says what it
 * reads), with how to check it by hand.
 */
export function CheckMyId({
  waveId,
  manifest,
  drawKey,
  provinceName,
}: {
  waveId: string;
  manifest: DrawManifestDoc;
  drawKey: string;
  provinceName: ProvinceName;
}) {
  const { t } = useTransparencyLang();
  const [pid, setPid] = useState("");
  const [shown, setShown] = useState<Shown>({ kind: "idle" });
  const pages = manifest.pool.pages.length;

  const check = async (event: Event) => {
    event.preventDefault();
    const wanted = pid.trim();
    if (!PID.test(wanted)) return setShown({ kind: "invalid" });
    setShown({ kind: "checking" });
    try {
      setShown(await checkMyId(waveId, manifest, drawKey, wanted));
    } catch (error) {
      console.warn("check my ID:", error);
      setShown({ kind: "failed" });
    }
  };

  return (
    <section aria-labelledby="check-title" class="card" data-testid="check-my-id">
      <h2 id="check-title">{t("transparency.check")}</h2>
      <p>{t("transparency.checkHint")}</p>
      <form onSubmit={check}>
        <label for="check-pid">{t("transparency.checkLabel")}</label>
        <input
          id="check-pid"
          name="pid"
          autocomplete="off"
          spellcheck={false}
          value={pid}
          onInput={(e) => setPid(e.currentTarget.value)}
          data-testid="check-pid"
        />
        <button type="submit" disabled={shown.kind === "checking"} data-testid="check-button">
          {t("transparency.checkButton")}
        </button>
      </form>
      <div role="status" data-testid="check-result" data-kind={shown.kind}>
        {shown.kind === "checking" && <p>{t("transparency.checking")}</p>}
        {shown.kind === "invalid" && <p class="notice notice-error">{t("transparency.checkInvalid")}</p>}
        {shown.kind === "failed" && <p class="notice notice-error">{t("transparency.checkFailed")}</p>}
        {shown.kind === "not-found" && <p class="notice">{t("transparency.checkNotFound", { read: count(shown.read), pages: count(pages) })}</p>}
        {shown.kind === "found" && <Found outcome={shown} manifest={manifest} provinceName={provinceName} pages={pages} />}
      </div>
      <p class="muted">{t("transparency.howToCheck")}</p>
    </section>
  );
}

function Found({
  outcome,
  manifest,
  provinceName,
  pages,
}: {
  outcome: Extract<CheckOutcome, { kind: "found" }>;
  manifest: DrawManifestDoc;
  provinceName: ProvinceName;
  pages: number;
}) {
  const { t } = useTransparencyLang();
  const { standing, exact, proof } = outcome;
  const stratumCode = proof.line.split(",")[1];
  const holds = proof.root === manifest.poolRoot;
  return (
    <>
      <p data-testid="check-position" data-exact={String(exact)}>
        {t(exact ? "transparency.checkPosition" : "transparency.checkPositionAbout", { position: count(standing.position), pool: count(manifest.poolSize) })}
      </p>
      {standing.nationalReach !== null && (
        <p data-testid="check-national-reach">{t("transparency.checkNationalReach", { reach: count(standing.nationalReach) })}</p>
      )}
      {standing.priorityPosition !== null && standing.priorityPool !== null && standing.priorityReach !== null && (
        <p data-testid="check-priority">
          {t("transparency.checkPriority", {
            position: count(standing.priorityPosition),
            pool: count(standing.priorityPool),
            reach: count(standing.priorityReach),
          })}
        </p>
      )}
      {standing.stratumPosition !== null && standing.stratumPool !== null && standing.stratumReach !== null && (
        <p>
          {t("transparency.checkStratum", {
            name: provinceName(stratumCode),
            position: count(standing.stratumPosition),
            pool: count(standing.stratumPool),
            reach: count(standing.stratumReach),
          })}
        </p>
      )}
      <p class={standing.withinCutoff ? "notice notice-ok" : "notice"} data-testid="check-outcome" data-within={String(standing.withinCutoff)}>
        {t(standing.withinCutoff ? "transparency.checkWithin" : "transparency.checkOutside")}
      </p>
      <p class="muted">
        {exact
          ? t("transparency.checkCost", { read: count(outcome.read), pages: count(pages), kb: count(Math.ceil(outcome.bytes / 1024)) })
          : t("transparency.checkCostBig", { pages: count(pages), exact: count(EXACT_PAGES) })}
      </p>
      <h3>{t("transparency.proof")}</h3>
      <p class={holds ? "notice notice-ok" : "notice notice-error"} data-testid="check-proof" data-holds={String(holds)}>
        {t(holds ? "transparency.proofOk" : "transparency.proofBad")}
      </p>
      <details>
        <summary>{t("transparency.proofPath", { count: proof.path.length })}</summary>
        <dl class="facts facts-stacked">
          <dt>{t("transparency.proofLine")}</dt>
          <dd>
            <code data-testid="check-line">{proof.line}</code>
          </dd>
          <dt>{t("transparency.proofIndex")}</dt>
          <dd>
            {count(proof.index)} / {count(proof.size)}
          </dd>
          <dt>{t("transparency.yourRank")}</dt>
          <dd>
            <code>{standing.rank}</code>
          </dd>
          <dt>{t("transparency.poolRoot")}</dt>
          <dd>
            <code>{manifest.poolRoot}</code>
          </dd>
        </dl>
        <ol>
          {proof.path.map((hash, i) => (
            <li key={i}>
              <code>{hash}</code>
            </li>
          ))}
        </ol>
      </details>
    </>
  );
}
