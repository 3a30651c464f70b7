/**
 * Finds watched contacts' names and emails in page text, for the content script's badges.
 *
 * All terms go into one trie. A text is read once, left to right: a term can only begin where a
 * word begins (or anywhere in a script written without spaces), and only there does a walk down the
 * trie start; it stops at the first unit no term continues with, usually within a few units.
 * Compiling runs on every page load, cold, for up to a thousand contacts, so it must cost about as
 * little as matching does: the trie grows lazily (see TrieNode), where a full Aho-Corasick
 * automaton took 20-70 ms to build. Boundary rules are checked only where a term ends.
 */
import {
  DOT,
  SPACE,
  codePointBefore,
  continuesEmailAfter,
  continuesEmailBefore,
  foldTerm,
  foldUnit,
  isLetterOrDigit,
  isLowSurrogate,
  isSpaceless,
  NOT_A_WORD,
  wordKind,
  termStartPattern,
  normalizeTerm,
  tooShortForTerm,
} from './char-classes';

export interface MatchTerm {
  /** What a match reports: the contact id. */
  readonly key: string;
  /** A display name, a "First Last" form, or an email. */
  readonly text: string;
}

/** Offsets into the text given to `find`; `end` is exclusive. */
export interface NameMatch {
  readonly start: number;
  readonly end: number;
  readonly key: string;
}

export interface NameMatcher {
  /** Distinct terms compiled: texts too short or repeated (after normalisation) are not counted. */
  readonly size: number;
  /**
   * Non-overlapping matches in order: the leftmost first, the longest of those starting at one
   * place. A term text given for two contacts reports the key of the one given first.
   */
  find(text: string): readonly NameMatch[];
}

const NO_MATCHES: readonly NameMatch[] = Object.freeze([]);

// What must not touch a match, decided per term from the characters at its own edges: the word
// kind (wordKind) of its first character in bits 0-1, of its last in bits 2-3, or an email.
const EMAIL = 16;

interface Term {
  readonly key: string;
  /** Normalised and folded: runs of white space are one space, as in the folded page text. */
  readonly folded: string;
  readonly edges: number;
}

function edgeRules(text: string): number {
  if (text.includes('@')) return EMAIL;
  // A name in a script written without spaces may sit inside a run of letters (NOT_A_WORD: no
  // rule); a Latin one may not.
  return wordKind(text.codePointAt(0)!) | (wordKind(codePointBefore(text, text.length)) << 2);
}

function fitsBoundaries(text: string, start: number, end: number, edges: number): boolean {
  const before = start > 0 ? codePointBefore(text, start) : -1;
  const after = end < text.length ? text.codePointAt(end)! : -1;
  if (edges & EMAIL) {
    if (before >= 0 && continuesEmailBefore(before)) return false;
    if (after < 0) return true;
    if (continuesEmailAfter(after)) return false;
    // "ana@example.com." ends a sentence; "ana@example.com.au" is another address.
    return !(after === DOT && end + 1 < text.length && isLetterOrDigit(text.codePointAt(end + 1)!));
  }
  // A Latin name may touch a CJK run ("和Ana Silva说"): only the same kind of character of a spaced
  // script continues it.
  const first = edges & 3;
  const last = (edges >> 2) & 3;
  if (first !== NOT_A_WORD && before >= 0 && wordKind(before) === first) return false;
  return !(last !== NOT_A_WORD && after >= 0 && wordKind(after) === last);
}

/** Where `folded` ends if the text spells it from `start` (any run of white space for a space), else 0. */
function endOf(text: string, start: number, folded: string): number {
  let at = start;
  for (let k = 0; k < folded.length; k++) {
    const unit = folded.charCodeAt(k);
    if (at >= text.length || foldUnit(text.charCodeAt(at)) !== unit) return 0;
    at++;
    if (unit === SPACE) while (at < text.length && foldUnit(text.charCodeAt(at)) === SPACE) at++;
  }
  return at;
}

/**
 * A trie node. Children are built the first time a walk reaches the node, from the terms that share
 * its prefix: compiling only sorts terms by their first unit, and a page pays for the prefixes it
 * shows, not for the whole watch list. A node with one term left compares the rest in place.
 */
