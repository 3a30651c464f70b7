import { afterEach, describe, expect, it, vi } from 'vitest';
import { lastActiveText, timeLocale, untilText } from '../../../src/ui/time-text';

const i18n = () =>
  (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n;

function browserLanguage(language: string): void {
  vi.spyOn(i18n(), 'getUILanguage').mockReturnValue(language);
}

afterEach(() => vi.restoreAllMocks());

describe('time text in the UI language', () => {
  const now = new Date(2025, 11, 1, 10, 0).getTime(); // Mon 1 Dec 2025

  it('keeps a regional variant of the catalogue language (its date order)', () => {
    browserLanguage('en-GB');
    expect(timeLocale()).toBe('en-GB');
    expect(untilText(new Date(2025, 11, 20, 9).getTime(), now)).toBe('until 20 Dec');
  });

  it('writes times in the catalogue language when the browser speaks one without a catalogue', () => {
    browserLanguage('de-DE');
    expect(timeLocale()).toBe('en');
    expect(lastActiveText(now - 12 * 60_000, now)).toBe('active 12 minutes ago');
    expect(untilText(new Date(2025, 11, 2, 9).getTime(), now)).toBe('until Tue 09:00');
  });

  it('takes its words from the catalogue', () => {
    browserLanguage('en');
    expect(lastActiveText(now - 5_000, now)).toBe('active just now');
    expect(lastActiveText(0, now)).toBe('');
  });
});
