import { enMyData } from "./en.myData.js";
import { idMyData } from "./id.myData.js";
import { addMessages, usePageLang, type MessageId, type PageLang } from "./index.js";

/** Texts of "download my data" (pages/status/DownloadMyData.tsx), in the status page's chunk. Only this hook names their keys. */
addMessages({ id: idMyData, en: enMyData });

export type MyDataMessageId = MessageId | keyof typeof idMyData;

export const useMyDataLang = (): PageLang<MyDataMessageId> => usePageLang<MyDataMessageId>();
