import { enDesk } from "./en.desk.js";
import { idDesk } from "./id.desk.js";
import { addMessages, usePageLang, type PageLang } from "./index.js";
// The registration, status and reason texts the desk also uses come with the registration texts.
import "./registration.js";
import type { RegistrationMessageId } from "./registration.js";

/**
 * Texts of the operator's desk (the verification queue, joining a wave for a person), in the
 * operator pages' chunks. As with registration.ts, only this hook names their keys.
 */
addMessages({ id: idDesk, en: enDesk });

export type DeskMessageId = RegistrationMessageId | keyof typeof idDesk;

export const useDeskLang = (): PageLang<DeskMessageId> => usePageLang<DeskMessageId>();
