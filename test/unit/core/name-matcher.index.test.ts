import { describe, expect, it } from 'vitest';
import { matcherFor } from './compile-matcher';
import { buildTermIndex, type MatchTerm } from '../../../src/core/term-index';
import { ENTRY, FIELD, slotOf, type TermIndex } from '../../../src/core/term-format';

// The page decodes what the worker built (page-contacts.ts) and takes nothing on trust: a bucket's
// entries may come in any order or be malformed, and `keyOf` answers for `mailto:` links.

const terms: MatchTerm[] = [
  { key: 'a', text: 'Ana' },
  { key: 'as', text: 'Ana Silva' },
  { key: 'asn', text: 'Ana Silvana' },
  { key: 'ab', text: 'Anabel' },
  { key: 'ad', text: 'Ana S.' },
  { key: 'am', text: 'ana@example.com' },
  { key: 'am2', text: 'ana@example.co' },
];

const texts = [
  'Ana, Ana Silva, Ana Silvana and Anabel',
  'Ana S. wrote to ana@example.com and ana@example.co.',
  'Ana Silvanova, Anabella, Ana  Silva.',
];

describe('matcherFromIndex: buckets as the worker sends them', () => {
  it('matches the same whatever order a bucket holds its entries in', () => {
    const index = buildTermIndex(terms);
    const reversed: TermIndex = {
      ...index,
      buckets: Object.fromEntries(
        Object.entries(index.buckets).map(([slot, raw]) => [
          slot,
          raw.split(ENTRY).reverse().join(ENTRY),
        ]),
      ),
    };
    for (const text of texts) {
      expect(matcherFor(reversed).find(text)).toEqual(matcherFor(index).find(text));
    }
    expect(
      matcherFor(index)
        .find(texts[0]!)
        .map((m) => m.key),
    ).toEqual(['a', 'as', 'asn', 'ab']);
  });

  it('leaves out entries that are not well formed', () => {
    const entry = (...fields: string[]) => fields.join(FIELD);
    const index: TermIndex = {
      size: 1,
      spaceless: false,
      punctuation: false,
      buckets: {
        [slotOf(0x61, 0x6e)]: [
          entry('ana', '', '5'), // no key
          entry('ana', 'big', '32'), // rules out of range
          entry('ana', 'minus', '-1'),
          entry('ana', 'half', '1.5'),
          entry('ana', 'word', 'x'),
          entry('ana', 'none'),
          entry('bob', 'elsewhere', '5'), // in another slot's bucket
          entry('a', 'short', '0'),
          entry('ana', 'ok', '5'),
        ].join(ENTRY),
        [slotOf(0x62, 0x6f)]: 'not\u007fa\u007fterm',
      },
      hints: { inWords: 'ana|bob', anywhere: '', anywhereStarts: '' },
    };
    expect(matcherFor(index).find('ana bob a ana')).toEqual([
      { start: 0, end: 3, key: 'ok' },
      { start: 10, end: 13, key: 'ok' },
    ]);
  });
});

describe('matcherFromIndex: keyOf', () => {
  const matcher = matcherFor(buildTermIndex(terms));

  it('gives the key of the email that is exactly the text, folded as the matcher folds', () => {
    expect(matcher.keyOf('ana@example.com')).toBe('am');
    expect(matcher.keyOf('  ANA@Example.COM ')).toBe('am');
    expect(matcher.keyOf('ana@example.co')).toBe('am2');
  });

  it('gives nothing for a name, a part or a longer address', () => {
    expect(matcher.keyOf('Ana Silva')).toBeUndefined();
    expect(matcher.keyOf('ana@example')).toBeUndefined();
    expect(matcher.keyOf('ana@example.comx')).toBeUndefined();
    expect(matcher.keyOf('xana@example.com')).toBeUndefined();
  });

  it('gives nothing for a text shorter than a term', () => {
    expect(matcher.keyOf('')).toBeUndefined();
    expect(matcher.keyOf('a')).toBeUndefined();
    expect(matcher.keyOf(' @ ')).toBeUndefined();
  });

  it('folds per code unit, as the index does (a final sigma is not a form of its own)', () => {
    const greek = matcherFor(buildTermIndex([{ key: 'g', text: 'ΑΣ@example.gr' }]));
    expect(greek.keyOf('ας@example.gr')).toBeUndefined();
    expect(greek.keyOf('ασ@EXAMPLE.GR')).toBe('g');
  });
});
