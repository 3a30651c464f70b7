/**
 * The term index: watched contacts' names and emails made ready for pages (normalised, folded,
 * with their boundary rules, in buckets by their first two folded units). The worker builds it
 * once per watch list and sends it as JSON; a page decodes only the buckets its text reaches
 * (name-matcher.ts, matcherFromIndex), since its code runs cold on every load. Building it is
 * the worker's part: the content script takes only the format's constants from here.
 */
import {
  codePointBefore,
  foldTerm,
  isLetterOrDigit,
  isSpaceless,
  normalizeTerm,
  tooShortForTerm,
  wordKind,
} from './char-classes';
import { joinHints } from './term-hint';

export interface MatchTerm {
  /** What a match reports: the contact id. */
  readonly key: string;
  /** A display name, a "First Last" form, or an email. */
  readonly text: string;
}

// What must not touch a match, decided per term from the characters at its own edges: the word
// kind (wordKind) of its first character in bits 0-1, of its last in bits 2-3, or an email.
export const EMAIL = 16;

/** One number for a term's first two folded units: a bucket of the index, a node of depth 2. */
export const slotOf = (first: number, second: number) => first * 0x10000 + second;

/**
 * Terms made ready for pages: normalised, folded, with their boundary rules, in buckets by their
 * first folded unit. The worker makes it once per watch list and sends it as JSON; a page decodes
 * only the buckets its text reaches (matcherFromIndex), since its code runs cold on every load.
 */
export interface TermIndex {
  readonly size: number;
  /** Some term starts with a letter of a script written without spaces / with punctuation. */
  readonly spaceless: boolean;
  readonly punctuation: boolean;
  /** By the first two folded units (slotOf, in decimal): entries `folded␡key␡rules`, joined by U+009E. */
  readonly buckets: Readonly<Record<string, string>>;
  /** Where terms may begin (see term-hint.ts): hints that start with a Latin letter, */
  readonly hints: string;
  /** and the others. */
  readonly otherHints: string;
}

// Characters JSON leaves as they are (it escapes C0 controls, six characters each, which also
// slows the page's parse) and that never occur in names or emails: DEL and two C1 controls.
export const FIELD = '\u007f';
export const ENTRY = '\u009e';
/** Control characters (C0, DEL, C1) never occur in names or emails; a term with one is not indexed. */
const hasControl = (text: string) =>
  [...text].some((char) => char < ' ' || (char >= '\u007f' && char <= '\u009f'));

function edgeRules(text: string): number {
  if (text.includes('@')) return EMAIL;
  // A name in a script written without spaces may sit inside a run of letters (NOT_A_WORD: no
  // rule); a Latin one may not.
  return wordKind(text.codePointAt(0)!) | (wordKind(codePointBefore(text, text.length)) << 2);
}

export function buildTermIndex(terms: readonly MatchTerm[]): TermIndex {
  const buckets: Record<string, string[]> = {};
  const seen = new Set<string>();
  let spaceless = false;
  let punctuation = false;
  for (const { key, text: raw } of terms) {
    const text = normalizeTerm(raw);
    if (tooShortForTerm(text) || hasControl(text) || hasControl(key)) continue;
    const folded = foldTerm(text);
    // Texts that fold alike match alike: the first contact given keeps a shared name.
    if (seen.has(folded)) continue;
    seen.add(folded);
    const first = folded.codePointAt(0)!;
    spaceless ||= isSpaceless(first);
    punctuation ||= !isLetterOrDigit(first) && !isSpaceless(first);
    const slot = slotOf(folded.charCodeAt(0), folded.charCodeAt(1));
    (buckets[slot] ??= []).push([folded, key, edgeRules(text)].join(FIELD));
  }
  const joined: Record<string, string> = {};
  for (const [unit, entries] of Object.entries(buckets)) joined[unit] = entries.join(ENTRY);
  const { inWords, anywhere } = joinHints(seen);
  return {
    size: seen.size,
    spaceless,
    punctuation,
    buckets: joined,
    hints: inWords,
    otherHints: anywhere,
  };
}
