import { enReveal } from "./en.reveal.js";
import { idReveal } from "./id.reveal.js";
import { addMessages, usePageLang, type MessageId, type PageLang } from "./index.js";

/** Texts of RevealField (components/RevealField.tsx), loaded with the pages that embed it. Only this hook names their keys. */
addMessages({ id: idReveal, en: enReveal });

export type RevealMessageId = MessageId | keyof typeof idReveal;

export const useRevealLang = (): PageLang<RevealMessageId> => usePageLang<RevealMessageId>();
