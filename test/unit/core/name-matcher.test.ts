import { describe, expect, it } from 'vitest';
import type { TermIndex } from '../../../src/core/term-format';
import { buildTermIndex, type MatchTerm } from '../../../src/core/term-index';
import { compileNameMatcher, found, matcherFor } from './compile-matcher';

const ana: MatchTerm = { key: 'ana', text: 'Ana Silva' };
const anaMail: MatchTerm = { key: 'ana', text: 'ana@example.com' };

describe('compileNameMatcher: names in word scripts', () => {
  it('finds a name and reports exact offsets', () => {
    expect(compileNameMatcher([ana]).find('Ping Ana Silva today')).toEqual([
      { start: 5, end: 14, key: 'ana' },
    ]);
  });

  it('ignores case on both sides', () => {
    expect(found([{ key: 'ana', text: 'aNa sIlVa' }], 'ANA SILVA and ana silva')).toEqual([
      'ana:ANA SILVA',
      'ana:ana silva',
    ]);
  });

  it('lets any run of white space in the page stand for the space in a name', () => {
    expect(found([ana], 'Ana\u00a0Silva')).toEqual(['ana:Ana\u00a0Silva']);
    expect(found([ana], 'Ana\r\n  Silva')).toEqual(['ana:Ana\r\n  Silva']);
    expect(found([ana], 'Ana\t\u2009\u3000Silva')).toEqual(['ana:Ana\t\u2009\u3000Silva']);
    expect(found([ana], 'ANA   SILVA')).toEqual(['ana:ANA   SILVA']);
  });

  it('normalises the white space of terms', () => {
    expect(found([{ key: 'ana', text: '  Ana \n\u00a0 Silva ' }], 'Ana Silva')).toEqual([
      'ana:Ana Silva',
    ]);
  });

  it('needs white space where the name has a space', () => {
    expect(found([ana], 'AnaSilva')).toEqual([]);
    expect(found([ana], 'Ana-Silva')).toEqual([]);
  });

  it('matches whole words only', () => {
    expect(found([ana], 'Ana Silvanova')).toEqual([]);
    expect(found([ana], 'XAna Silva')).toEqual([]);
    expect(found([ana], 'Ana Silvá')).toEqual([]);
    expect(found([ana], 'Ana Silva\u0301')).toEqual([]); // a combining mark continues the word
  });

  it('lets a letter and a digit end each other: handles and footnote markers', () => {
    expect(found([ana], 'Ana Silva2')).toEqual(['ana:Ana Silva']);
    expect(found([{ key: 's', text: 'stevenhgm' }], 'facebook.com/stevenhgm1188')).toEqual([
      's:stevenhgm',
    ]);
    expect(found([{ key: 'r', text: 'R2 D2' }], 'R2 D2x and R2 D22')).toEqual(['r:R2 D2']);
    expect(found([{ key: 'n', text: '3M Team' }], 'a 33M Team')).toEqual([]);
  });

  it('accepts punctuation around a name', () => {
    for (const text of [
      '(Ana Silva)',
      "Ana Silva's",
      'Ana Silva.',
      '"Ana Silva",',
      '@Ana Silva:',
    ]) {
      expect(found([ana], text)).toEqual(['ana:Ana Silva']);
    }
  });

  it('takes a typographic apostrophe or hyphen for the ASCII one, either way round', () => {
    const conan = { key: 'c', text: "Conan O'Brien" };
    const jp = { key: 'j', text: 'Jean‑Pierre Roy' }; // a non-breaking hyphen, as a directory has it
    expect(found([conan, jp], 'Conan O’Brien met Jean-Pierre Roy')).toEqual([
      'c:Conan O’Brien',
      'j:Jean-Pierre Roy',
    ]);
    expect(found([conan, jp], "CONAN OʼBRIEN, Conan O'Brien, jean‐pierre roy")).toEqual([
      'c:CONAN OʼBRIEN',
      "c:Conan O'Brien",
      'j:jean‐pierre roy',
    ]);
    // The hint a page searches for starts with the apostrophe too (a name written that way).
    expect(found([{ key: 't', text: "'t Hooft" }], 'Gerard ’t Hooft')).toEqual(['t:’t Hooft']);
    expect(found([conan], 'Conan O"Brien')).toEqual([]);
  });

  it('does not fold diacritics', () => {
    const sebastien = { key: 's', text: 'Sébastien Roy' };
    expect(found([sebastien], 'Sebastien Roy')).toEqual([]);
    expect(found([sebastien], 'SÉBASTIEN ROY')).toEqual(['s:SÉBASTIEN ROY']);
  });

  it('applies the whole-word rule to Cyrillic and Greek', () => {
    const ivan = { key: 'i', text: 'Иван Петров' };
    expect(found([ivan], 'писал ИВАН ПЕТРОВ.')).toEqual(['i:ИВАН ПЕТРОВ']);
    expect(found([ivan], 'Иван Петрова')).toEqual([]);
    expect(found([{ key: 'g', text: 'Νίκος' }], 'ο Νίκος, ο Νίκοςα')).toEqual(['g:Νίκος']);
  });

  it('checks the boundary only on an edge that is a letter or digit', () => {
    const dotted = { key: 'j', text: 'J. Smith' };
    expect(found([dotted], 'xJ. Smith')).toEqual([]);
    const bracketed = { key: 'b', text: '(Bob)' };
    expect(found([bracketed], 'x(Bob)y')).toEqual(['b:(Bob)']);
  });
});

