import { enMyTraining } from "./en.myTraining.js";
import { idMyTraining } from "./id.myTraining.js";
import { addMessages, usePageLang, type MessageId, type PageLang } from "./index.js";

/**
 * Texts of the participant's "my training" page, in its lazily loaded chunk. As with
 * catalogue.ts, only this hook names their keys, so a component that uses them has loaded them.
 */
addMessages({ id: idMyTraining, en: enMyTraining });

export type MyTrainingMessageId = MessageId | keyof typeof idMyTraining;

export const useMyTrainingLang = (): PageLang<MyTrainingMessageId> => usePageLang<MyTrainingMessageId>();
