import { getDocs, limit, orderBy, query } from "firebase/firestore/lite";
import { roleGrantDoc } from "@schemas/documents.js";
import { Loaded } from "../../components/Loaded.js";
import { collectionOf, parseDocs } from "../../data/documents.js";
import { useLoad } from "../../data/useLoad.js";
import { jakartaTime } from "../../format.js";
import { useLang } from "../../i18n/index.js";

const LATEST = 20;

async function loadLatestGrants() {
  const snapshot = await getDocs(query(collectionOf("roleGrants"), orderBy("grantedAt", "desc"), limit(LATEST)));
  return parseDocs(roleGrantDoc, snapshot.docs);
}

/** The audit record of role grants (readable by admins and auditors only, per firestore.rules). */
export function RoleGrantList({ version }: { version: number }) {
  const { lang, t } = useLang();
  const grants = useLoad(loadLatestGrants, [version]);
  return (
    <section aria-labelledby="grants-title">
      <h2 id="grants-title">{t("grants.title")}</h2>
      <Loaded load={grants}>
        {(list) =>
          list.length === 0 ? (
            <p class="muted">{t("common.empty")}</p>
          ) : (
            <ol class="cards" data-testid="role-grant-list">
              {list.map((grant) => (
                <li key={grant.id} class="card" data-target-uid={grant.targetUid}>
                  <h3>
                    {t(`role.${grant.role}`)}
                    {grant.region && ` · ${grant.region}`}
                  </h3>
                  <dl class="facts">
                    <dt>{t("grants.account")}</dt>
                    <dd>
                      <code>{grant.targetUid}</code>
                    </dd>
                    <dt>{t("grants.by")}</dt>
                    <dd>
                      <code>{grant.grantedBy}</code>
                    </dd>
                    <dt>{t("grants.via")}</dt>
                    <dd>{t(`grants.via.${grant.via}`)}</dd>
                  </dl>
                  <p class="muted">
                    <time dateTime={grant.grantedAt.toISOString()}>{jakartaTime(grant.grantedAt, lang)}</time>
                  </p>
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
    </section>
  );
}
