import type { FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useLang } from "../i18n/index.js";
import { Loading } from "./Loading.js";

interface Props<P> {
  /** A module-level function (stable), e.g. `() => import("./Page.js").then((m) => m.Page)`. */
  load: () => Promise<FunctionComponent<P>>;
  props: P;
}

/**
 * A page fetched only when someone opens it, so the home page stays small on cheap phones:
 * the registration pages bring the region table and the callable SDK with them.
 */
export function LazyPage<P extends object>({ load, props }: Props<P>) {
  const { t } = useLang();
  const [Page, setPage] = useState<FunctionComponent<P> | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    load().then(
      (page) => current && setPage(() => page),
      (error: unknown) => {
        console.error(error);
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [load]);

  if (failed)
    return (
      <p role="alert" class="notice notice-error">
        {t("common.loadFailed")}
      </p>
    );
  if (!Page) return <Loading />;
  return <Page {...props} />;
}
