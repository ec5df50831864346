import { enDashboard } from "./en.dashboard.js";
import { idDashboard } from "./id.dashboard.js";
import { addMessages, usePageLang, type MessageId, type PageLang } from "./index.js";

/** Texts of the regional dashboard, in its lazily loaded chunk (as payments.ts). */
addMessages({ id: idDashboard, en: enDashboard });

export type DashboardMessageId = MessageId | keyof typeof idDashboard;

export const useDashboardLang = (): PageLang<DashboardMessageId> => usePageLang<DashboardMessageId>();
