import type { RegistrantRow } from "@schemas/registrants.js";
import { jakartaDate } from "../../format.js";
import { useRegistrantsLang } from "../../i18n/registrants.js";

interface Props {
  rows: readonly RegistrantRow[];
  onOpen: (row: RegistrantRow) => void;
}

/** A page of registrants: masked NIK and name, district, status, eligibility, waves, date and channel, and a button to open the record. */
export function RegistrantTable({ rows, onOpen }: Props) {
  const { lang, t } = useRegistrantsLang();
  return (
    <div class="table-scroll">
      <table data-testid="registrant-table">
        <thead>
          <tr>
            <th scope="col">{t("registrants.col.nik")}</th>
            <th scope="col">{t("registrants.col.name")}</th>
            <th scope="col">{t("registrants.col.district")}</th>
            <th scope="col">{t("registrants.col.status")}</th>
            <th scope="col">{t("registrants.col.eligible")}</th>
            <th scope="col">{t("registrants.col.wave")}</th>
            <th scope="col">{t("registrants.col.registeredAt")}</th>
            <th scope="col">{t("registrants.col.channel")}</th>
            <th scope="col">{t("registrants.record.title")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.uid} data-uid={row.uid} data-testid="registrant-row">
              <td data-testid="registrant-nik">{row.nikMasked}</td>
              <td>{row.nameMasked}</td>
              <td>{row.district}</td>
              <td>{t(`registrants.status.${row.status}`)}</td>
              <td>
                {row.verification === "needs-verification"
                  ? t("registrants.needsVerification")
                  : row.eligible
                    ? t("registrants.eligible")
                    : t("registrants.notEligible")}
              </td>
              <td>
                {row.selectedWave !== null
                  ? t("registrants.selected", { wave: row.selectedWave })
                  : row.joinedWave !== null
                    ? t("registrants.joined", { wave: row.joinedWave })
                    : "—"}
              </td>
              <td>{jakartaDate(new Date(row.registeredAt), lang)}</td>
              <td>{t(`registrants.channel.${row.channel}`)}</td>
              <td>
                <button type="button" class="button-secondary" onClick={() => onOpen(row)} aria-label={`${t("registrants.open")} ${row.nikMasked}`}>
                  {t("registrants.open")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
