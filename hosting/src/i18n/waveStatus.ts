import { enWaveStatus } from "./en.waveStatus.js";
import { idWaveStatus } from "./id.waveStatus.js";
import { addMessages, usePageLang, type PageLang } from "./index.js";
// The status and reason texts this section also uses come with the registration texts.
import "./registration.js";
import type { RegistrationMessageId } from "./registration.js";

/**
 * Texts of the status page's waves and draw section, in the status page's chunk. As with
 * registration.ts, only this hook names their keys, so a component that uses them has loaded them.
 */
addMessages({ id: idWaveStatus, en: enWaveStatus });

export type WaveStatusMessageId = RegistrationMessageId | keyof typeof idWaveStatus;

export const useWaveStatusLang = (): PageLang<WaveStatusMessageId> => usePageLang<WaveStatusMessageId>();
