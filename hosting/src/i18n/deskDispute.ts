import { enDeskDispute } from "./en.deskDispute.js";
import { idDeskDispute } from "./id.deskDispute.js";
import { addMessages, usePageLang, type PageLang } from "./index.js";
import "./desk.js";
import type { DeskMessageId } from "./desk.js";

/** Texts of the desk's lookup, NIK disputes, today's count and the receipt, in the operator page's chunk. */
addMessages({ id: idDeskDispute, en: enDeskDispute });

export type DeskDisputeMessageId = DeskMessageId | keyof typeof idDeskDispute;

export const useDeskDisputeLang = (): PageLang<DeskDisputeMessageId> => usePageLang<DeskDisputeMessageId>();
