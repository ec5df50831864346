import { enCatalogue } from "./en.catalogue.js";
import { idCatalogue } from "./id.catalogue.js";
import { addMessages, usePageLang, type MessageId, type PageLang } from "./index.js";

/**
 * Texts of the training catalogue pages, in their lazily loaded chunk. As with transparency.ts,
 * only this hook names their keys, so a component that uses them has loaded them.
 */
addMessages({ id: idCatalogue, en: enCatalogue });

export type CatalogueMessageId = MessageId | keyof typeof idCatalogue;

export const useCatalogueLang = (): PageLang<CatalogueMessageId> => usePageLang<CatalogueMessageId>();
