import { enRegistration } from "./en.registration.js";
import { enStatus } from "./en.status.js";
import { idRegistration } from "./id.registration.js";
import { idStatus } from "./id.status.js";
import { addMessages, translator, usePageLang, type Lang, type MessageId, type PageLang, type Translate } from "./index.js";

/**
 * Texts of the registration, status and operator pages, in their lazily loaded chunks. Importing
 * this module adds them to the dictionaries, and only through its hook can a component use their
 * keys: a component that can name them has loaded them.
 */
addMessages({ id: { ...idRegistration, ...idStatus }, en: { ...enRegistration, ...enStatus } });

export type RegistrationMessageId = MessageId | keyof typeof idRegistration | keyof typeof idStatus;

export const useRegistrationLang = (): PageLang<RegistrationMessageId> => usePageLang<RegistrationMessageId>();

/** Outside components, e.g. to word a message in both languages. */
export const registrationTranslator = (lang: Lang): Translate<RegistrationMessageId> => translator(lang);
