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
  DIGIT,
  isLetterOrDigit,
  isSpaceless,
  kindOf,
  MARK_KIND,
  NOT_A_WORD,
  normalizeTerm,
  OTHER,
  SPACED_LETTER,
  SPACELESS,
  SURROGATE,
  tooShortForTerm,
  wordKind,
} from './char-classes';
import { hintPattern, joinHints, lowerText } from './term-hint';

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
function walk(root: Root['node'], text: string, start: number, first: number) {
  if (start + 1 >= text.length) return undefined;
  const second = foldUnit(text.charCodeAt(start + 1));
  let node = root(slotOf(first, second));
  let at = start + 2;
  // A run of white space in the page is one space, as in the terms.
  if (second === SPACE) while (at < text.length && foldUnit(text.charCodeAt(at)) === SPACE) at++;
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

/**
 * Where a hint occurs (see term-hint.ts) and a term may begin (a letter no spaced-script letter
 * precedes, a digit no digit precedes, or per the index any letter of a script written without
 * spaces or any punctuation), the trie takes over.
 */
function find(root: Root, text: string): readonly NameMatch[] {
  const hint = root.hint();
  if (hint === null) return NO_MATCHES;
  const lowered = lowerText(text);
  let matches: NameMatch[] | undefined;
  hint.lastIndex = 0;
  for (let found = hint.exec(lowered); found !== null; found = hint.exec(lowered)) {
    const start = found.index;
    const term = begins(text, start, root.anywhere)
      ? walk(root.node, text, start, foldUnit(text.charCodeAt(start)))
      : undefined;
    if (term === undefined) {
      hint.lastIndex = start + 1;
      continue;
    }
    (matches ??= []).push({ start, end: term.end, key: term.term.key });
    hint.lastIndex = term.end;
  }
  return matches ?? NO_MATCHES;
}

function begins(text: string, start: number, anywhere: number): boolean {
  let kind = kindOf(text.codePointAt(start)!);
  if (kind & SURROGATE) kind = OTHER; // a lone half of a pair
  if (kind & anywhere) return true;
  const previous = start > 0 ? kindOf(codePointBefore(text, start)) : 0;
  if (kind & (SPACED_LETTER | MARK_KIND)) return (previous & SPACED_LETTER) === 0;
  return (kind & DIGIT) !== 0 && (previous & DIGIT) === 0;
}

interface Root {
  readonly node: (slot: number) => TrieNode | undefined;
  /** Compiled the first time a text is read. */
  readonly hint: () => RegExp | null;
  /** Kinds that may begin a term wherever they are (SPACELESS, OTHER), per the index. */
  readonly anywhere: number;
}

/** One number for a term's first two folded units: a bucket of the index, a node of depth 2. */
const slotOf = (first: number, second: number) => first * 0x10000 + second;

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
  /** By the first two folded units (slotOf, in decimal): entries `folded␁key␁rules`, joined by `␂`. */
  readonly buckets: Readonly<Record<string, string>>;
  /** Where terms may begin: see term-hint.ts. */
  readonly hints: string;
}

const FIELD = '\u0001';
const ENTRY = '\u0002';
/** Control characters never occur in names or emails; a term with one is not indexed. */
const hasControl = (text: string) => [...text].some((char) => char < ' ');

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
  return { size: seen.size, spaceless, punctuation, buckets: joined, hints: joinHints(seen) };
}

/** One bucket as a trie node; entries that are not well formed (it came over a port) are left out. */
function decodeBucket(raw: unknown, slot: number): TrieNode | undefined {
  if (typeof raw !== 'string') return undefined;
  const terms: Term[] = [];
  for (const entry of raw.split(ENTRY)) {
    const [folded, key, rules] = entry.split(FIELD);
    const edges = Number(rules);
    if (!folded || folded.length < 2 || !key || !Number.isInteger(edges)) continue;
    if (slotOf(folded.charCodeAt(0), folded.charCodeAt(1)) !== slot) continue;
    if (edges < 0 || edges > (EMAIL | 15)) continue;
    terms.push({ key, folded, edges });
  }
  return terms.length > 0 ? { depth: 2, terms } : undefined;
}

export function matcherFromIndex(index: TermIndex): NameMatcher {
  const nodes = new Map<number, TrieNode | undefined>();
  const node = (slot: number) => {
    if (!nodes.has(slot)) {
      const raw = Object.hasOwn(index.buckets, slot) ? index.buckets[slot] : undefined;
      nodes.set(slot, decodeBucket(raw, slot));
    }
    return nodes.get(slot);
  };
  let hint: RegExp | null | undefined;
  const anywhere =
    (index.spaceless === true ? SPACELESS : 0) | (index.punctuation === true ? OTHER : 0);
  const root: Root = { node, hint: () => (hint ??= hintPattern(index.hints)), anywhere };
  return { size: index.size, find: (text) => find(root, text) };
}

/**
 * Compiles terms into one matcher. Terms are trimmed, inner white space becomes one space, and a
 * term shorter than two characters is ignored. Matching is case-insensitive (per code unit), but
 * diacritics count: "Sébastien" does not find "Sebastien".
 */
export function compileNameMatcher(terms: readonly MatchTerm[]): NameMatcher {
  return matcherFromIndex(buildTermIndex(terms));
}
