import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Lang } from "@schemas";
import { en } from "./en.js";
import { id, type MessageId } from "./id.js";

export type { Lang, MessageId };

const DICTIONARIES: Record<Lang, Record<MessageId, string>> = { id, en };
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

export type Translate = (key: MessageId, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const dictionary = DICTIONARIES[lang];
  return (key, params) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
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
