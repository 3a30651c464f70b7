/**
 * Short, human phrases for presence times ("until 15:30", "active 5 min ago").
 * Pure: the clock (`now`) and the locale are passed in, so tests and every context agree.
 */

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

function clockTime(date: Date, locale: string | undefined): string {
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** A time of day, "15:30"; "" for a time that is not a date. */
export function formatClock(ms: number, locale?: string): string {
  return isDateTime(ms) ? clockTime(new Date(ms), locale) : '';
}

/**
 * When a status ends: "until 15:30" later today, "until Tue 09:00" within the next six days,
 * "until 3 Dec" further out. "" when there is no end (0) or it has already passed.
 */
export function formatUntil(expiresTime: number, now: number, locale?: string): string {
  if (expiresTime === 0 || !(expiresTime > now)) return '';
  if (!isDateTime(expiresTime) || !isDateTime(now)) return '';
  const expires = new Date(expiresTime);
  const days = calendarDaysBetween(new Date(now), expires);
  if (days === 0) return `until ${clockTime(expires, locale)}`;
  if (days <= WEEKDAY_HORIZON_DAYS) {
    const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(expires);
    return `until ${weekday} ${clockTime(expires, locale)}`;
  }
  const date = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    ...(days > YEAR_HORIZON_DAYS ? { year: 'numeric' } : {}),
  }).format(expires);
  return `until ${date}`;
}

/**
 * How long ago something happened: "just now", "5 min ago", "2 h ago", "3 days ago".
 * Times in the future (a skewed clock) count as just now.
 */
export function formatAge(since: number, now: number): string {
  // A time that is not a number reads as just now, never as "NaN days ago".
  const elapsed = Number.isFinite(now - since) ? Math.max(0, now - since) : 0;
  if (elapsed < MINUTE) return 'just now';
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  const days = Math.floor(elapsed / DAY);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** "active 5 min ago"; "" when the time is unknown (0). */
export function formatLastActive(lastActiveTime: number, now: number): string {
  if (lastActiveTime === 0 || !isDateTime(lastActiveTime)) return '';
  return `active ${formatAge(lastActiveTime, now)}`;
}
