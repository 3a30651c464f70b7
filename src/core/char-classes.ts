/**
 * Character folding and classes for the page name matcher. Folds and classes are cached per UTF-16
 * code unit in typed arrays, filled lazily: the matcher's loop touches every character of a page,
 * so it must not build a string or run a regex per character.
 *
 * Typed-array reads below are in range by construction (indices are code units, 0..0xffff); the
 * `!` only satisfies `noUncheckedIndexedAccess`.
 */

export const SPACE = 0x20;

const WHITE_SPACE = /^\s$/;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;
const DIGIT_CHAR = /^\p{N}$/u;
// Scripts written without spaces between words: a name there may sit inside a longer run of text.
const SPACELESS_CLASS =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';
const SPACELESS_SCRIPT = new RegExp(`^[${SPACELESS_CLASS}]$`, 'u');

/**
 * Where a term may begin, found by the regular-expression engine (native code: page text is
 * scanned cold, on every page load, where a JavaScript loop per character would run interpreted):
 * a letter that no spaced-script letter precedes, a digit that no digit precedes, a letter of a script written
 * without spaces, or (when `punctuation`) any other character that is not white space. It finds
 * candidates only; the trie decides. Flags `gu`: use `lastIndex`, and read astral characters whole.
 */
export function termStartPattern(spaceless: boolean, punctuation: boolean): RegExp {
  // A mark before a letter does not stop an email from starting there; the trie's rules decide.
  const spacedLetter = `(?![${SPACELESS_CLASS}])\\p{L}`;
  const alternatives = [`(?<!${spacedLetter})[\\p{L}\\p{M}]`, '(?<!\\p{N})\\p{N}'];
  if (spaceless) alternatives.push(`[${SPACELESS_CLASS}]`);
  if (punctuation) alternatives.push('[^\\s\\p{L}\\p{N}\\p{M}]');
  return new RegExp(alternatives.join('|'), 'gu');
}

/** Lower-case fold per code unit, white space folded to one ASCII space; 0 = not yet computed. */
const FOLD = new Uint16Array(0x10000);
for (let c = 0; c < 0x80; c++) FOLD[c] = computeFold(c);

function computeFold(unit: number): number {
  const char = String.fromCharCode(unit);
  if (WHITE_SPACE.test(char)) return SPACE;
  // A few upper-case letters lower to two units (U+0130 -> "i" + combining dot): keep the first.
  return char.toLowerCase().charCodeAt(0);
}

/** The fold used for both terms and page text. */
export function foldUnit(unit: number): number {
  const cached = FOLD[unit]!;
  if (cached !== 0) return cached;
  // U+0000 folds to 0 and so is recomputed each time; it does not occur in names or page text.
  return (FOLD[unit] = computeFold(unit));
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function foldTerm(text: string): string {
  // Most names and all usual emails: one native call instead of a string built unit by unit.
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase();
  let folded = '';
  for (let i = 0; i < text.length; i++) folded += String.fromCharCode(foldUnit(text.charCodeAt(i)));
  return folded;
}

/** Terms of one character would match almost anywhere (a single initial, a lone Han character). */
export function tooShortForTerm(normalized: string): boolean {
  return normalized.length < 2 || (normalized.length === 2 && normalized.codePointAt(0)! > 0xffff);
}

/** Trimmed, with every run of white space turned into one space (the form terms are matched in). */
export function normalizeTerm(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const KNOWN = 1;
const WORD = 2; // \p{L}\p{N}\p{M}
const LETTER_DIGIT = 4; // \p{L}\p{N}
const SPACELESS = 8;
const DIGIT = 16; // \p{N}

const CLASS = new Uint8Array(0x10000);

export const DOT = 0x2e;
const AT = 0x40;
const UNDERSCORE = 0x5f;
const PERCENT = 0x25;
const PLUS = 0x2b;
const HYPHEN = 0x2d;

function computeClass(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  let bits = KNOWN;
  if (LETTER_OR_DIGIT.test(char)) bits |= WORD | LETTER_DIGIT | (DIGIT_CHAR.test(char) ? DIGIT : 0);
  else if (MARK.test(char)) bits |= WORD;
  if (SPACELESS_SCRIPT.test(char)) bits |= SPACELESS;
  return bits;
}

function classOf(codePoint: number): number {
  if (codePoint > 0xffff) return computeClass(codePoint); // rare, and only met at match edges
  const cached = CLASS[codePoint]!;
  if (cached !== 0) return cached;
  return (CLASS[codePoint] = computeClass(codePoint));
}

/** In a script that separates words with spaces (Latin, Cyrillic, Greek...): not part of a word. */
export const NOT_A_WORD = 0;
/** A letter or a combining mark. */
export const WORD_LETTER = 1;
export const WORD_DIGIT = 2;

/**
 * What a character is within a word of a spaced script. A letter and a digit do not continue each
 * other ("stevenhgm1188", a footnote "Silva1"): only the same kind does ("Ana Silvanova").
 */
export function wordKind(codePoint: number): number {
  const bits = classOf(codePoint);
  if ((bits & (WORD | SPACELESS)) !== WORD) return NOT_A_WORD;
  return bits & DIGIT ? WORD_DIGIT : WORD_LETTER;
}

/** A letter of a script written without spaces (Han, Kana, Hangul, Thai...). */
export function isSpaceless(codePoint: number): boolean {
  return (classOf(codePoint) & SPACELESS) !== 0;
}

export function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** `[\p{L}\p{N}._%+-]`: a character that would make an email start earlier than the match. */
export function continuesEmailBefore(codePoint: number): boolean {
  return (
    (classOf(codePoint) & LETTER_DIGIT) !== 0 ||
    codePoint === DOT ||
    codePoint === UNDERSCORE ||
    codePoint === PERCENT ||
    codePoint === PLUS ||
    codePoint === HYPHEN
  );
}

/** `[\p{L}\p{N}_%+@-]`: a character that would make an email end later than the match. */
export function continuesEmailAfter(codePoint: number): boolean {
  return (
    (classOf(codePoint) & LETTER_DIGIT) !== 0 ||
    codePoint === UNDERSCORE ||
    codePoint === PERCENT ||
    codePoint === PLUS ||
    codePoint === AT ||
    codePoint === HYPHEN
  );
}

export function isLetterOrDigit(codePoint: number): boolean {
  return (classOf(codePoint) & LETTER_DIGIT) !== 0;
}

/** The code point that ends just before `index` (a surrogate pair counts as one). */
export function codePointBefore(text: string, index: number): number {
  const low = text.charCodeAt(index - 1);
  if (isLowSurrogate(low) && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}
