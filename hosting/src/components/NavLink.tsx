import type { ComponentChildren } from "preact";
import { navigate } from "../router.js";

interface Props {
  href: string;
  current?: boolean;
  children: ComponentChildren;
}

/** A real link (works without JS, opens in a new tab) that navigates in place on a plain click. */
export function NavLink({ href, current, children }: Props) {
  const onClick = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} aria-current={current ? "page" : undefined}>
      {children}
    </a>
  );
}
