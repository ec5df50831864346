import { useState } from "preact/hooks";
import { useConsoleLang } from "../../i18n/console.js";
import { useSession } from "../../session.js";
import { ExclusionImport } from "./ExclusionImport.js";
import { GrantRoleForm } from "./GrantRoleForm.js";
import { PriorityImport } from "./PriorityImport.js";
import { RoleGrantList } from "./RoleGrantList.js";
import { WaveConsole } from "./WaveConsole.js";

export interface AdminPageProps {
  /** Admins create waves, import lists, grant and revoke roles; auditors only read the record of grants. */
  canGrant: boolean;
}

/** /admin, the program office's console: waves, exclusion lists, and who holds which role where. */
export function AdminPage({ canGrant }: AdminPageProps) {
  const { t } = useConsoleLang();
  const session = useSession();
  // Bumped after each grant or revocation so the list below shows it without a page reload.
  const [grantsVersion, setGrantsVersion] = useState(0);
  const changed = () => setGrantsVersion((v) => v + 1);
  return (
    <>
      <h1>{t("admin.title")}</h1>
      {canGrant && <WaveConsole />}
      {canGrant && <ExclusionImport />}
      {canGrant && <PriorityImport />}
      {canGrant && <GrantRoleForm onGranted={changed} />}
      <RoleGrantList version={grantsVersion} canRevoke={canGrant} selfUid={session.state === "signed-in" ? session.user.uid : null} onRevoked={changed} />
    </>
  );
}
