/**
 * `chrome.i18n` for unit tests, reading the real catalogue (public/_locales/en/messages.json)
 * with Chrome's substitution rules, so tests see the strings users see.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const catalogue = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8'),
) as Record<string, Entry>;

function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = catalogue[key];
  if (entry === undefined) return '';
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  const positional = (text: string) =>
    text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder === undefined ? whole : positional(placeholder.content);
  });
  return positional(named).replace(/\$\$/g, '$');
}

export function installI18n(): void {
  const g = globalThis as { chrome?: Record<string, unknown> };
  g.chrome ??= {};
  g.chrome['i18n'] = { getMessage, getUILanguage: () => 'en' };
}
