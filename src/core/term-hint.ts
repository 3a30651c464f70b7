/**
 * The hints of a term index (see hint-finder.ts, where a page finds them): each term's first few
 * units, lower-cased as a page lower-cases its text, written as the patterns the page compiles.
 * The worker writes them once per watch list, so that no page pays for the string work.
 *
 * Texts and hints are compared lower-cased as whole strings (String#toLowerCase, native): a hint
 * occurs wherever its term does, because the matcher's own fold (per code unit, see foldUnit) and
 * whole-string lower-casing differ only in ways handled here and in lowerText: the final sigma (σ
 * or ς by context), U+0130 (the only character whose lower case is longer), and astral letters
 * (lower-cased only as whole strings, so a hint is never cut inside a surrogate pair).
 */
import { APOSTROPHES, foldUnits, HYPHENS } from './char-classes';
import {
  APOSTROPHE_CLASS,
  HYPHEN_CLASS,
  lowerText,
  WORD_LETTER,
  type HintPatterns,
} from './hint-finder';

/** Units of a folded term that make its hint. */
const HINT_LENGTH = 4;

/** A folded term's hint: its first units, lower-cased as lowerText does. */
function hintOf(folded: string): string {
  let end = Math.min(folded.length, HINT_LENGTH);
  const last = folded.charCodeAt(end - 1);
  if (end < folded.length && last >= 0xd800 && last <= 0xdbff) end++;
  return lowerText(folded.slice(0, end), foldUnits);
}

/** Whether a hint starts with one of hint-finder.ts's WORD_LETTERs: the class itself decides. */
const STARTS_IN_WORD = new RegExp(`^[${WORD_LETTER}]`);

/**
 * Hints as an alternation of literals: a space stands for any run of white space, a sigma for
 * either form, an apostrophe or a hyphen for any form that folds to it (see APOSTROPHES).
 */
function alternation(hints: readonly string[]): string {
  return hints
    .map((hint) =>
      hint
        .replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
        .replace(/[σς]/g, '[σς]')
        .replace(/'/g, APOSTROPHE_CLASS)
        .replace(/-/g, HYPHEN_CLASS)
        .replace(/ /g, '\\s+'),
    )
    .join('|');
}

/**
 * A class of the units hints start with, a sigma, apostrophe or hyphen standing for each of its
 * forms (see alternation). A space stands for itself only, not for any white space as in the
 * alternation: no term begins on white space (see `begins` in name-matcher.ts).
 */
function firstUnits(hints: readonly string[]): string {
  const units = [...new Set(hints.map((hint) => hint[0]!))].join('');
  const escaped = units.replace(/[\\\]^-]/g, '\\$&').replace(/[σς]/g, 'σς');
  return `[${escaped.replace(/'/g, `'${APOSTROPHES}`).replace(/\\-/g, `\\-${HYPHENS}`)}]`;
}

/**
 * The distinct hints of folded terms as a page finds them: those that start with a WORD_LETTER,
 * and the others (names in scripts written without spaces, for one).
 */
export function hintPatterns(folded: Iterable<string>): HintPatterns {
  const hints = new Set<string>();
  for (const term of folded) hints.add(hintOf(term));
  const sorted = [...hints].sort();
  const inWords = sorted.filter((hint) => STARTS_IN_WORD.test(hint));
  const others = sorted.filter((hint) => !STARTS_IN_WORD.test(hint));
  return {
    inWords: alternation(inWords),
    anywhere: alternation(others),
    anywhereStarts: others.length > 0 ? firstUnits(others) : '',
  };
}
