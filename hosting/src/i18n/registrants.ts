import { enRegistrants } from "./en.registrants.js";
import { idRegistrants } from "./id.registrants.js";
import { addMessages, usePageLang, type PageLang } from "./index.js";
// The eligibility reasons' texts (ReasonList) come with the registration texts.
import "./registration.js";
import type { RegistrationMessageId } from "./registration.js";

/** Texts of the registrants page, in its lazily loaded chunk (as payments.ts). */
addMessages({ id: idRegistrants, en: enRegistrants });

export type RegistrantsMessageId = RegistrationMessageId | keyof typeof idRegistrants;

export const useRegistrantsLang = (): PageLang<RegistrantsMessageId> => usePageLang<RegistrantsMessageId>();
