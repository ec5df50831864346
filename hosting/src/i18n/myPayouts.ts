import { enMyPayouts } from "./en.myPayouts.js";
import { idMyPayouts } from "./id.myPayouts.js";
import { addMessages, usePageLang, type MessageId, type PageLang } from "./index.js";

/**
 * Texts of the participant's "my incentives" page, in its lazily loaded chunk. As with
 * myTraining.ts, only this hook names their keys, so a component that uses them has loaded them.
 */
addMessages({ id: idMyPayouts, en: enMyPayouts });

export type MyPayoutsMessageId = MessageId | keyof typeof idMyPayouts;

export const useMyPayoutsLang = (): PageLang<MyPayoutsMessageId> => usePageLang<MyPayoutsMessageId>();
