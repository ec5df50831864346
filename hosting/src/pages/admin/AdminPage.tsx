import { useState } from "preact/hooks";
import { useLang } from "../../i18n/index.js";
import { GrantRoleForm } from "./GrantRoleForm.js";
import { RoleGrantList } from "./RoleGrantList.js";

export interface AdminPageProps {
  /** Admins grant roles; auditors only read the record of grants. */
  canGrant: boolean;
}

export function AdminPage({ canGrant }: AdminPageProps) {
  const { t } = useLang();
  // Bumped after each grant so the list below shows it without a page reload.
  const [grantsVersion, setGrantsVersion] = useState(0);
  return (
    <>
      <h1>{t("admin.title")}</h1>
      {canGrant && <GrantRoleForm onGranted={() => setGrantsVersion((v) => v + 1)} />}
      <RoleGrantList version={grantsVersion} />
    </>
  );
}
