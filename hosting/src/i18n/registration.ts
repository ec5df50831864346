import { useMemo } from "preact/hooks";
import { enRegistration } from "./en.registration.js";
import { enStatus } from "./en.status.js";
import { idRegistration } from "./id.registration.js";
import { idStatus } from "./id.status.js";
import { addMessages, translator, useLang, type Lang, type LangState, type MessageId, type Translate } from "./index.js";

/**
 * Texts of the registration, status and operator pages, in their lazily loaded chunks. Importing
 * this module adds them to the dictionaries, and only through its hook can a component use their
 * keys: a component that can name them has loaded them.
 */
addMessages({ id: { ...idRegistration, ...idStatus }, en: { ...enRegistration, ...enStatus } });

export type RegistrationMessageId = MessageId | keyof typeof idRegistration | keyof typeof idStatus;

export interface RegistrationLang extends Omit<LangState, "t"> {
  t: Translate<RegistrationMessageId>;
}

export function useRegistrationLang(): RegistrationLang {
  const state = useLang();
  const t = useMemo(() => translator(state.lang), [state.lang]);
  return { ...state, t };
}

/** Outside components, e.g. to word a message in both languages. */
export const registrationTranslator = (lang: Lang): Translate<RegistrationMessageId> => translator(lang);
