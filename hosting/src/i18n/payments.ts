import { enPayments } from "./en.payments.js";
import { idPayments } from "./id.payments.js";
import { addMessages, usePageLang, type MessageId, type PageLang } from "./index.js";

/** Texts of the program office's payments page, in its lazily loaded chunk (as myTraining.ts). */
addMessages({ id: idPayments, en: enPayments });

export type PaymentsMessageId = MessageId | keyof typeof idPayments;

export const usePaymentsLang = (): PageLang<PaymentsMessageId> => usePageLang<PaymentsMessageId>();
