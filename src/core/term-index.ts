/**
 * The term index: watched contacts' names and emails made ready for pages (normalised, folded,
 * with their boundary rules, in buckets by their first two folded units). The worker builds it
 * once per watch list and sends it as JSON; a page decodes only the buckets its text reaches
 * (name-matcher.ts, matcherFromIndex), since its code runs cold on every load. Building it is
 * the worker's part: the content script takes only the format (term-format.ts).
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
import { EMAIL, ENTRY, FIELD, slotOf, type TermIndex } from './term-format';
import { hintPatterns } from './term-hint';

export interface MatchTerm {
  /** What a match reports about the contact: its id, or for pages its key (page-contacts.ts). */
  readonly key: string;
  /** A display name, a "First Last" form, or an email. */
  readonly text: string;
}

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
  /** Each bucket's entries by their folded texts. */
  const buckets: Record<string, Map<string, string>> = {};
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
    (buckets[slot] ??= new Map()).set(folded, [folded, key, edgeRules(text)].join(FIELD));
  }
  // In code-unit order, as a page walks them (name-matcher.ts): its own sort then only checks it.
  const joined: Record<string, string> = {};
  for (const [slot, entries] of Object.entries(buckets)) {
    joined[slot] = [...entries.values()].sort().join(ENTRY);
  }
  return {
    size: seen.size,
    spaceless,
    punctuation,
    buckets: joined,
    hints: hintPatterns(seen),
  };
}
