/**
 * The name matcher's first look at a text: where does the beginning of some term occur? Page text
 * is read cold on every load, and a loop over its characters in JavaScript runs interpreted, at
 * tens of nanoseconds a character; the regular-expression engine reads it natively. So the terms'
 * first few units (their "hints") become one alternation of literals, which the engine reads as a
 * trie of its own (it merges common prefixes), and the matcher's trie is walked only where a hint
 * occurs: on most pages, in a few text nodes out of thousands.
 *
 * Texts and hints are compared lower-cased as whole strings (String#toLowerCase, native): a hint
 * occurs wherever its term does, because the matcher's own fold (per code unit, see foldUnit) and
 * whole-string lower-casing differ only in ways handled here: the final sigma (σ or ς by context),
 * U+0130 (the only character whose lower case is longer), and astral letters (lower-cased only as
 * whole strings, so a hint is never cut inside a surrogate pair).
 */
import { foldUnit } from './char-classes';

/** Units of a folded term that make its hint. */
const HINT_LENGTH = 4;
/** Not escaped by JSON (see FIELD in name-matcher.ts), and never in a term. */
const SEPARATOR = '\u007f';

/** The same length as `text`, lower-cased as a whole string, so offsets carry over. */
export function lowerText(text: string): string {
  // One native pass in the common case; U+0130 lowers to two units ("i" + U+0307), the matcher's
  // fold keeps the first, and only a text that has one pays for a second pass.
  const lowered = text.toLowerCase();
  if (lowered.length === text.length) return lowered;
  const dotless = text.replaceAll('\u0130', 'I').toLowerCase();
  if (dotless.length === text.length) return dotless;
  // Not known to happen: keep the offsets with the matcher's own fold.
  let folded = '';
  for (let i = 0; i < text.length; i++) folded += String.fromCharCode(foldUnit(text.charCodeAt(i)));
  return folded;
}

/** A folded term's hint: its first units, lower-cased as lowerText does. */
function hintOf(folded: string): string {
  let end = Math.min(folded.length, HINT_LENGTH);
  const last = folded.charCodeAt(end - 1);
  if (end < folded.length && last >= 0xd800 && last <= 0xdbff) end++;
  return lowerText(folded.slice(0, end));
}

/**
 * Lower-case letters of the Latin-1 range. A term that starts with one never begins right after
 * another (see `begins` in name-matcher.ts), so its hint's pattern asks for something else
 * first: the engine then rejects a position inside a word with one class test, where trying
 * every hint there made it several times slower on ordinary prose.
 */
const WORD_LETTER = 'a-z\u00df-\u00f6\u00f8-\u00ff';

export function isWordLetter(unit: number): boolean {
  return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0xdf && unit <= 0xff && unit !== 0xf7);
}

/**
 * The distinct hints of folded terms, for the term index, as two strings: `inWords`, the hints
 * that start with a WORD_LETTER, and `anywhere`, the others (names in scripts written without
 * spaces, for one).
 */
export function joinHints(folded: Iterable<string>): { inWords: string; anywhere: string } {
  const hints = new Set<string>();
  for (const term of folded) hints.add(hintOf(term));
  const sorted = [...hints].sort();
  const inWords = sorted.filter((hint) => isWordLetter(hint.charCodeAt(0)));
  const anywhere = sorted.filter((hint) => !isWordLetter(hint.charCodeAt(0)));
  return { inWords: inWords.join(SEPARATOR), anywhere: anywhere.join(SEPARATOR) };
}

/**
 * Where hints occur. `inWords` finds the hints that start with a WORD_LETTER; a match starts one
 * character early, on what precedes the hint, unless the hint starts the text. The other hints
 * are found where `anywhereStart` finds a unit one of them starts with, and `anywhere` (sticky)
 * matches one of them there: the engine scans for one class several times faster than for an
 * alternation. Each is null when there is no such hint.
 */
export interface HintPatterns {
  readonly inWords: RegExp | null;
  readonly anywhereStart: RegExp | null;
  readonly anywhere: RegExp | null;
}

/**
 * Joined hints as one alternation: every hint escaped here (the text may come over a port), a
 * space standing for any run of white space and a sigma for either form. Whole strings at a
 * time, in native calls: this runs cold on every page load.
 */
function alternation(joined: string): string {
  return joined
    .replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
    .replace(/[σς]/g, '[σς]')
    .replace(/ /g, '\\s+')
    .replace(/\u007f+/g, '|')
    .replace(/^\||\|$/g, '');
}

/** A class of the units the hints start with, each written as an escape, whatever it is. */
function firstUnits(joined: string): string {
  const units = new Set<string>();
  for (const hint of joined.split(SEPARATOR)) {
    if (hint === '') continue;
    const first = hint.charCodeAt(0);
    if (first === 0x20) units.add('\\s'); // "\\s+" in the alternation
    for (const unit of first === 0x3c3 || first === 0x3c2 ? [0x3c3, 0x3c2] : [first]) {
      units.add(`\\u${unit.toString(16).padStart(4, '0')}`);
    }
  }
  return `[${[...units].join('')}]`;
}

export function hintPatterns(inWords: string, anywhere: string): HintPatterns {
  const words = alternation(inWords);
  const others = alternation(anywhere);
  return {
    inWords: words === '' ? null : new RegExp(`(?:^|[^${WORD_LETTER}])(?:${words})`, 'g'),
    anywhereStart: others === '' ? null : new RegExp(firstUnits(anywhere), 'g'),
    anywhere: others === '' ? null : new RegExp(others, 'y'),
  };
}
