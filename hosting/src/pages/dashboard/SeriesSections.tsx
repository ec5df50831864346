import type { DashboardDoc } from "@schemas/dashboard.js";
import { useMemo } from "preact/hooks";
import { calendarDate, count } from "../../format.js";
import { useDashboardLang } from "../../i18n/dashboard.js";
import { DataTable } from "./DataTable.js";
import { FigureChart } from "./FigureChart.js";

// The transparency page's colours: blue and orange stay apart for colour-blind readers.
const BLUE = "#1f5fa8";
const ORANGE = "#b35900";

/** Registrations per Jakarta day (online and at a labor office), as a chart and its table. */
export function DaysSection({ name, days }: { name: string; days: DashboardDoc["days"] }) {
  const { t, lang } = useDashboardLang();
  const labels = useMemo(() => days.map((d) => calendarDate(d.day, lang)), [days, lang]);
  const series = useMemo(
    () => [
      { label: t("dashboard.figure.online"), values: days.map((d) => d.online), color: BLUE },
      { label: t("dashboard.figure.assisted"), values: days.map((d) => d.assisted), color: ORANGE },
    ],
    [days, t],
  );
  return (
    <section>
      <h2>{t("dashboard.days.title")}</h2>
      {days.length === 0 ? (
        <p class="hint">{t("dashboard.none")}</p>
      ) : (
        <>
          <FigureChart kind="bar" labels={labels} series={series} label={t("dashboard.days.chart", { name })} testId="dashboard-days-chart" />
          <DataTable
            testId="dashboard-days"
            caption={t("dashboard.days.caption", { name })}
            columns={[
              { label: t("dashboard.day") },
              { label: t("dashboard.figure.registrants"), numeric: true },
              { label: t("dashboard.figure.online"), numeric: true },
              { label: t("dashboard.figure.assisted"), numeric: true },
            ]}
            rows={[...days].reverse().map((d) => ({
              key: d.day,
              cells: [calendarDate(d.day, lang), count(d.registrants), count(d.online), count(d.assisted)],
              text: [d.day, String(d.registrants), String(d.online), String(d.assisted)],
            }))}
          />
        </>
      )}
    </section>
  );
}

/** Joined (first wave joined) and drawn per wave, as a chart and its table. */
export function WavesSection({ name, waves }: { name: string; waves: DashboardDoc["waves"] }) {
  const { t } = useDashboardLang();
  const labels = useMemo(() => waves.map((w) => w.waveId), [waves]);
  const series = useMemo(
    () => [
      { label: t("dashboard.figure.joined"), values: waves.map((w) => w.joined), color: BLUE },
      { label: t("dashboard.figure.drawn"), values: waves.map((w) => w.drawn), color: ORANGE },
    ],
    [waves, t],
  );
  return (
    <section>
      <h2>{t("dashboard.waves.title")}</h2>
      {waves.length === 0 ? (
        <p class="hint">{t("dashboard.none")}</p>
      ) : (
        <>
          <FigureChart kind="bar" labels={labels} series={series} label={t("dashboard.waves.chart", { name })} testId="dashboard-waves-chart" />
          <DataTable
            testId="dashboard-waves"
            caption={t("dashboard.waves.caption", { name })}
            columns={[
              { label: t("dashboard.wave") },
              { label: t("dashboard.figure.joined"), numeric: true },
              { label: t("dashboard.figure.drawn"), numeric: true },
            ]}
            rows={waves.map((w) => ({
              key: w.waveId,
              cells: [w.waveId, count(w.joined), count(w.drawn)],
              text: [w.waveId, String(w.joined), String(w.drawn)],
            }))}
          />
        </>
      )}
    </section>
  );
}
