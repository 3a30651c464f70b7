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
  kindOf,
  MARK_KIND,
  NOT_A_WORD,
  normalizeTerm,
  OTHER,
  SPACED_LETTER,
  SPACELESS,
  SURROGATE,
  wordKind,
} from './char-classes';
import { hintPatterns, isWordLetter, lowerText, type HintPatterns } from './term-hint';
import { EMAIL, ENTRY, FIELD, slotOf, type TermIndex } from './term-index';

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
  /** `find` for many texts in one pass: `found` hears each text that has matches, by position. */
  findEach(
    texts: readonly string[],
    found: (at: number, matches: readonly NameMatch[]) => void,
  ): void;
  /** The key of the email term that is exactly `text` (a `mailto:` link's address), if any. */
  keyOf(text: string): string | undefined;
}

const NO_MATCHES: readonly NameMatch[] = Object.freeze([]);

interface Term {
  readonly key: string;
  /** Normalised and folded: runs of white space are one space, as in the folded page text. */
  readonly folded: string;
  readonly edges: number;
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
 *
 * All texts are read in one go: joined, lower-cased and searched by one native call each, so a
 * page's thousand text nodes do not each pay a round of calls from cold JavaScript. A hint never
 * spans two texts: the separator (U+0000) is neither a hint's unit nor white space for `\s`.
 */
function findEach(
  root: Root,
  texts: readonly string[],
  found: (at: number, matches: readonly NameMatch[]) => void,
): void {
  const { inWords, anywhereStart, anywhere } = root.hints();
  if ((inWords === null && anywhere === null) || texts.length === 0) return;
  const lowered = lowerText(texts.length === 1 ? texts[0]! : texts.join('\0'));
  // The next place each pattern finds a hint at or after `from` (-1: none left).
  const nextInWords = (from: number): number => {
    if (inWords === null) return -1;
    inWords.lastIndex = from > 0 ? from - 1 : 0; // what precedes a hint is part of its match
    for (let hit = inWords.exec(lowered); hit !== null; hit = inWords.exec(lowered)) {
      const start = isWordLetter(lowered.charCodeAt(hit.index)) ? hit.index : hit.index + 1;
      if (start >= from) return start;
      inWords.lastIndex = hit.index + 1;
    }
    return -1;
  };
  const nextAnywhere = (from: number): number => {
    if (anywhereStart === null || anywhere === null) return -1;
    anywhereStart.lastIndex = from;
    for (let hit = anywhereStart.exec(lowered); hit !== null; hit = anywhereStart.exec(lowered)) {
      anywhere.lastIndex = hit.index;
      if (anywhere.test(lowered)) return hit.index;
    }
    return -1;
  };
  let wordHint = nextInWords(0);
  let otherHint = nextAnywhere(0);
  let at = 0;
  let text = texts[0]!;
  let offset = 0; // where `text` starts in the joined texts
  let matches: NameMatch[] | undefined;
  while (wordHint >= 0 || otherHint >= 0) {
    const hint = otherHint < 0 || (wordHint >= 0 && wordHint < otherHint) ? wordHint : otherHint;
    while (hint >= offset + text.length) {
      if (matches) found(at, matches);
      matches = undefined;
      offset += text.length + 1;
      text = texts[++at]!;
    }
    const start = hint - offset;
    const term = begins(text, start, root.anywhere)
      ? walk(root.node, text, start, foldUnit(text.charCodeAt(start)))
      : undefined;
    if (term !== undefined) (matches ??= []).push({ start, end: term.end, key: term.term.key });
    const next = term === undefined ? hint + 1 : offset + term.end;
    if (wordHint >= 0 && wordHint < next) wordHint = nextInWords(next);
    if (otherHint >= 0 && otherHint < next) otherHint = nextAnywhere(next);
  }
  if (matches) found(at, matches);
}

function find(root: Root, text: string): readonly NameMatch[] {
  let matches: readonly NameMatch[] = NO_MATCHES;
  findEach(root, [text], (_, found) => (matches = found));
  return matches;
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
  readonly hints: () => HintPatterns;
  /** Kinds that may begin a term wherever they are (SPACELESS, OTHER), per the index. */
  readonly anywhere: number;
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
  let hints: HintPatterns | undefined;
  const anywhere =
    (index.spaceless === true ? SPACELESS : 0) | (index.punctuation === true ? OTHER : 0);
  const patterns = () => hintPatterns(index.hints, index.otherHints);
  const root: Root = { node, hints: () => (hints ??= patterns()), anywhere };
  return {
    size: index.size,
    find: (text) => find(root, text),
    findEach: (texts, found) => findEach(root, texts, found),
    keyOf(text) {
      const folded = foldTerm(normalizeTerm(text));
      if (folded.length < 2) return undefined;
      const terms = node(slotOf(folded.charCodeAt(0), folded.charCodeAt(1)))?.terms ?? [];
      return terms.find((term) => term.folded === folded && term.edges === EMAIL)?.key;
    },
  };
}
