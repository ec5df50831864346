import { useEffect, useState } from "preact/hooks";

/** The pages of the app. Paths are in Bahasa Indonesia, the program's own language. */
export const PATHS = {
  home: "/",
  account: "/masuk",
  register: "/daftar",
  status: "/status",
  operator: "/operator",
  /** The operator's identity verification queue, beside assisted registration. */
  verification: "/operator/verifikasi",
  admin: "/admin",
  transparency: "/transparansi",
  /** The public training catalogue; a training's own page is /pelatihan/<course code>. */
  catalogue: "/pelatihan",
  /** The participant's purchases waiting for their code, balance and bought trainings. */
  myTraining: "/pelatihan-saya",
  /** The participant's payout account and incentive installments, with their history. */
  myPayouts: "/insentif-saya",
  /** The program office's payouts: partners' queues, held payouts, quarantine, participants' reports. */
  payments: "/pembayaran",
  /** Operators' (their region), admins' and auditors' list of registrants: filters, NIK search, a person's record, CSV export. */
  registrants: "/operator/pendaftar",
  /** The regional dashboard: operators see their region's figures, the program office and auditors the whole country. */
  dashboard: "/dasbor",
  /** Auditors' and admins' audit log: days with their roots, a day's entries, the chain checked in the browser. */
  auditLog: "/jejak-audit",
} as const;
export type Page = keyof typeof PATHS;

// A wave's own page (/transparansi/<waveId>) is a link people share and auditors cite, so the
// wave is in the path, not in state. Wave IDs have the form joinWave and the draws function accept.
const WAVE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The wave named after /transparansi/, or null (the list of waves, or not a wave path). */
export function waveIdIn(pathname: string): string | null {
  const prefix = `${PATHS.transparency}/`;
  const path = pathname.replace(/\/+$/, "");
  if (!path.startsWith(prefix)) return null;
  const waveId = path.slice(prefix.length);
  return WAVE_ID.test(waveId) ? waveId : null;
}

export const transparencyPath = (waveId?: string): string => (waveId === undefined ? PATHS.transparency : `${PATHS.transparency}/${waveId}`);

// Course codes as partners send them (schemas/training.ts partnerCode).
const COURSE_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The training named after /pelatihan/, or null (the catalogue itself, or not a catalogue path). */
export function courseCodeIn(pathname: string): string | null {
  const prefix = `${PATHS.catalogue}/`;
  const path = pathname.replace(/\/+$/, "");
  if (!path.startsWith(prefix)) return null;
  // Course codes need no escaping: a path that does (or escapes badly) names no training.
  const code = path.slice(prefix.length);
  return COURSE_CODE.test(code) ? code : null;
}

export const trainingPath = (courseCode: string): string => `${PATHS.catalogue}/${courseCode}`;

export function pageOf(pathname: string): Page | null {
  const path = pathname.replace(/\/+$/, "") || "/";
  const found = (Object.keys(PATHS) as Page[]).find((page) => PATHS[page] === path);
  if (found) return found;
  if (courseCodeIn(path) !== null) return "catalogue";
  return waveIdIn(path) === null ? null : "transparency";
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
