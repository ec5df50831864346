import type { ComponentChildren } from "preact";
import type { Load } from "../data/useLoad.js";
import { useLang } from "../i18n/index.js";
import { Loading } from "./Loading.js";

interface Props<T> {
  load: Load<T>;
  children: (value: T) => ComponentChildren;
}

/** The loading and failure states every list on the page shares. */
export function Loaded<T>({ load, children }: Props<T>) {
  const { t } = useLang();
  if (load.state === "loading") return <Loading />;
  if (load.state === "failed")
    return (
      <p role="alert" class="notice notice-error">
        {t("common.loadFailed")}
      </p>
    );
  return <>{children(load.value)}</>;
}
