import { enTransparency } from "./en.transparency.js";
import { idTransparency } from "./id.transparency.js";
import { addMessages, usePageLang, type MessageId, type PageLang } from "./index.js";

/**
 * Texts of the transparency pages, in their lazily loaded chunk. As with registration.ts, only
 * this hook names their keys, so a component that uses them has loaded them.
 */
addMessages({ id: idTransparency, en: enTransparency });

export type TransparencyMessageId = MessageId | keyof typeof idTransparency;

export const useTransparencyLang = (): PageLang<TransparencyMessageId> => usePageLang<TransparencyMessageId>();
