import { useState } from "preact/hooks";
import { useConsoleLang } from "../../i18n/console.js";
import { useSession } from "../../session.js";
import { LazyPage } from "../../components/LazyPage.js";
import { ExclusionImport } from "./ExclusionImport.js";
import { GrantRoleForm } from "./GrantRoleForm.js";
import { PriorityImport } from "./PriorityImport.js";
import { RoleGrantList } from "./RoleGrantList.js";
import { WaveConsole } from "./WaveConsole.js";

export interface AdminPageProps {
  /** Admins create waves, import lists, grant and revoke roles, re-drive a close; auditors only read the record of grants and watch a close. */
  canGrant: boolean;
}

// A wave's close listens to Firestore with the full SDK (the rest of the app reads with "lite"): a chunk of its own.
const loadCloseProgress = () => import("./CloseProgress.js").then((module) => module.CloseProgress);

/** /admin, the program office's console: waves and their close, exclusion lists, and who holds which role where. */
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
      <LazyPage load={loadCloseProgress} props={{ canRedrive: canGrant }} />
      {canGrant && <ExclusionImport />}
      {canGrant && <PriorityImport />}
      {canGrant && <GrantRoleForm onGranted={changed} />}
      <RoleGrantList version={grantsVersion} canRevoke={canGrant} selfUid={session.state === "signed-in" ? session.user.uid : null} onRevoked={changed} />
    </>
  );
}
