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
const LETTER = /^\p{L}$/u;
const MARK = /^\p{M}$/u;
const DIGIT_CHAR = /^\p{N}$/u;
// Scripts written without spaces between words: a name there may sit inside a longer run of text.
const SPACELESS_SCRIPT =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u;
/** Below Thai (U+0E00) no character belongs to a script written without spaces. */
const FIRST_SPACELESS = 0x0e00;

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

// What a character is, as bits (kindOf): one of SPACED_LETTER, MARK_KIND, DIGIT, SPACELESS or
// OTHER (none of them: white space), plus LETTER_OR_DIGIT for `[\p{L}\p{N}]` in any script.

/** A letter (`\p{L}`) of a script that separates words with spaces (Latin, Cyrillic, Greek...). */
export const SPACED_LETTER = 1;
export const MARK_KIND = 2; // \p{M}
export const DIGIT = 4; // \p{N}
/** Any character of a script written without spaces (Han, Kana, Hangul, Thai...). */
export const SPACELESS = 8;
/** Not white space, and not a letter, digit or mark: punctuation, symbols. */
export const OTHER = 16;
/** Half of a surrogate pair: the kind is the whole code point's (kindOf). */
export const SURROGATE = 32;
const LETTER_OR_DIGIT = 64;
const KNOWN = 128;

export const DOT = 0x2e;
const AT = 0x40;
const UNDERSCORE = 0x5f;
const PERCENT = 0x25;
const PLUS = 0x2b;
const HYPHEN = 0x2d;

/** Kinds per UTF-16 code unit; 0 = not yet computed. */
const KIND = new Uint8Array(0x10000);

function computeKind(codePoint: number): number {
  if (codePoint < 0x80) {
    const lower = codePoint | 0x20;
    if (lower >= 0x61 && lower <= 0x7a) return KNOWN | SPACED_LETTER | LETTER_OR_DIGIT;
    if (codePoint >= 0x30 && codePoint <= 0x39) return KNOWN | DIGIT | LETTER_OR_DIGIT;
    return codePoint === SPACE || (codePoint >= 9 && codePoint <= 13) ? KNOWN : KNOWN | OTHER;
  }
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return KNOWN | SURROGATE;
  const char = String.fromCodePoint(codePoint);
  if (WHITE_SPACE.test(char)) return KNOWN;
  const letter = LETTER.test(char);
  const digit = !letter && DIGIT_CHAR.test(char);
  const both = letter || digit ? LETTER_OR_DIGIT : 0;
  if (codePoint >= FIRST_SPACELESS && SPACELESS_SCRIPT.test(char)) return KNOWN | SPACELESS | both;
  if (letter) return KNOWN | SPACED_LETTER | both;
  if (digit) return KNOWN | DIGIT | both;
  return KNOWN | (MARK.test(char) ? MARK_KIND : OTHER);
}

/** The kind of one code unit (SURROGATE for either half of a pair). */
function unitKind(unit: number): number {
  const cached = KIND[unit]!;
  if (cached !== 0) return cached;
  return (KIND[unit] = computeKind(unit));
}

/** The kind of a code point (astral ones are rare, and not cached). */
export function kindOf(codePoint: number): number {
  return codePoint > 0xffff ? computeKind(codePoint) : unitKind(codePoint);
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
  const kind = kindOf(codePoint);
  if (kind & DIGIT) return WORD_DIGIT; // never with SPACELESS (computeKind)
  return kind & (SPACED_LETTER | MARK_KIND) ? WORD_LETTER : NOT_A_WORD;
}

/** A letter of a script written without spaces (Han, Kana, Hangul, Thai...). */
export function isSpaceless(codePoint: number): boolean {
  return (kindOf(codePoint) & SPACELESS) !== 0;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** `[\p{L}\p{N}._%+-]`: a character that would make an email start earlier than the match. */
export function continuesEmailBefore(codePoint: number): boolean {
  return (
    (kindOf(codePoint) & LETTER_OR_DIGIT) !== 0 ||
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
    (kindOf(codePoint) & LETTER_OR_DIGIT) !== 0 ||
    codePoint === UNDERSCORE ||
    codePoint === PERCENT ||
    codePoint === PLUS ||
    codePoint === AT ||
    codePoint === HYPHEN
  );
}

export function isLetterOrDigit(codePoint: number): boolean {
  return (kindOf(codePoint) & LETTER_OR_DIGIT) !== 0;
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
