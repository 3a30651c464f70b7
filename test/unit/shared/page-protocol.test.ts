import { describe, expect, it } from 'vitest';
import { PAGE_STYLES } from '../../../src/background/page-styles';
import { buildTermIndex } from '../../../src/core/term-index';
import { parseWorkerToPage } from '../../../src/shared/page-protocol';

const contacts = {
  type: 'contacts',
  focusable: false,
  revision: 'r1',
  index: buildTermIndex([{ key: '0', text: 'Ana Silva' }]),
  styles: PAGE_STYLES,
};

describe('parseWorkerToPage: contacts', () => {
  it('accepts what the worker sends, hints included', () => {
    const parsed = parseWorkerToPage(JSON.parse(JSON.stringify(contacts)));
    expect(parsed.ok && parsed.value.type === 'contacts' && parsed.value.index.hints).toEqual(
      contacts.index.hints,
    );
  });

  it.each([
    ['missing', undefined],
    ['not an object', 'ana'],
    ['without a pattern', { inWords: 'ana', anywhere: '' }],
    ['with a pattern that is not text', { ...contacts.index.hints, anywhere: 42 }],
    ['longer than any watch list makes', { ...contacts.index.hints, inWords: 'x'.repeat(480_001) }],
  ])('refuses an index whose hints are %s', (_, hints) => {
    const parsed = parseWorkerToPage({ ...contacts, index: { ...contacts.index, hints } });
    expect(parsed).toEqual({ ok: false, error: 'a malformed message' });
  });
});

describe('parseWorkerToPage: styles', () => {
  it('hands on the style sheets the worker sends', () => {
    const parsed = parseWorkerToPage(JSON.parse(JSON.stringify(contacts)));
    expect(parsed.ok && parsed.value.type === 'contacts' && parsed.value.styles).toEqual(
      PAGE_STYLES,
    );
  });

  it.each([
    ['missing', undefined],
    ['not an object', 'p{}'],
    ['without the card', { badge: PAGE_STYLES.badge }],
    ['longer than ours ever are', { ...PAGE_STYLES, card: 'x'.repeat(8_001) }],
  ])('refuses contacts whose styles are %s', (_, styles) => {
    expect(parseWorkerToPage({ ...contacts, styles })).toEqual({
      ok: false,
      error: 'a malformed message',
    });
  });
});
