import { SignedInPage } from "../../components/SignedInPage.js";

// The form brings the region table (~55 KB compressed): fetched only when the form is opened.
const loadRegisterPage = () => import("./RegisterPage.js").then((module) => module.RegisterPage);
const noProps = () => ({});

/** /daftar: signed in only; the form is fetched when opened. */
export function RegisterGate() {
  return <SignedInPage title="register.title" load={loadRegisterPage} props={noProps} />;
}
