import { enCloseProgress } from "./en.closeProgress.js";
import { idCloseProgress } from "./id.closeProgress.js";
import { type ConsoleMessageId } from "./console.js";
import { addMessages, usePageLang, type PageLang } from "./index.js";

/** Texts of a wave's close in the program office's console, in its lazily loaded chunk (as console.ts). */
addMessages({ id: idCloseProgress, en: enCloseProgress });

export type CloseProgressMessageId = ConsoleMessageId | keyof typeof idCloseProgress;

export const useCloseProgressLang = (): PageLang<CloseProgressMessageId> => usePageLang<CloseProgressMessageId>();
