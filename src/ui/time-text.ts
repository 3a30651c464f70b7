/**
 * Presence times in the UI's language: src/core/time-format.ts with the catalogue's words and a
 * locale that matches them. Every page, the popup and the content script go through here.
 */
import {
  formatAge,
  formatClock,
  formatLastActive,
  formatMoment,
  formatUntil,
  type TimeWords,
} from '../core/time-format';
import { t, uiLanguage } from './i18n';

function catalogueWords(): TimeWords {
  return {
    until: (when) => t('time_until', when),
    active: (ago) => t('time_active_ago', ago),
    justNow: t('time_just_now'),
  };
}

/**
 * The browser's language when the catalogue speaks it (en-GB keeps its date order with the `en`
 * words), else the catalogue's own: never "active vor 5 Minuten" from English words around a
 * German browser's `Intl`.
 */
export function timeLocale(): string | undefined {
  const catalogue = t('time_catalogue_language');
  const browser = uiLanguage();
  if (catalogue === 'time_catalogue_language') return browser; // no catalogue (bare tests)
  const sameLanguage = browser?.toLowerCase().split(/[-_]/)[0] === catalogue.toLowerCase();
  return sameLanguage ? browser : catalogue;
}

/** "until 15:30", "until Tue 09:00", "until 3 Dec"; "" when there is no end. */
export const untilText = (expiresTime: number, now: number): string =>
  formatUntil(expiresTime, now, timeLocale(), catalogueWords());

/** "active 5 minutes ago"; "" when unknown. */
export const lastActiveText = (lastActiveTime: number, now: number): string =>
  formatLastActive(lastActiveTime, now, timeLocale(), catalogueWords());

/**
 * "last active Tue 14:02": for text made once and kept (a page's badge card), which must not go
 * stale the way "5 minutes ago" does. "" when unknown.
 */
export const lastActiveAtText = (lastActiveTime: number, now: number): string => {
  const when = lastActiveTime === 0 ? '' : formatMoment(lastActiveTime, now, timeLocale());
  return when ? t('time_active_at', when) : '';
};

/** "5 minutes ago", "just now". */
export const ageText = (since: number, now: number): string =>
  formatAge(since, now, timeLocale(), catalogueWords());

/** "15:30". */
export const clockText = (ms: number): string => formatClock(ms, timeLocale());
