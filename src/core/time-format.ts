/**
 * Short, human phrases for presence times ("until 15:30", "active 5 minutes ago").
 * Pure: the clock (`now`), the locale and the words around the times are passed in, so tests and
 * every context agree and core never touches `chrome.i18n`. Dates, clock times and "5 minutes
 * ago" come from `Intl` in `locale`; the words ("until …", "active …") come from `words`, which
 * UI code fills from the message catalogue (src/ui/time-text.ts). Without them: English.
 */

/** The words around a formatted time, in the same language as `locale`. */
export interface TimeWords {
  /** "until 15:30", given "15:30". */
  readonly until: (when: string) => string;
  /** "active 5 minutes ago", given "5 minutes ago". */
  readonly active: (ago: string) => string;
  /** Less than a minute ago. */
  readonly justNow: string;
}

export const ENGLISH_TIME_WORDS: TimeWords = {
  until: (when) => `until ${when}`,
  active: (ago) => `active ${ago}`,
  justNow: 'just now',
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Beyond this many days ahead, a weekday name would be ambiguous: show the date instead. */
const WEEKDAY_HORIZON_DAYS = 6;

/** Past this distance "3 Dec" could mean last or next year, so the year is added. */
const YEAR_HORIZON_DAYS = 300;

/** The latest time a `Date` can hold (ECMA-262 §21.4.1.22), in UTC ms. */
const MAX_DATE_MS = 8.64e15;

/**
 * Whether `new Date(ms)` is a real date: `Intl.DateTimeFormat#format` throws a RangeError on an
 * invalid one, and a stored or pushed time must never take a popup down.
 */
function isDateTime(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS;
}

/** Whole local calendar days from `from` to `to` (DST days are 23 or 25 h long, hence the rounding). */
function calendarDaysBetween(from: Date, to: Date): number {
  const start = new Date(from.getFullYear(), from.getMonth(), from.getDate()).getTime();
  const end = new Date(to.getFullYear(), to.getMonth(), to.getDate()).getTime();
  return Math.round((end - start) / DAY);
}

/**
 * Formatters are costly to make and a popup formats every row on every tick: one per locale and
 * options, kept for the life of the page.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions) {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

function relativeFormat(locale: string | undefined): Intl.RelativeTimeFormat {
  const key = `r|${locale}`;
  let format = formatters.get(key) as Intl.RelativeTimeFormat | undefined;
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'long' });
    formatters.set(key, format);
  }
  return format;
}

const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

function clockTime(date: Date, locale: string | undefined): string {
  return dateFormat(locale, CLOCK).format(date);
}

/** A time of day, "15:30"; "" for a time that is not a date. */
export function formatClock(ms: number, locale?: string): string {
  return isDateTime(ms) ? clockTime(new Date(ms), locale) : '';
}

/**
 * A time `days` calendar days away from today (either way): the weekday and time within six
 * days, else the date, with the year past 300 days. One format for weekday and time, so each
 * locale orders and joins them its own way ("09:00 (火)").
 */
function weekdayOrDate(date: Date, days: number, locale: string | undefined): string {
  if (days <= WEEKDAY_HORIZON_DAYS)
    return dateFormat(locale, { weekday: 'short', ...CLOCK }).format(date);
  return dateFormat(locale, {
    day: 'numeric',
    month: 'short',
    ...(days > YEAR_HORIZON_DAYS ? { year: 'numeric' } : {}),
  }).format(date);
}

/**
 * When a status ends: "until 15:30" later today, "until Tue 09:00" within the next six days,
 * "until 3 Dec" further out. "" when there is no end (0) or it has already passed.
 */
export function formatUntil(
  expiresTime: number,
  now: number,
  locale?: string,
  words: TimeWords = ENGLISH_TIME_WORDS,
): string {
  if (expiresTime === 0 || !(expiresTime > now)) return '';
  if (!isDateTime(expiresTime) || !isDateTime(now)) return '';
  const expires = new Date(expiresTime);
  const days = calendarDaysBetween(new Date(now), expires);
  return words.until(
    days === 0 ? clockTime(expires, locale) : weekdayOrDate(expires, days, locale),
  );
}

/**
 * When something happened, in words that stay true while days pass (a page may stay open for
 * days with the same text): "Tue 14:02" within the last six days, today included, "3 Dec"
 * before, with the year past 300 days. A time ahead of `now` (a skewed clock) reads as now's
 * day. "" for a time that is not a date.
 */
export function formatMoment(ms: number, now: number, locale?: string): string {
  if (!isDateTime(ms) || !isDateTime(now)) return '';
  const when = new Date(ms);
  return weekdayOrDate(when, Math.max(0, calendarDaysBetween(when, new Date(now))), locale);
}

/**
 * How long ago something happened: "just now", "5 minutes ago", "2 hours ago", "3 days ago"
 * (`Intl.RelativeTimeFormat`, whole units rounded down). Times in the future (a skewed clock)
 * count as just now.
 */
export function formatAge(
  since: number,
  now: number,
  locale?: string,
  words: TimeWords = ENGLISH_TIME_WORDS,
): string {
  // A time that is not a number reads as just now, never as "NaN days ago".
  const elapsed = Number.isFinite(now - since) ? Math.max(0, now - since) : 0;
  if (elapsed < MINUTE) return words.justNow;
  const ago = relativeFormat(locale);
  if (elapsed < HOUR) return ago.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return ago.format(-Math.floor(elapsed / HOUR), 'hour');
  return ago.format(-Math.floor(elapsed / DAY), 'day');
}

/** "active 5 minutes ago"; "" when the time is unknown (0). */
export function formatLastActive(
  lastActiveTime: number,
  now: number,
  locale?: string,
  words: TimeWords = ENGLISH_TIME_WORDS,
): string {
  if (lastActiveTime === 0 || !isDateTime(lastActiveTime)) return '';
  return words.active(formatAge(lastActiveTime, now, locale, words));
}
