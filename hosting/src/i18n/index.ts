import { createContext } from "preact";
import { useContext, useMemo } from "preact/hooks";
import type { Lang } from "@schemas";
import { en } from "./en.js";
import { id, type MessageId } from "./id.js";

export type { Lang, MessageId };

// Copies: texts of lazily loaded pages join these when their chunk loads (see addMessages).
const DICTIONARIES: Record<Lang, Record<string, string>> = { id: { ...id }, en: { ...en } };
const STORAGE_KEY = "prakerja.lang";

/** The language chosen on this device; Bahasa Indonesia unless English was picked before. */
export function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "id";
  } catch {
    // Storage can be blocked (private mode, strict settings): fall back to the default.
    return "id";
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembering the choice is acceptable; the page still switches.
  }
}

export type Translate<Key extends string = MessageId> = (key: Key, params?: Record<string, string | number>) => string;

/** Any key a dictionary holds now; typed hooks (useLang, useRegistrationLang) say which keys are sure to be there. */
export function translator(lang: Lang): Translate<string> {
  const dictionary = DICTIONARIES[lang];
  return (key, params) =>
    // A key whose texts have not loaded shows as itself: visible in tests, never a crash.
    (dictionary[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

/**
 * Adds the texts of a page that is loaded on demand, so the home page does not download them.
 * Both languages come together, with the same keys (checked by the caller's types).
 */
export function addMessages<Key extends string>(texts: Record<Lang, Record<Key, string>>): void {
  Object.assign(DICTIONARIES.id, texts.id);
  Object.assign(DICTIONARIES.en, texts.en);
}

export interface LangState {
  lang: Lang;
  t: Translate;
  setLang(lang: Lang): void;
}

export const LangContext = createContext<LangState>({ lang: "id", t: translator("id"), setLang: () => undefined });

export function useLang(): LangState {
  return useContext(LangContext);
}

/** The language state of a page whose texts were added with addMessages: `t` knows their keys. */
export interface PageLang<Key extends string> extends Omit<LangState, "t"> {
  t: Translate<Key>;
}

export function usePageLang<Key extends string>(): PageLang<Key> {
  const state = useLang();
  const t = useMemo(() => translator(state.lang), [state.lang]);
  return { ...state, t };
}
