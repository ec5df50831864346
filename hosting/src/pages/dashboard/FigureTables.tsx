import { REASON_CODES } from "@domain/eligibility.js";
import { SCALAR_FIGURES, type DashboardDoc } from "@schemas/dashboard.js";
import { count, regionName, rupiah } from "../../format.js";
import { useDashboardLang } from "../../i18n/dashboard.js";
import { DataTable } from "./DataTable.js";

type Figures = DashboardDoc["figures"];
type Figure = (typeof SCALAR_FIGURES)[number];

const shown = (figure: Figure, value: number): string => (figure === "paidRupiah" ? rupiah(value) : count(value));

/** Every main figure of the region, in one table. */
export function FiguresTable({ name, figures }: { name: string; figures: Figures }) {
  const { t } = useDashboardLang();
  return (
    <section>
      <h2>{t("dashboard.figures.title")}</h2>
      <DataTable
        testId="dashboard-figures"
        caption={t("dashboard.figures.caption", { name })}
        columns={[{ label: t("dashboard.figure") }, { label: t("dashboard.value"), numeric: true }]}
        rows={SCALAR_FIGURES.map((figure) => ({
          key: figure,
          cells: [t(`dashboard.figure.${figure}`), <span data-figure={figure}>{shown(figure, figures[figure])}</span>],
          text: [t(`dashboard.figure.${figure}`), String(figures[figure])],
        }))}
      />
    </section>
  );
}

/** Not eligible, by reason (a person with two reasons counts under both). */
export function ReasonsTable({ name, reasons }: { name: string; reasons: Figures["notEligible"] }) {
  const { t } = useDashboardLang();
  return (
    <section>
      <h2>{t("dashboard.reasons.title")}</h2>
      <DataTable
        testId="dashboard-reasons"
        caption={t("dashboard.reasons.caption", { name })}
        columns={[{ label: t("dashboard.reason") }, { label: t("dashboard.value"), numeric: true }]}
        rows={REASON_CODES.map((reason) => ({
          key: reason,
          cells: [t(`dashboard.reason.${reason}`), count(reasons[reason] ?? 0)],
          text: [t(`dashboard.reason.${reason}`), String(reasons[reason] ?? 0)],
        }))}
      />
    </section>
  );
}

const PART_FIGURES = ["registrants", "online", "assisted", "eligible", "drawn", "completed", "paidRupiah"] as const;
const DISTRICT_FIGURES = ["registrants", "online", "assisted", "eligible", "needsVerification", "revoked"] as const;

/** The region's parts: provinces of the country, regencies of a province (each opens its own dashboard), districts of a regency. */
export function PartsTable({ name, doc, onOpen }: { name: string; doc: DashboardDoc; onOpen: (scope: string) => void }) {
  const { t } = useDashboardLang();
  const title =
    doc.level === "national" ? t("dashboard.parts.province") : doc.level === "province" ? t("dashboard.parts.regency") : t("dashboard.parts.district");
  const figures = doc.level === "regency" ? DISTRICT_FIGURES : PART_FIGURES;
  const columns = [{ label: t("dashboard.region") }, ...figures.map((figure) => ({ label: t(`dashboard.figure.${figure}`), numeric: true }))];
  const rows =
    doc.level === "regency"
      ? doc.districts.map((district) => ({
          key: district.code,
          cells: [regionName(district.name), ...DISTRICT_FIGURES.map((figure) => count(district.figures[figure]))],
          text: [regionName(district.name), ...DISTRICT_FIGURES.map((figure) => String(district.figures[figure]))],
        }))
      : doc.parts.map((part) => ({
          key: part.code,
          cells: [
            <button type="button" class="link-button" aria-label={t("dashboard.open", { name: regionName(part.name) })} onClick={() => onOpen(part.code)}>
              {regionName(part.name)}
            </button>,
            ...PART_FIGURES.map((figure) => shown(figure, part.figures[figure])),
          ],
          text: [regionName(part.name), ...PART_FIGURES.map((figure) => String(part.figures[figure]))],
        }));
  return (
    <section>
      <h2>{title}</h2>
      <DataTable testId="dashboard-parts" caption={t("dashboard.parts.caption", { figures: title, name })} columns={columns} rows={rows} />
    </section>
  );
}
