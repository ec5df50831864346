import { SignedInPage } from "../../components/SignedInPage.js";

const loadStatusPage = () => import("./StatusPage.js").then((module) => module.StatusPage);
const withUid = (uid: string) => ({ uid });

/** /status: signed in only; the page itself is fetched when opened. */
export function StatusGate() {
  return <SignedInPage title="status.title" load={loadStatusPage} props={withUid} />;
}
