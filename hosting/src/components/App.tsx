import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { LangContext, storedLang, storeLang, translator, type Lang, type LangState } from "../i18n/index.js";
import { AccountPage } from "../pages/account/AccountPage.js";
import { AdminGate } from "../pages/admin/AdminGate.js";
import { AuditLogGate } from "../pages/auditLog/AuditLogGate.js";
import { CatalogueGate } from "../pages/catalogue/CatalogueGate.js";
import { HomePage } from "../pages/home/HomePage.js";
import { MyPayoutsGate } from "../pages/myPayouts/MyPayoutsGate.js";
import { MyTrainingGate } from "../pages/myTraining/MyTrainingGate.js";
import { NotFoundPage } from "../pages/NotFoundPage.js";
import { OperatorGate } from "../pages/operator/OperatorGate.js";
import { PaymentsGate } from "../pages/payments/PaymentsGate.js";
import { DashboardGate } from "../pages/dashboard/DashboardGate.js";
import { RegistrantsGate } from "../pages/registrants/RegistrantsGate.js";
import { RegisterGate } from "../pages/registration/RegisterGate.js";
import { StatusGate } from "../pages/status/StatusGate.js";
import { TransparencyGate } from "../pages/transparency/TransparencyGate.js";
import { pageOf, usePathname } from "../router.js";
import { SessionContext, useSessionSource } from "../session.js";
import { Header } from "./Header.js";

export function App() {
  const [lang, setLang] = useState<Lang>(storedLang);
  const langState = useMemo<LangState>(
    () => ({
      lang,
      t: translator(lang),
      setLang: (next) => {
        storeLang(next);
        setLang(next);
      },
    }),
    [lang],
  );
  const session = useSessionSource();
  const pathname = usePathname();
  const page = pageOf(pathname);

  // Before the page paints in the new language: a screen reader never reads it with the old one.
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
    document.title = langState.t("app.title");
  }, [langState]);

  // After an in-app navigation, move focus to the new content so screen readers announce it
  // (a full page load does this by itself, so the first render is left alone).
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) firstRender.current = false;
    else main.current?.focus();
  }, [pathname]);

  return (
    <LangContext.Provider value={langState}>
      <SessionContext.Provider value={session}>
        <a class="skip-link" href="#main">
          {langState.t("app.skip")}
        </a>
        <Header page={page} />
        <main id="main" ref={main} tabIndex={-1}>
          {page === "home" && <HomePage />}
          {page === "account" && <AccountPage />}
          {page === "register" && <RegisterGate />}
          {page === "status" && <StatusGate />}
          {page === "operator" && <OperatorGate view="register" />}
          {page === "verification" && <OperatorGate view="verification" />}
          {page === "admin" && <AdminGate />}
          {page === "transparency" && <TransparencyGate pathname={pathname} />}
          {page === "catalogue" && <CatalogueGate pathname={pathname} />}
          {page === "myTraining" && <MyTrainingGate />}
          {page === "myPayouts" && <MyPayoutsGate />}
          {page === "payments" && <PaymentsGate />}
          {page === "registrants" && <RegistrantsGate />}
          {page === "dashboard" && <DashboardGate />}
          {page === "auditLog" && <AuditLogGate />}
          {page === null && <NotFoundPage />}
        </main>
      </SessionContext.Provider>
    </LangContext.Provider>
  );
}
