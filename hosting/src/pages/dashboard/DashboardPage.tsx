import { findProvince, findRegency } from "@domain/regions/index.js";
import { useState } from "preact/hooks";
import { Loading } from "../../components/Loading.js";
import { loadDashboard } from "../../data/dashboard.js";
import { useLoad } from "../../data/useLoad.js";
import { jakartaTime, regionName } from "../../format.js";
import { useDashboardLang } from "../../i18n/dashboard.js";
import { DaysSection, WavesSection } from "./SeriesSections.js";
import { FiguresTable, PartsTable, ReasonsTable } from "./FigureTables.js";
import { TargetSection } from "./TargetSection.js";

/** The scopes from `home` down to `scope` ("ID" → "32" → "3216"): the way back up, never above the reader's own region. */
function trail(home: string, scope: string): string[] {
  const chain = scope === "ID" ? ["ID"] : scope.length === 2 ? ["ID", scope] : ["ID", scope.slice(0, 2), scope];
  const from = chain.indexOf(home);
  return chain.slice(from < 0 ? chain.length - 1 : from);
}

function scopeName(scope: string, national: string): string {
  if (scope === "ID") return national;
  const region = scope.length === 2 ? findProvince(scope) : findRegency(scope);
  return region === null ? scope : regionName(region.name);
}

/**
 * The regional dashboard: one region's figures as the rollup last counted them (every 15
 * minutes), its target, its parts (provinces, regencies or districts) to open, and its series per
 * day and per wave, each chart with its table. Reads two documents a view, nothing else.
 */
export function DashboardPage({ home, canSetTarget, readOnly }: { home: string; canSetTarget: boolean; readOnly: boolean }) {
  const { t, lang } = useDashboardLang();
  const [scope, setScope] = useState(home);
  const [reloads, setReloads] = useState(0);
  const view = useLoad(() => loadDashboard(scope), [scope, reloads]);
  const name = scopeName(scope, t("dashboard.national"));
  const path = trail(home, scope);

  return (
    <section class="dashboard" data-testid="dashboard" data-scope={scope}>
      <h1>
        {t("dashboard.title")}: {name}
      </h1>
      <p>{t("dashboard.intro")}</p>
      {readOnly && <p class="notice">{t("dashboard.readOnly")}</p>}
      {path.length > 1 && (
        <nav aria-label={t("dashboard.breadcrumb")}>
          <ol class="breadcrumb">
            {path.map((step) => (
              <li key={step}>
                {step === scope ? (
                  <span aria-current="page">{scopeName(step, t("dashboard.national"))}</span>
                ) : (
                  <button type="button" class="link-button" onClick={() => setScope(step)}>
                    {scopeName(step, t("dashboard.national"))}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </nav>
      )}
      {view.state === "loading" && <Loading />}
      {view.state === "failed" && (
        <p role="alert" class="notice notice-error">
          {t("common.loadFailed")}
        </p>
      )}
      {view.state === "ready" && (
        <>
          <TargetSection
            scope={scope}
            registrants={view.value.dashboard?.figures.registrants ?? 0}
            target={view.value.target}
            canSet={canSetTarget}
            onSaved={() => setReloads((n) => n + 1)}
          />
          {view.value.dashboard === null ? (
            <p class="notice" data-testid="dashboard-not-yet">
              {t("dashboard.notYet")}
            </p>
          ) : (
            <>
              <p class="hint" data-testid="dashboard-updated">
                {t("dashboard.updatedAt", { at: jakartaTime(view.value.dashboard.updatedAt, lang) })}
              </p>
              <FiguresTable name={name} figures={view.value.dashboard.figures} />
              <ReasonsTable name={name} reasons={view.value.dashboard.figures.notEligible} />
              <PartsTable name={name} doc={view.value.dashboard} onOpen={setScope} />
              <DaysSection name={name} days={view.value.dashboard.days} />
              <WavesSection name={name} waves={view.value.dashboard.waves} />
            </>
          )}
        </>
      )}
    </section>
  );
}
