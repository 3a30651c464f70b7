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
const SEPARATOR = '\u0001';

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

/** The distinct hints of folded terms, as one string for the term index. */
export function joinHints(folded: Iterable<string>): string {
  const hints = new Set<string>();
  for (const term of folded) hints.add(hintOf(term));
  return [...hints].sort().join(SEPARATOR);
}

/**
 * The pattern for joined hints: every hint escaped here (the text may come over a port), a space
 * standing for any run of white space and a sigma for either form. Null when there is no hint.
 */
export function hintPattern(joined: string): RegExp | null {
  const source = joined
    .replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
    .replace(/[σς]/g, '[σς]')
    .replace(/ /g, '\\s+')
    .split(SEPARATOR)
    .filter((hint) => hint !== '')
    .join('|');
  return source === '' ? null : new RegExp(source, 'g');
}
