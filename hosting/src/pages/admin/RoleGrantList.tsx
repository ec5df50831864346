import { useEffect, useState } from "preact/hooks";
import type { Role } from "@schemas";
import type { RoleGrantRow } from "@schemas/roleConsole.js";
import { callable } from "../../data/callable.js";
import { jakartaTime } from "../../format.js";
import { useConsoleLang } from "../../i18n/console.js";
import { consoleFailure, type ConsoleFailure } from "./consoleFailure.js";
import { FailureNotice } from "./FailureNotice.js";
import { grantNow } from "./grantNow.js";
import { GrantFilters, type GrantFilter } from "./GrantFilters.js";
import { regionLabel } from "./regionLabel.js";
import { RevokeButton } from "./RevokeButton.js";

const callList = callable("listRoleGrants");

interface Props {
  /** Bumped after each grant or revocation so the list shows it without a page reload. */
  version: number;
  /** Admins revoke; auditors only read. */
  canRevoke: boolean;
  /** The signed-in admin: nobody revokes their own role, so their rows offer no button. */
  selfUid: string | null;
  onRevoked(): void;
}

/**
 * The record of role grants and revocations (listRoleGrants: admins and auditors), newest first,
 * by role and region — "the operators of Jawa Barat" — with each account's email, the region's
 * official name, and whether the account holds that role today (which is what a revocation acts on).
 */
export function RoleGrantList({ version, canRevoke, selfUid, onRevoked }: Props) {
  const { lang, t } = useConsoleLang();
  const [filter, setFilter] = useState<GrantFilter>({ role: "", region: "" });
  const [rows, setRows] = useState<RoleGrantRow[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [failure, setFailure] = useState<ConsoleFailure | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (cursor: string | null) => {
    setBusy(true);
    setFailure(null);
    try {
      const page = await callList({
        ...(filter.role === "" ? {} : { role: filter.role }),
        ...(filter.region === "" ? {} : { region: filter.region }),
        ...(cursor === null ? {} : { cursor }),
      });
      setRows((shown) => (cursor === null || shown === null ? page.grants : [...shown, ...page.grants]));
      setNext(page.next);
    } catch (error) {
      setFailure(consoleFailure("listRoleGrants", error));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => void load(null), [version, filter.role, filter.region]);

  return (
    <section aria-labelledby="grants-title" class="stack">
      <h2 id="grants-title">{t("console.grants.title")}</h2>
      <GrantFilters filter={filter} onChange={setFilter} />
      <FailureNotice failure={failure} />
      {rows !== null && rows.length === 0 && <p class="muted">{t("common.empty")}</p>}
      {rows !== null && rows.length > 0 && (
        <ol class="cards" data-testid="role-grant-list" aria-busy={busy}>
          {rows.map((grant) => (
            <li key={grant.id} class="card" data-target-uid={grant.targetUid} data-grant-id={grant.id} data-holds-now={String(grant.holdsNow)}>
              <h3>{grant.revokes ? t("console.grants.revoked", { role: roleText(grant.revokes, t) }) : roleText(grant, t)}</h3>
              <dl class="facts">
                <dt>{t("grants.account")}</dt>
                <dd>{grant.email ?? <code>{grant.targetUid}</code>}</dd>
                <dt>{t("grants.by")}</dt>
                <dd>{grant.grantedByEmail ?? <code>{grant.grantedBy}</code>}</dd>
                <dt>{t("grants.via")}</dt>
                <dd>{t(`grants.via.${grant.via}`)}</dd>
                <dt>{t("console.grants.now")}</dt>
                <dd>{t(`console.grants.${grantNow(grant)}`)}</dd>
              </dl>
              <p class="muted">
                <time dateTime={grant.grantedAt}>{jakartaTime(new Date(grant.grantedAt), lang)}</time>
              </p>
              {canRevoke && grant.holdsNow && grant.role !== "applicant" && grant.targetUid !== selfUid && (
                <RevokeButton uid={grant.targetUid} who={grant.email ?? grant.targetUid} role={roleText(grant, t)} onRevoked={onRevoked} />
              )}
            </li>
          ))}
        </ol>
      )}
      {next !== null && (
        <div class="actions">
          <button type="button" class="button-secondary" disabled={busy} onClick={() => void load(next)}>
            {t("console.grants.more")}
          </button>
        </div>
      )}
    </section>
  );
}

type Scoped = { role: Role; region?: string; regionName?: string; partner?: string };

function roleText(grant: Scoped, t: ReturnType<typeof useConsoleLang>["t"]): string {
  const role = t(`role.${grant.role}`);
  if (grant.region !== undefined) return `${role} · ${regionLabel(grant.region)}`;
  return grant.partner === undefined ? role : `${role} · ${grant.partner}`;
}
