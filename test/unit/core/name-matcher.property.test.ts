import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NameMatch } from '../../../src/core/name-matcher';
import type { MatchTerm } from '../../../src/core/term-index';
import { compileNameMatcher } from './compile-matcher';

// A naive reference, written from the rules rather than from the implementation: every term tried
// at every position with regexes and whole strings, then the leftmost-longest matches picked.

const WHITE_SPACE = /^\s$/;
const WORD = /^[\p{L}\p{N}\p{M}]$/u;
const SPACELESS =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u;
const EMAIL_BEFORE = /^[\p{L}\p{N}._%+-]$/u;
const EMAIL_AFTER = /^[\p{L}\p{N}_%+@-]$/u;
const LETTER_DIGIT = /^[\p{L}\p{N}]$/u;

const isSpace = (unit: string) => WHITE_SPACE.test(unit);
/** Typographic apostrophes and hyphens stand for the ASCII ones. */
const ASCII_FORM: Readonly<Record<string, string>> = {
  '’': "'",
  '‘': "'",
  ʼ: "'",
  '´': "'",
  '‐': '-',
  '‑': '-',
};
const foldUnit = (unit: string) =>
  isSpace(unit) ? ' ' : (ASCII_FORM[unit] ?? unit.toLowerCase().charAt(0));
const fold = (text: string) =>
  [...Array(text.length).keys()].map((i) => foldUnit(text[i]!)).join('');
/** As a reader reads a text: composed, with no soft hyphens (they show only at a line's end). */
const asRead = (text: string) => text.normalize('NFC').replaceAll('\u00ad', '');
const normalise = (text: string) => asRead(text.replace(/\s+/g, ' ').trim());
const charBefore = (text: string, index: number) => [...text.slice(0, index)].at(-1) ?? '';
const charAfter = (text: string, index: number) => [...text.slice(index)][0] ?? '';
const DIGIT = /^\p{N}$/u;
/** A spaced-script character's kind: a letter (or mark) and a digit do not continue each other. */
const kind = (char: string) =>
  !WORD.test(char) || SPACELESS.test(char) ? 'none' : DIGIT.test(char) ? 'digit' : 'letter';
const continues = (edge: string, neighbour: string) =>
  kind(edge) !== 'none' && kind(edge) === kind(neighbour);

/** End of the term's match at `start`, or -1. */
function matchEnd(folded: string, text: string, start: number): number {
  let j = start;
  for (const unit of folded.split('')) {
    if (unit === ' ') {
      if (j >= text.length || !isSpace(text[j]!)) return -1;
      while (j < text.length && isSpace(text[j]!)) j++;
    } else {
      if (j >= text.length || foldUnit(text[j]!) !== unit) return -1;
      j++;
    }
  }
  return j;
}

function boundariesHold(term: string, text: string, start: number, end: number): boolean {
  const before = charBefore(text, start);
  const after = charAfter(text, end);
  if (term.includes('@')) {
    const dotThenWord = after === '.' && LETTER_DIGIT.test(charAfter(text, end + 1));
    return !EMAIL_BEFORE.test(before) && !EMAIL_AFTER.test(after) && !dotThenWord;
  }
  const chars = [...term];
  if (continues(chars[0]!, before)) return false;
  return !continues(chars.at(-1)!, after);
}

/**
 * A page's text is matched as read (asRead), as terms are; an offset in it stands for the last
 * place in the text up to which the text reads the same.
 */
function referenceFind(terms: readonly MatchTerm[], page: string): NameMatch[] {
  const text = asRead(page);
  const back = (offset: number) => {
    let at = page.length;
    while (at > 0 && asRead(page.slice(0, at)) !== text.slice(0, offset)) at--;
    return at;
  };
  return composedFind(terms, text).map(({ start, end, key }) => ({
    start: back(start),
    end: back(end),
    key,
  }));
}

