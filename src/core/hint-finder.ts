/**
 * The name matcher's first look at a text: where does the beginning of some term occur? Page text
 * is read cold on every load, and a loop over its characters in JavaScript runs interpreted, at
 * tens of nanoseconds a character; the regular-expression engine reads it natively. So the terms'
 * first few units (their "hints") become one alternation of literals, which the engine reads as a
 * trie of its own (it merges common prefixes), and the matcher walks its terms only where a hint
 * occurs: on most pages, in a few text nodes out of thousands.
 *
 * The worker writes the patterns (term-hint.ts), so that a page pays for no string work of its
 * own before it compiles them; the page takes them only if they are what the worker writes.
 */
import { APOSTROPHES, HYPHENS } from './char-classes';

/**
 * Lower-case letters of the Latin-1 range. A term that starts with one never begins right after
 * another (see `begins` in name-matcher.ts), so its hint's pattern asks for something else
 * first: the engine then rejects a position inside a word with one class test, where trying
 * every hint there made it several times slower on ordinary prose.
 */
export const WORD_LETTER = 'a-z\u00df-\u00f6\u00f8-\u00ff';

/** How a hint writes an apostrophe or a hyphen: any of the forms that fold to it (foldUnit). */
export const APOSTROPHE_CLASS = `['${APOSTROPHES}]`;
export const HYPHEN_CLASS = `[-${HYPHENS}]`;

/**
 * An alternation of literals as term-hint.ts writes them: literal units, escaped metacharacters,
 * `\s+` for a space, `[σς]` for a sigma and the classes above, alternatives never empty. Nothing
 * else is compiled: no group, class or quantifier of the sender's own, so no pattern that
 * backtracks.
 */
const LITERAL = String.raw`(?:[^\\[\](){}|*+?^$.]|\\[\\^$.*+?()[\]{}|/]|\\s\+|\[σς\]|\['${APOSTROPHES}\]|\[-${HYPHENS}\])+`;
const LITERALS = new RegExp(`^(?:${LITERAL}(?:\\|${LITERAL})*)?$`);
/** A class of single units (the units hints start with): at worst it finds too much. */
const UNITS = /^\[(?:[^\\\]]|\\.)*\]$/;
/**
 * A separator after a word's first one to three letters (captured), before a letter that a
 * letter or white space follows: the rest of the word, and not one more letter of its own (a
 * page that animates its headings letter by letter has a text per letter, and no names there).
 */
const GLUED = new RegExp(
  `\0(?<=[^${WORD_LETTER}]([${WORD_LETTER}]{1,3})\0)(?=[${WORD_LETTER}][${WORD_LETTER}\\s])`,
  'g',
);

/** The same length as `text`, lower-cased as a whole string, so offsets carry over. */
export function lowerText(text: string, fold: (text: string) => string): string {
  // U+0130 lowers to two units ("i" + U+0307), of which the matcher's fold keeps the first: "I"
  // lowers to it alone. Searching a text for U+0130 is one fast native pass.
  const lowered = text.replaceAll('\u0130', 'I').toLowerCase();
  // Not known to happen: keep the offsets with the matcher's own fold.
  return lowered.length === text.length ? lowered : fold(text);
}

/** The hints of a term index, as term-hint.ts writes them. */
export interface HintPatterns {
  /** An alternation of the hints that start with a WORD_LETTER, */
  readonly inWords: string;
  /** one of the others, */
  readonly anywhere: string;
  /** and a class of the units the others start with. */
  readonly anywhereStarts: string;
}

/**
 * Where hints occur in texts (see hintFinder), from a place on: `next(from)` is the first place at
 * or after `from` where a hint occurs, Infinity if there is none.
 */
export type NextHint = (from: number) => number;

/** The index's hints, compiled once, for the texts of one pass as joinTexts joins them. */
export type HintFinder = (joined: string) => NextHint;

/**
 * The texts of one pass as hints are searched in: joined, each after a separator (U+0000), and
 * lower-cased (see hintFinder). `[''].concat`: one native join, where `'\0' + joined` would be
 * copied once more. The last text ends with a separator too: a name may go on after it.
 */
export function joinTexts(texts: readonly string[], fold: (text: string) => string): string {
  return lowerText([''].concat(texts, '').join('\0'), fold);
}

/**
 * Finds the index's hints in texts, read in one go: joined, each after a separator (U+0000), and
 * lower-cased (joinTexts), so that they are searched by one native call each and a page's
 * thousand text nodes do not each pay a round of calls from cold JavaScript. Places are offsets
 * in the joined texts (the first text starts at 1). A hint spans two texts only where it has a
 * space: there the separator (U+0000, never a hint's unit) counts as white space, so that a name
 * a page splits across texts ("<mark>Ana</mark> Silva", React's "{first} {last}") is found, for
 * the matcher to read on into the texts that follow (see `readOn` in name-matcher.ts). Patterns
 * that are not what term-hint.ts writes find nothing.
 *
 * The hints that start with a WORD_LETTER are found with the unit before them (the separator, for
 * the first text). The other hints are found where the class finds a unit one of them starts with,
 * and a sticky alternation matches one of them there: the engine scans for one class several
 * times faster than for an alternation. Each pattern's next hit is kept until the search passes
 * it.
 *
 * A word the page splits within its first units ("<b>An</b>a Silva", as a people picker
 * highlights what was typed) spells no hint: where a text ends in the first one to three letters
 * of a word and the next goes on with it (a letter, then a letter or white space), the word's
 * start is a hint too (GLUED), for the matcher to read on from. The engine scans for the
 * separator, so this costs little more than one pass over the texts.
 */
export function hintFinder({ inWords, anywhere, anywhereStarts }: HintPatterns): HintFinder {
  const words = LITERALS.test(inWords) ? inWords : '';
  const others = LITERALS.test(anywhere) && UNITS.test(anywhereStarts) ? anywhere : '';
  if (words === '' && others === '') return () => () => Infinity;
  const spaces = (pattern: string) => pattern.replaceAll('\\s+', '[\\s\\0]+');
  const inWordsPattern = new RegExp(`[^${WORD_LETTER}](?:${spaces(words)})`, 'g');
  const starts = new RegExp(anywhereStarts, 'g');
  const anywherePattern = new RegExp(spaces(others), 'y');
  return (text) => {
    let wordHint = words === '' ? Infinity : 0;
    let otherHint = others === '' ? Infinity : 0;
    let gluedHint = words === '' ? Infinity : 0;
    return (from) => {
      if (wordHint < from) {
        inWordsPattern.lastIndex = from - 1;
        // A hit starts on the unit before its hint (and Infinity + 1 is Infinity).
        wordHint = (inWordsPattern.exec(text)?.index ?? Infinity) + 1;
      }
      for (GLUED.lastIndex = from; gluedHint < from;) {
        const hit = GLUED.exec(text);
        gluedHint = hit ? hit.index - hit[1]!.length : Infinity;
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
      return Math.min(wordHint, otherHint, gluedHint);
    };
  };
}