describe('compileNameMatcher: scripts written without spaces', () => {
  it('finds a Chinese name inside a run of text', () => {
    expect(found([{ key: 'w', text: '王小明' }], '记者王小明报道')).toEqual(['w:王小明']);
  });

  it('finds Japanese and Korean names inside words', () => {
    expect(found([{ key: 'y', text: '山田太郎' }], '担当は山田太郎さんです')).toEqual([
      'y:山田太郎',
    ]);
    expect(found([{ key: 'k', text: 'タナカ' }], 'タナカさん')).toEqual(['k:タナカ']);
    expect(found([{ key: 'h', text: '김민수' }], '김민수님이')).toEqual(['h:김민수']);
  });

  it('finds a Thai name inside a run of text', () => {
    expect(found([{ key: 't', text: 'สมชาย' }], 'คุณสมชายมา')).toEqual(['t:สมชาย']);
  });

  it('checks the Latin edge of a mixed name against spaced scripts only', () => {
    const mixed = { key: 'm', text: '王Ana' };
    expect(found([mixed], '记者王Anab说')).toEqual([]);
    expect(found([mixed], '记者王Ana说')).toEqual(['m:王Ana']);
    expect(found([mixed], '记者王Ana。')).toEqual(['m:王Ana']);
  });

  it('finds a Latin name written against CJK text without spaces', () => {
    const ana = { key: 'a', text: 'Ana Silva' };
    expect(found([ana], '和Ana Silva说')).toEqual(['a:Ana Silva']);
    expect(found([ana], '和Ana Silvanova说')).toEqual([]);
  });
});

describe('compileNameMatcher: emails', () => {
  it('finds an email at the end of a sentence and in angle brackets', () => {
    expect(found([anaMail], 'mail ana@example.com.')).toEqual(['ana:ana@example.com']);
    expect(found([anaMail], 'Ana <ana@example.com>')).toEqual(['ana:ana@example.com']);
    expect(found([anaMail], 'ANA@EXAMPLE.COM, bob')).toEqual(['ana:ANA@EXAMPLE.COM']);
    expect(found([anaMail], 'mailto:ana@example.com?subject=x')).toEqual(['ana:ana@example.com']);
  });

  it('rejects an email that is part of a longer address', () => {
    for (const text of [
      'xana@example.com',
      'j.ana@example.com',
      'x_ana@example.com',
      'x-ana@example.com',
      'x+ana@example.com',
      'x%ana@example.com',
      'ana@example.com.au',
      'ana@example.com-x',
      'ana@example.comx',
      'ana@example.com_x',
      'ana@example.com@x',
    ]) {
      expect(found([anaMail], text), text).toEqual([]);
    }
  });

  it('accepts a period that is not followed by a letter or digit', () => {
    expect(found([anaMail], 'ana@example.com. Next')).toEqual(['ana:ana@example.com']);
    expect(found([anaMail], 'ana@example.com..')).toEqual(['ana:ana@example.com']);
  });
});

describe('compileNameMatcher: overlaps and duplicates', () => {
  const terms: MatchTerm[] = [
    { key: 'a', text: 'Ana' },
    { key: 'as', text: 'Ana Silva' },
    { key: 'sc', text: 'Silva Costa' },
  ];

  it('prefers the longest name at one start', () => {
    expect(found(terms, 'Ana Silva Costa')).toEqual(['as:Ana Silva']);
  });

  it('prefers the leftmost name over a longer one that starts later', () => {
    const more = [...terms, { key: 'long', text: 'Silva Costa Pereira' }];
    expect(found(more, 'Ana Silva Costa Pereira')).toEqual(['as:Ana Silva']);
  });

  it('returns non-overlapping matches in order', () => {
    expect(found(terms, 'Ana, then Silva Costa, then Ana Silva')).toEqual([
      'a:Ana',
      'sc:Silva Costa',
      'as:Ana Silva',
    ]);
  });

  it('falls back to a shorter name when the longer one breaks a word', () => {
    expect(found(terms, 'Ana Silvanova')).toEqual(['a:Ana']);
  });

  it('finds a later match that a rejected longer prefix was hiding', () => {
    const nested = [
      { key: 'ab', text: 'ab' },
      { key: 'cd', text: 'cd' },
      { key: 'long', text: 'ab cd ef' },
    ];
    expect(found(nested, 'ab cd eg')).toEqual(['ab:ab', 'cd:cd']);
  });

  it('reports a shared name once, with the key of the first term', () => {
    const twins = [
      { key: 'first', text: 'Ana Silva' },
      { key: 'second', text: 'ANA  SILVA' },
    ];
    expect(found(twins, 'Ana Silva')).toEqual(['first:Ana Silva']);
    expect(compileNameMatcher(twins).size).toBe(1);
  });
});

