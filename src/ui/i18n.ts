/**
 * Every UI string goes through `t()`: `chrome.i18n` with `_locales/<lang>/messages.json`
 * (public/_locales/en is the catalogue). Keys are `[A-Za-z0-9_]`; substitutions fill `$1`…`$9`
 * or named placeholders. A key missing from the catalogue shows itself, never a blank.
 */
export function t(key: string, substitutions?: string | readonly string[]): string {
  const subs = substitutions === undefined ? undefined : [substitutions].flat();
  const text = globalThis.chrome?.i18n?.getMessage(key, subs);
  return text === undefined || text === '' ? key : text;
}

/** The browser's UI language, for `Intl` (times, dates, numbers, sorting). */
export function uiLanguage(): string | undefined {
  return globalThis.chrome?.i18n?.getUILanguage?.() ?? undefined;
}
