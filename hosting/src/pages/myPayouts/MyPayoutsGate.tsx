import { SignedInPage } from "../../components/SignedInPage.js";

const loadMyPayoutsPage = () => import("./MyPayoutsPage.js").then((module) => module.MyPayoutsPage);
const noProps = () => ({});

/** /insentif-saya: signed in only; the page itself is fetched when opened. */
export function MyPayoutsGate() {
  return <SignedInPage title="myPayouts.title" load={loadMyPayoutsPage} props={noProps} />;
}
