/**
 * Character folding and classes for the page name matcher. Folds and classes are cached per UTF-16
 * code unit in typed arrays, filled lazily (0 = not yet computed): the matcher's loop touches every
 * character of a page, so it must not build a string or run a regex per character.
 *
 * Code point 0 stands for "no character" (before the start or after the end of a text): U+0000 is
 * no letter, digit, mark or white space, so it continues nothing, as no character does.
 *
 * The constants come first: the bundler writes a constant in place only if it is declared before
 * the module's first statement that may have effects (the typed arrays).
 */

export const SPACE = 0x20;
export const DOT = 0x2e;
const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;

/**
 * Typographic apostrophes and hyphens that stand in names for the ASCII ones: pages (blogs set
 * "smart quotes" by default) and directories write "O’Brien" and "Jean‑Pierre" as often as
 * "O'Brien" and "Jean-Pierre". Each folds to its ASCII form (see term-hint.ts for the hints).
 */
export const APOSTROPHES = '\u2019\u2018\u02bc\u00b4';
export const HYPHENS = '\u2010\u2011';

// What a character is (kindOf), as bits: its word kind (wordKind) in the two low bits,
// LETTER_OR_DIGIT for `[\p{L}\p{N}]` in any script, and one bit for each of the other kinds. The
// kinds are the named values below.

/** In a script that separates words with spaces (Latin, Cyrillic, Greek...): not part of a word. */
export const NOT_A_WORD = 0;
/** A letter or a combining mark. */
export const WORD_LETTER = 1;
export const WORD_DIGIT = 2;
const LETTER_OR_DIGIT = 4;

/** A letter (`\p{L}`) of a script that separates words with spaces (Latin, Cyrillic, Greek...). */
export const SPACED_LETTER = WORD_LETTER | LETTER_OR_DIGIT;
/** A mark (`\p{M}`) outside scripts written without spaces: it continues a word as a letter does. */
const MARK_KIND = WORD_LETTER;
/** A digit (`\p{N}`) outside scripts written without spaces. */
export const DIGIT = WORD_DIGIT | LETTER_OR_DIGIT;
/**
 * Any character of a script written without spaces (Han, Kana, Hangul, Thai...): part of no
 * word, and with LETTER_OR_DIGIT if it is a letter or digit.
 */
export const SPACELESS = 8;
/** Not white space, and not a letter, digit or mark: punctuation, symbols, a lone surrogate. */
export const OTHER = 16;
const WHITE_SPACE_KIND = 32;

/** Below Thai (U+0E00) no character belongs to a script written without spaces. */
const FIRST_SPACELESS = 0x0e00;

const WHITE_SPACE = /\s/;

/** Lower-case fold per code unit, white space folded to one ASCII space; 0 = not yet computed. */
const FOLD = new Uint16Array(0x10000);

/** The fold used for both terms and page text. */
export function foldUnit(unit: number): number {
  // U+0000 folds to 0 and so is recomputed each time; it does not occur in names or page text.
  return (FOLD[unit] ||= computeFold(unit));
}

function computeFold(unit: number): number {
  const char = String.fromCharCode(unit);
  if (WHITE_SPACE.test(char)) return SPACE;
  if (APOSTROPHES.includes(char)) return APOSTROPHE;
  if (HYPHENS.includes(char)) return HYPHEN;
  // A few upper-case letters lower to two units (U+0130 -> "i" + combining dot): keep the first.
  return char.toLowerCase().charCodeAt(0);
}