interface TrieNode {
  /** Units from the root. */
  readonly depth: number;
  /** Every term with this prefix. */
  readonly terms: readonly Term[];
  children?: ReadonlyMap<number, TrieNode>;
  /** The terms that end at this node. */
  ends?: readonly Term[];
}

function byUnit(terms: readonly Term[], depth: number): Map<number, TrieNode> {
  const groups = new Map<number, Term[]>();
  for (const term of terms) {
    if (term.folded.length <= depth) continue;
    const unit = term.folded.charCodeAt(depth);
    const group = groups.get(unit);
    if (group) group.push(term);
    else groups.set(unit, [term]);
  }
  const nodes = new Map<number, TrieNode>();
  for (const [unit, group] of groups) nodes.set(unit, { depth: depth + 1, terms: group });
  return nodes;
}

function grow(node: TrieNode): { children: ReadonlyMap<number, TrieNode>; ends: readonly Term[] } {
  node.children ??= byUnit(node.terms, node.depth);
  node.ends ??= node.terms.filter((term) => term.folded.length === node.depth);
  return { children: node.children, ends: node.ends };
}

/** The longest term the text spells from `start` (within the boundary rules), and where it ends. */
function walk(root: ReadonlyMap<number, TrieNode>, text: string, start: number, first: number) {
  let node = root.get(first);
  let at = start + 1;
  let best: Term | undefined;
  let bestEnd = 0;
  while (node !== undefined) {
    if (node.terms.length === 1) {
      const term = node.terms[0]!;
      const end = endOf(text, start, term.folded);
      if (end > bestEnd && fitsBoundaries(text, start, end, term.edges))
        [best, bestEnd] = [term, end];
      break;
    }
    const { children, ends } = grow(node);
    for (const term of ends) {
      if (fitsBoundaries(text, start, at, term.edges)) [best, bestEnd] = [term, at];
    }
    if (at >= text.length) break;
    const unit = foldUnit(text.charCodeAt(at++));
    // A run of white space in the page is one space, as in the terms.
    if (unit === SPACE) while (at < text.length && foldUnit(text.charCodeAt(at)) === SPACE) at++;
    node = children.get(unit);
  }
  return best === undefined ? undefined : { term: best, end: bestEnd };
}

function find(
  root: ReadonlyMap<number, TrieNode>,
  starts: RegExp,
  text: string,
): readonly NameMatch[] {
  let matches: NameMatch[] | undefined;
  starts.lastIndex = 0;
  while (starts.test(text)) {
    let start = starts.lastIndex - 1;
    if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
    const found = walk(root, text, start, foldUnit(text.charCodeAt(start)));
    if (found === undefined) continue;
    (matches ??= []).push({ start, end: found.end, key: found.term.key });
    starts.lastIndex = found.end;
  }
  return matches ?? NO_MATCHES;
}

/**
 * Compiles terms into one matcher. Terms are trimmed, inner white space becomes one space, and a
 * term shorter than two characters is ignored. Matching is case-insensitive (per code unit), but
 * diacritics count: "Sébastien" does not find "Sebastien".
 */
export function compileNameMatcher(terms: readonly MatchTerm[]): NameMatcher {
  const kept: Term[] = [];
  const seen = new Set<string>();
  for (const { key, text: raw } of terms) {
    const text = normalizeTerm(raw);
    if (tooShortForTerm(text)) continue;
    const folded = foldTerm(text);
    // Texts that fold alike match alike: the first contact given keeps a shared name.
    if (seen.has(folded)) continue;
    seen.add(folded);
    kept.push({ key, folded, edges: edgeRules(text) });
  }
  const root = byUnit(kept, 0);
  // Only the kinds of start some term has: most lists need no candidate at every comma.
  const firsts = kept.map((term) => term.folded.codePointAt(0)!);
  const starts = termStartPattern(
    firsts.some(isSpaceless),
    firsts.some((first) => !isLetterOrDigit(first) && !isSpaceless(first)),
  );
  return { size: kept.length, find: (text) => find(root, starts, text) };
}
