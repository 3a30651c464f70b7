/**
 * The name matcher's first look at a text: where does the beginning of some term occur? Page text
 * is read cold on every load, and a loop over its characters in JavaScript runs interpreted, at
 * tens of nanoseconds a character; the regular-expression engine reads it natively. So the terms'
 * first few units (their "hints") become one alternation of literals, which the engine reads as a
 * trie of its own (it merges common prefixes), and the matcher walks its terms only where a hint
 * occurs: on most pages, in a few text nodes out of thousands.
 *
 * Texts and hints are compared lower-cased as whole strings (String#toLowerCase, native): a hint
 * occurs wherever its term does, because the matcher's own fold (per code unit, see foldUnit) and
 * whole-string lower-casing differ only in ways handled here: the final sigma (σ or ς by context),
 * U+0130 (the only character whose lower case is longer), and astral letters (lower-cased only as
 * whole strings, so a hint is never cut inside a surrogate pair).
 */
import { foldUnits } from './char-classes';

/** Units of a folded term that make its hint. */
const HINT_LENGTH = 4;
/** Not escaped by JSON (see FIELD in term-format.ts), and never in a term. */
const SEPARATOR = '\u007f';

/** The same length as `text`, lower-cased as a whole string, so offsets carry over. */
export function lowerText(text: string): string {
  // U+0130 lowers to two units ("i" + U+0307), of which the matcher's fold keeps the first: "I"
  // lowers to it alone. Searching a text for U+0130 is one fast native pass.
  const lowered = text.replaceAll('\u0130', 'I').toLowerCase();
  // Not known to happen: keep the offsets with the matcher's own fold.
  return lowered.length === text.length ? lowered : foldUnits(text);
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

/**
 * A class of the units the hints start with (after the start or a separator), escaped where a
 * class needs it, a sigma standing for either form (see alternation). A space stands for itself
 * only, not for any white space as in the alternation: no term begins on white space (see
 * `begins` in name-matcher.ts), and only a hint that came over a port does.
 */
function firstUnits(joined: string): string {
  // Every unit but the first of a hint goes, and the separators.
  const units = joined.replace(/(?<=[^\u007f])[^\u007f]|\u007f/g, '');
  return `[${units.replace(/[\\\]^-]/g, '\\$&').replace(/[σς]/g, 'σς')}]`;
}

/**
 * Where hints occur in texts (see hintFinder), from a place on: `next(from)` is the first place at
 * or after `from` where a hint occurs, Infinity if there is none.
 */
export type NextHint = (from: number) => number;

/** The index's hints, compiled once, for the texts of one pass. */
export type HintFinder = (texts: readonly string[]) => NextHint;

/**
 * Finds the index's hints (see TermIndex) in texts, read in one go: joined, each after a separator
 * (U+0000), and lower-cased, so that they are searched by one native call each and a page's
 * thousand text nodes do not each pay a round of calls from cold JavaScript. Places are offsets
 * in the joined texts (the first text starts at 1). A hint never spans two texts: U+0000 is
 * neither a hint's unit nor white space for `\s`.
 *
 * The hints that start with a WORD_LETTER are found with the unit before them (the separator, for
 * the first text). The other hints are found where a class finds a unit one of them starts with,
 * and a sticky alternation matches one of them there: the engine scans for one class several
 * times faster than for an alternation. Each pattern's next hit is kept until the search passes
 * it.
 */
export function hintFinder(inWords: string, anywhere: string): HintFinder {
  const words = alternation(inWords);
  const others = alternation(anywhere);
  // No hints: the texts need not even be joined.
  if (words === '' && others === '') return () => () => Infinity;
  const inWordsPattern = new RegExp(`[^${WORD_LETTER}](?:${words})`, 'g');
  const starts = new RegExp(firstUnits(anywhere), 'g');
  const anywherePattern = new RegExp(others, 'y');
  return (texts) => {
    // `[''].concat`: one native join, where `'\0' + joined` would be copied once more.
    const text = lowerText([''].concat(texts).join('\0'));
    let wordHint = words === '' ? Infinity : 0;
    let otherHint = others === '' ? Infinity : 0;
    return (from) => {
      if (wordHint < from) {
        inWordsPattern.lastIndex = from - 1;
        // A hit starts on the unit before its hint (and Infinity + 1 is Infinity).
        wordHint = (inWordsPattern.exec(text)?.index ?? Infinity) + 1;
      }
      if (otherHint < from) {
        otherHint = Infinity;
        for (starts.lastIndex = from; starts.test(text);) {
          // The class matched one unit, just before where it would go on.
          anywherePattern.lastIndex = starts.lastIndex - 1;
          if (anywherePattern.test(text)) {
            otherHint = starts.lastIndex - 1;
            break;
          }
        }
      }
      return Math.min(wordHint, otherHint);
    };
  };
}