function composedFind(terms: readonly MatchTerm[], text: string): NameMatch[] {
  const seen = new Set<string>();
  const candidates: NameMatch[] = [];
  for (const { key, text: raw } of terms) {
    const term = normalise(raw);
    const folded = fold(term);
    if ([...term].length < 2 || seen.has(folded)) continue;
    seen.add(folded);
    for (let start = 0; start < text.length; start++) {
      const end = matchEnd(folded, text, start);
      if (end >= 0 && boundariesHold(term, text, start, end)) candidates.push({ start, end, key });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: NameMatch[] = [];
  for (const c of candidates) if (c.start >= (chosen.at(-1)?.end ?? 0)) chosen.push(c);
  return chosen;
}

// Small alphabets, so that matches and near misses are frequent.
const WORDS = [
  'ana',
  'Ana',
  'an',
  'na',
  'silva',
  'SILVA',
  'silvá',
  'Sé',
  'se',
  'bob',
  'Kim',
  'a.b',
  // Matched through hints lower-cased as whole strings (term-hint.ts): a final sigma, and cased
  // astral letters (Adlam), one of them cut by the hint's length.
  'Σίσυ',
  'ΑΣ',
  '𞤀𞤣',
  'abc𞤀𞤣',
  // Apostrophes and hyphens in their ASCII and typographic forms, starting a term too.
  "o'b",
  'o’b',
  "'t",
  '’t',
  'j-p',
  'j‑p',
];
const CJK = ['王', '小', '明', '王小', '小明', '김', '민', 'ก'];
const EMAILS = ['ana@ex.com', 'a@ex.co', 'b.o@ex.com', 'ex.com', 'ana@ex.com.au', 'x.ana@ex.com'];
const SPACES = [' ', '  ', '\u00a0', '\n', '\t', '\u2009', ' \r\n '];
const OTHERS = [
  ...[',', '.', '.a', '. ', "'", '’', 'ʼ', '(', ')', '<', '>', '@', '-', '‐', '_', '+', '%'],
  ...['x', '1'],
];
const LETTERS = ['É', 'E', 'é', 'e\u0301', '\u0301', '\u00ad', '😀', 'İ', 'ß', 'ς'];

const piece = fc.constantFrom(...WORDS, ...CJK, ...EMAILS);
const space = fc.constantFrom(...SPACES);
const termText = fc
  .tuple(fc.array(fc.tuple(piece, space), { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([parts, padded]) => {
    const text = parts.map(([p, s]) => p + s).join('');
    return padded ? ` ${text}` : text.trimEnd();
  });
const termList = fc
  .array(termText, { minLength: 1, maxLength: 30 })
  .map((texts) => texts.map((text, i) => ({ key: `k${i}`, text })));

// How a page may write a term: other case, including letters whose lower case is not one unit
// ('İ' lowers to "i" + U+0307) or is an ASCII letter (KELVIN SIGN lowers to "k").
const RECASE: readonly ((text: string) => string)[] = [
  (text) => text,
  (text) => text.toUpperCase(),
  (text) => text.toLowerCase(),
  (text) => text.replace(/i/gi, 'İ').replace(/k/gi, '\u212a'),
];

/** Page text from the terms themselves (recased, respaced), pieces, spaces and punctuation. */
function pageText(terms: readonly MatchTerm[]): fc.Arbitrary<string> {
  const fromTerm = fc
    .tuple(fc.constantFrom(...terms.map((t) => t.text)), space, fc.constantFrom(...RECASE))
    .map(([text, s, recase]) => recase(text.replace(/\s+/g, s)));
  const token = fc.oneof(
    fromTerm,
    piece,
    space,
    fc.constantFrom(...OTHERS),
    fc.constantFrom(...LETTERS),
  );
  return fc.array(token, { maxLength: 24 }).map((tokens) => tokens.join(''));
}

const scenario = termList.chain((terms) => fc.tuple(fc.constant(terms), pageText(terms)));

/** Terms that share prefixes and letters with the real ones but use 'q', 'z' and digits, never in a page. */
function distractors(terms: readonly MatchTerm[], count: number): MatchTerm[] {
  return Array.from({ length: count }, (_, i) => {
    const base = terms[i % terms.length]!.text;
    const text = i % 3 === 0 ? `${base}zq${i}` : i % 3 === 1 ? `qz${i} ${base}` : `Zq${i} Silva`;
    return { key: `d${i}`, text };
  });
}

// Hundreds of runs, some compiling a thousand terms: more than the default 5 s on a busy machine.
const SLOW = { timeout: 60_000 };

describe('compileNameMatcher (properties)', () => {
  it('finds what a naive per-term scan finds', SLOW, () => {
    fc.assert(
      fc.property(scenario, ([terms, text]) => {
        expect(compileNameMatcher(terms).find(text)).toEqual(referenceFind(terms, text));
      }),
      { numRuns: 500 },
    );
  });

  it(
    'finds the same whether a few or a thousand unrelated terms are compiled alongside',
    SLOW,
    () => {
      fc.assert(
        fc.property(scenario, ([terms, text]) => {
          const few = compileNameMatcher([...terms, ...distractors(terms, 5)]).find(text);
          const many = compileNameMatcher([...terms, ...distractors(terms, 1000)]).find(text);
          expect(many).toEqual(few);
          expect(few).toEqual(referenceFind(terms, text));
        }),
        { numRuns: 300 },
      );
    },
  );

  it('returns matches in order, without overlaps, each one inside the text', () => {
    fc.assert(
      fc.property(scenario, ([terms, text]) => {
        let previousEnd = 0;
        for (const { start, end } of compileNameMatcher(terms).find(text)) {
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(text.length);
          previousEnd = end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds in many texts at once what it finds in each one alone', SLOW, () => {
    const texts = termList.chain((terms) =>
      fc.tuple(fc.constant(terms), fc.array(pageText(terms), { maxLength: 6 })),
    );
    fc.assert(
      fc.property(texts, ([terms, pages]) => {
        const matcher = compileNameMatcher(terms);
        const each: (readonly NameMatch[])[] = pages.map(() => []);
        matcher.findEach(pages, (at, matches) => (each[at] = matches));
        expect(each).toEqual(pages.map((text) => referenceFind(terms, text)));
      }),
      { numRuns: 300 },
    );
  });
});
