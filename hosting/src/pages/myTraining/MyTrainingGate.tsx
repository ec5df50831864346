import { SignedInPage } from "../../components/SignedInPage.js";

const loadMyTrainingPage = () => import("./MyTrainingPage.js").then((module) => module.MyTrainingPage);
const noProps = () => ({});

/** /pelatihan-saya: signed in only; the page itself is fetched when opened. */
export function MyTrainingGate() {
  return <SignedInPage title="myTraining.title" load={loadMyTrainingPage} props={noProps} />;
}
