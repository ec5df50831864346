import type { WaveDrawPlan } from "@schemas";
import type { ProvinceName } from "../../data/provinces.js";
import { count } from "../../format.js";
import { useTransparencyLang } from "../../i18n/transparency.js";
import { basisPoints } from "./share.js";

interface Props {
  strata: WaveDrawPlan["strata"];
  quota: number;
  provinceName: ProvinceName;
}

/** How the quota is split before the draw; seats no stratum takes are national (docs/draw.md §6). */
export function StrataList({ strata, quota, provinceName }: Props) {
  const { t } = useTransparencyLang();
  if (strata.kind === "none") return <>{t("transparency.strataNone")}</>;
  const parts =
    strata.kind === "shares"
      ? Object.entries(strata.basisPoints).map(([code, points]) => ({
          code,
          text: t("transparency.strataShare", { name: provinceName(code), share: basisPoints(points) }),
          seats: (quota * points) / 10_000,
        }))
      : Object.entries(strata.counts).map(([code, seats]) => ({
          code,
          text: t("transparency.strataCount", { name: provinceName(code), count: count(seats) }),
          seats,
        }));
  const national = parts.reduce((rest, part) => rest - part.seats, quota) > 0;
  return (
    <ul class="plain-list">
      {parts.map((part) => (
        <li key={part.code} data-stratum={part.code}>
          {part.text}
        </li>
      ))}
      {national && <li>{t("transparency.strataRest")}</li>}
    </ul>
  );
}
