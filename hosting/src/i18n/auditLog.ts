import { enAuditLog } from "./en.auditLog.js";
import { idAuditLog } from "./id.auditLog.js";
import { addMessages, usePageLang, type MessageId, type PageLang } from "./index.js";

/** Texts of the audit log page, in its lazily loaded chunk (as payments.ts). */
addMessages({ id: idAuditLog, en: enAuditLog });

export type AuditLogMessageId = MessageId | keyof typeof idAuditLog;

export const useAuditLogLang = (): PageLang<AuditLogMessageId> => usePageLang<AuditLogMessageId>();