describe('compileNameMatcher: offsets and edge cases', () => {
  it('maps offsets back through runs of white space and surrogate pairs', () => {
    const text = '👋🏽 hi \n\n  there 😀  Ana \u00a0\n Silva 🎉';
    const [match] = compileNameMatcher([ana]).find(text);
    expect(match).toBeDefined();
    expect(text.slice(match!.start, match!.end)).toBe('Ana \u00a0\n Silva');
    expect(match!.start).toBe(text.indexOf('Ana'));
  });

  it('treats an emoji next to a name as a boundary', () => {
    expect(found([ana], '😀Ana Silva😀')).toEqual(['ana:Ana Silva']);
  });

  it('finds names at the very start and end of the text', () => {
    expect(found([ana], 'Ana Silva')).toEqual(['ana:Ana Silva']);
    expect(found([ana, { key: 'b', text: 'Bob Ray' }], 'Ana Silva Bob Ray')).toEqual([
      'ana:Ana Silva',
      'b:Bob Ray',
    ]);
  });

  it('returns one shared frozen empty array when nothing matches', () => {
    const matcher = compileNameMatcher([ana]);
    const first = matcher.find('nothing here');
    expect(first).toEqual([]);
    expect(Object.isFrozen(first)).toBe(true);
    expect(matcher.find('')).toBe(first);
  });

  it('works with no terms at all', () => {
    const matcher = compileNameMatcher([]);
    expect(matcher.size).toBe(0);
    expect(matcher.find('Ana Silva')).toEqual([]);
  });

  it('ignores terms that are empty or shorter than two characters', () => {
    const matcher = compileNameMatcher([
      { key: 'e', text: '' },
      { key: 's', text: '   \n ' },
      { key: 'x', text: ' X ' },
      { key: 'h', text: '王' },
      { key: 'emoji', text: '😀' },
      { key: 'ok', text: 'Al' },
    ]);
    expect(matcher.size).toBe(1);
    expect(matcher.find('X 王 😀 Al').map((m) => m.key)).toEqual(['ok']);
  });

  // How fast it compiles and matches is the annotation benchmark's job (npm run bench), not a test's.
  it('compiles three thousand terms and finds among them', () => {
    const terms = Array.from({ length: 3000 }, (_, i) => ({
      key: `c${i}`,
      text: i % 3 === 2 ? `person.${i}@example.com` : `Person${i} Surname${i % 97}`,
    }));
    const matcher = compileNameMatcher(terms);
    expect(matcher.size).toBe(3000);
    expect(found(terms, 'cc person.2@example.com and Person3 Surname3.')).toEqual([
      'c2:person.2@example.com',
      'c3:Person3 Surname3',
    ]);
  });
});

describe('matcherFromIndex: an index that came over a port', () => {
  const index = buildTermIndex([ana]);

  it('compiles only the literal alternations the worker writes', () => {
    const withHints = (hints: Partial<TermIndex['hints']>) =>
      matcherFor({ ...index, hints: { ...index.hints, ...hints } });
    expect(withHints({}).find('Ana Silva')).toEqual([{ start: 0, end: 9, key: 'ana' }]);
    // Catastrophic backtracking, an unbalanced class, a group, empty alternatives, a dangling
    // escape: each would have been compiled as given, or have matched everywhere.
    const hostile = ['(a+)+$', `${index.hints.inWords}|[x`, '(ana)', 'ana|', '|ana', 'ana\\'];
    for (const inWords of hostile) {
      expect(withHints({ inWords }).find(`Ana Silva ${'a'.repeat(40)}!`)).toEqual([]);
    }
  });

  it('takes any class for where the other hints start, and none that is not one', () => {
    const cjk = buildTermIndex([{ key: 'w', text: '王小明' }]);
    const withStarts = (anywhereStarts: string) =>
      matcherFor({ ...cjk, hints: { ...cjk.hints, anywhereStarts } }).find('见王小明');
    expect(withStarts(cjk.hints.anywhereStarts)).toEqual([{ start: 1, end: 4, key: 'w' }]);
    // Too wide a class finds too much, and the alternation decides.
    expect(withStarts('[^x]')).toEqual([{ start: 1, end: 4, key: 'w' }]);
    expect(withStarts('[王')).toEqual([]);
    expect(withStarts('王+')).toEqual([]);
  });

  it('finds nothing when the hints are empty, even if buckets hold terms', () => {
    const empty = { ...index, hints: { inWords: '', anywhere: '', anywhereStarts: '' } };
    expect(matcherFor(empty).find('Ana Silva')).toEqual([]);
  });
});
