import { useEffect, useRef, useState } from "preact/hooks";
import { findProvince, findRegency } from "@domain/regions/index.js";
import type { RegistrantFilters, RegistrantRecord, RegistrantRow } from "@schemas/registrants.js";
import { callable } from "../../data/callable.js";
import { noticeText } from "../../data/refusals.js";
import { count } from "../../format.js";
import { useRegistrantsLang } from "../../i18n/registrants.js";
import { ExportPanel } from "./ExportPanel.js";
import { Filters } from "./Filters.js";
import { NikSearch } from "./NikSearch.js";
import { RecordPanel } from "./RecordPanel.js";
import { RegistrantTable } from "./RegistrantTable.js";
import { registrantsFailure, type RegistrantsNotice } from "./failure.js";

const callList = callable("listRegistrants");
const callRecord = callable("getRegistrant");

interface Shown {
  rows: RegistrantRow[];
  nextCursor: string | null;
}

interface Props {
  /** The operator's region; null for admins and auditors. */
  region: string | null;
  canReveal: boolean;
}

/**
 * /operator/pendaftar: the registrants of the caller's region, a page at a time (masked), with
 * filters, a search by NIK, one person's record and timeline, and the CSV export of what the
 * filters find. Every record opened and every export is on the audit log (the page says so).
 */
export function RegistrantsPage({ region, canReveal }: Props) {
  const { lang, t } = useRegistrantsLang();
  const [filters, setFilters] = useState<RegistrantFilters>({});
  const [nik, setNik] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<RegistrantsNotice | null>(null);
  const [record, setRecord] = useState<RegistrantRecord | null>(null);
  // The list asked for last: a late answer to an earlier question is dropped.
  const asked = useRef(0);

  const read = async (cursor: string | null) => {
    const ticket = ++asked.current;
    setBusy(true);
    setFailure(null);
    try {
      const page = await callList({ ...filters, ...(nik === null ? {} : { nik }), ...(cursor === null ? {} : { cursor }) });
      if (ticket !== asked.current) return;
      setShown((latest) => ({ rows: cursor === null || latest === null ? page.rows : [...latest.rows, ...page.rows], nextCursor: page.nextCursor }));
    } catch (error) {
      if (ticket === asked.current) {
        setShown({ rows: [], nextCursor: null });
        setFailure(registrantsFailure(error));
      }
    } finally {
      if (ticket === asked.current) setBusy(false);
    }
  };

  useEffect(() => {
    setShown(null);
    void read(null);
  }, [filters, nik]);

  const open = async (row: RegistrantRow) => {
    setFailure(null);
    try {
      setRecord(await callRecord({ uid: row.uid, requestId: crypto.randomUUID() }));
    } catch (error) {
      setFailure(registrantsFailure(error));
    }
  };

  const regionName = region === null ? null : ((region.length === 2 ? findProvince(region) : findRegency(region))?.name ?? region);

  return (
    <section aria-labelledby="registrants-title" class="stack">
      <h1 id="registrants-title">{t("registrants.title")}</h1>
      <p>{region === null ? t("registrants.introNational") : t("registrants.intro")}</p>
      {regionName !== null && <p data-testid="registrants-region">{t("registrants.region", { region: regionName })}</p>}
      {!canReveal && <p class="notice">{t("registrants.readOnly")}</p>}
      <Filters region={region} filters={filters} onApply={(next) => (setNik(null), setFilters(next))} />
      <NikSearch searching={nik !== null} onSearch={setNik} />
      {failure !== null && (
        <p class="notice notice-error" role="alert" data-testid="registrants-failure">
          {noticeText(failure, lang, t)}
        </p>
      )}
      {record !== null && <RecordPanel record={record} canReveal={canReveal} onClose={() => setRecord(null)} />}
      <div aria-busy={busy} data-testid="registrants-list">
        {shown === null ? (
          <p>{t("registrants.loading")}</p>
        ) : shown.rows.length === 0 ? (
          failure === null && <p data-testid="registrants-empty">{t("registrants.empty")}</p>
        ) : (
          <>
            <p role="status">{t("registrants.shown", { count: count(shown.rows.length) })}</p>
            <RegistrantTable rows={shown.rows} onOpen={(row) => void open(row)} />
          </>
        )}
        {shown !== null && shown.nextCursor !== null && (
          <div class="actions">
            <button type="button" class="button-secondary" disabled={busy} onClick={() => void read(shown.nextCursor)} data-testid="registrants-more">
              {t("registrants.more")}
            </button>
          </div>
        )}
      </div>
      {nik === null && <ExportPanel filters={filters} />}
    </section>
  );
}
