import type { FunctionComponent } from "preact";
import type { MessageId } from "../i18n/index.js";
import { useSession } from "../session.js";
import { LazyPage } from "./LazyPage.js";
import { SignInFirst } from "./SignInFirst.js";
import { Loading } from "./Loading.js";

interface Props<P> {
  /** The page's title, shown with the sign-in prompt to someone signed out. */
  title: MessageId;
  /** A module-level function (stable), e.g. `() => import("./Page.js").then((m) => m.Page)`. */
  load: () => Promise<FunctionComponent<P>>;
  /** The page's props, from the signed-in account's uid. */
  props: (uid: string) => P;
}

/**
 * A page for signed-in people only, fetched when opened (LazyPage). Keyed by account: another
 * account signing in on the same phone never sees what the last one had on screen (a half-filled
 * form, a status, a purchase code).
 */
export function SignedInPage<P extends object>({ title, load, props }: Props<P>) {
  const session = useSession();
  if (session.state === "loading") return <Loading />;
  if (session.state === "signed-out") return <SignInFirst title={title} />;
  return <LazyPage key={session.user.uid} load={load} props={props(session.user.uid)} />;
}
