import { useMemo } from "preact/hooks";
import { enTransparency } from "./en.transparency.js";
import { idTransparency } from "./id.transparency.js";
import { addMessages, translator, useLang, type LangState, type MessageId, type Translate } from "./index.js";

/**
 * Texts of the transparency pages, in their lazily loaded chunk. As with registration.ts, only
 * this hook names their keys, so a component that uses them has loaded them.
 */
addMessages({ id: idTransparency, en: enTransparency });

export type TransparencyMessageId = MessageId | keyof typeof idTransparency;

export interface TransparencyLang extends Omit<LangState, "t"> {
  t: Translate<TransparencyMessageId>;
}

export function useTransparencyLang(): TransparencyLang {
  const state = useLang();
  const t = useMemo(() => translator(state.lang), [state.lang]);
  return { ...state, t };
}
