import { enConsole } from "./en.console.js";
import { idConsole } from "./id.console.js";
import { addMessages, usePageLang, type MessageId, type PageLang } from "./index.js";

/** Texts of the program office's console (/admin: waves, exclusion lists, roles), in its lazily loaded chunk. */
addMessages({ id: idConsole, en: enConsole });

export type ConsoleMessageId = MessageId | keyof typeof idConsole;

export const useConsoleLang = (): PageLang<ConsoleMessageId> => usePageLang<ConsoleMessageId>();