/** `text` folded unit by unit (foldUnit): the same length, so offsets carry over. */
export function foldUnits(text: string): string {
  let folded = '';
  for (let i = 0; i < text.length; i++) folded += String.fromCharCode(foldUnit(text.charCodeAt(i)));
  return folded;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function foldTerm(text: string): string {
  // Most names and all usual emails: one native call instead of a string built unit by unit.
  return PRINTABLE_ASCII.test(text) ? text.toLowerCase() : foldUnits(text);
}

/** Terms of one character would match almost anywhere (a single initial, a lone Han character). */
export function tooShortForTerm(normalized: string): boolean {
  return normalized.length < 2 || (normalized.length === 2 && normalized.codePointAt(0)! > 0xffff);
}

/**
 * Trimmed, with every run of white space turned into one space, composed (NFC), soft hyphens left
 * out: the form terms are matched in (page texts are read so too, composed-texts.ts).
 */
export function normalizeTerm(text: string): string {
  return text.replace(/\s+/g, ' ').trim().normalize('NFC').replaceAll('\u00ad', '');
}

/**
 * A test for a class with Unicode properties, compiled the first time it is used. Written as a
 * literal, its pattern would cost every page a few tenths of a millisecond to parse, even if it
 * never ran; and most pages need only some of them.
 */
function unicodeClass(members: string): (char: string) => boolean {
  let pattern: RegExp | undefined;
  return (char) => (pattern ??= new RegExp(`[${members}]`, 'u')).test(char);
}

const isLetter = unicodeClass('\\p{L}');
const isDigit = unicodeClass('\\p{N}');
const isMark = unicodeClass('\\p{M}');
// Scripts written without spaces between words: a name there may sit inside a longer run of text.
// Han, Hiragana, Katakana, Hangul, Thai, Lao, Khmer and Myanmar, by their ISO 15924 codes.
const isInSpacelessScript = unicodeClass(
  '\\p{sc=Hani}\\p{sc=Hira}\\p{sc=Kana}\\p{sc=Hang}\\p{sc=Thai}\\p{sc=Laoo}\\p{sc=Khmr}\\p{sc=Mymr}',
);

function computeKind(codePoint: number): number {
  // A lone half of a surrogate pair is a string of its own here, in no class: OTHER.
  const char = String.fromCodePoint(codePoint);
  if (WHITE_SPACE.test(char)) return WHITE_SPACE_KIND;
  // ASCII needs no Unicode class (each one costs a page its compilation).
  if (codePoint < 0x80)
    return /[a-z]/i.test(char) ? SPACED_LETTER : /\d/.test(char) ? DIGIT : OTHER;
  const kind = isLetter(char) ? SPACED_LETTER : isDigit(char) ? DIGIT : 0;
  if (codePoint >= FIRST_SPACELESS && isInSpacelessScript(char))
    return SPACELESS | (kind & LETTER_OR_DIGIT);
  return kind || (isMark(char) ? MARK_KIND : OTHER);
}

/** Kinds per UTF-16 code unit; 0 = not yet computed. */
const KIND = new Uint8Array(0x10000);

/** The kind of a code point (astral ones are rare, and not cached). */
export function kindOf(codePoint: number): number {
  return codePoint > 0xffff ? computeKind(codePoint) : (KIND[codePoint] ||= computeKind(codePoint));
}

/**
 * What a character is within a word of a spaced script. A letter and a digit do not continue each
 * other ("stevenhgm1188", a footnote "Silva1"): only the same kind does ("Ana Silvanova").
 */
export function wordKind(codePoint: number): number {
  return kindOf(codePoint) & (WORD_LETTER | WORD_DIGIT);
}

/** A letter of a script written without spaces (Han, Kana, Hangul, Thai...). */
export function isSpaceless(codePoint: number): boolean {
  return (kindOf(codePoint) & SPACELESS) !== 0;
}

/** `[\p{L}\p{N}]` in any script, or one of the characters of `others`. */
export function isLetterOrDigit(codePoint: number, others = ''): boolean {
  return (
    (kindOf(codePoint) & LETTER_OR_DIGIT) !== 0 || others.includes(String.fromCodePoint(codePoint))
  );
}

/** The code point that ends just before `index` (a surrogate pair counts as one); 0 at the start. */
export function codePointBefore(text: string, index: number): number {
  // A pair that starts two units before ends here; else the unit before is the code point.
  const pair = text.codePointAt(index - 2) ?? 0;
  return pair > 0xffff ? pair : index > 0 ? text.charCodeAt(index - 1) : 0;
}
