/**
 * The term index's format (see term-index.ts, where the worker builds it): all that the content
 * script needs of it. A module with no code imports of its own, so that the bundler can write its
 * constants in place where they are used.
 */
import type { HintPatterns } from './hint-finder';

// What must not touch a match, decided per term from the characters at its own edges: the word
// kind (wordKind) of its first character in bits 0-1, of its last in bits 2-3, or an email.
export const EMAIL = 16;

/** One number for a term's first two folded units: a bucket of the index. */
export const slotOf = (first: number, second: number) => first * 0x10000 + second;

// Characters JSON leaves as they are (it escapes C0 controls, six characters each, which also
// slows the page's parse) and that never occur in names or emails: DEL and two C1 controls.
export const FIELD = '\u007f';
export const ENTRY = '\u009e';

/**
 * Terms made ready for pages: normalised, folded, with their boundary rules, in buckets by their
 * first two folded units. The worker makes it once per watch list and sends it as JSON; a page
 * decodes only the buckets its text reaches (matcherFromIndex), since its code runs cold on every
 * load.
 */
export interface TermIndex {
  readonly size: number;
  /** Some term starts with a letter of a script written without spaces / with punctuation. */
  readonly spaceless: boolean;
  readonly punctuation: boolean;
  /**
   * By the first two folded units (slotOf, in decimal): entries `folded␡key␡rules`, joined by
   * U+009E, in code-unit order (so that entries sharing a prefix are a range, see name-matcher.ts).
   */
  readonly buckets: Readonly<Record<string, string>>;
  /** Where terms may begin, as patterns for the page (see term-hint.ts and hint-finder.ts). */
  readonly hints: HintPatterns;
}
