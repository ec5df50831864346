import { useEffect, useState } from "preact/hooks";

/** The pages of the app. Paths are in Bahasa Indonesia, the program's own language. */
export const PATHS = {
  home: "/",
  account: "/masuk",
  register: "/daftar",
  status: "/status",
  operator: "/operator",
  admin: "/admin",
} as const;
export type Page = keyof typeof PATHS;

export function pageOf(pathname: string): Page | null {
  const path = pathname.replace(/\/+$/, "") || "/";
  const found = (Object.keys(PATHS) as Page[]).find((page) => PATHS[page] === path);
  return found ?? null;
}

const listeners = new Set<() => void>();

export function navigate(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, "", path);
  // A new page starts at its top, as it would after a full page load.
  scrollTo(0, 0);
  listeners.forEach((listener) => listener());
}

/** The current path; the hosting rewrite serves index.html for every path, so deep links work. */
export function usePathname(): string {
  const [pathname, setPathname] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPathname(location.pathname);
    listeners.add(update);
    addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      removeEventListener("popstate", update);
    };
  }, []);
  return pathname;
}
