/**
 * Finds watched contacts' names and emails in page text, for the content script's badges.
 *
 * A text is read once, left to right: a term can only begin where a word begins (or anywhere in a
 * script written without spaces), and only there does a walk through the terms start; it stops at
 * the first unit no term continues with, usually within a few units. Compiling runs on every page
 * load, cold, for up to a thousand contacts, so it must cost about as little as matching does,
 * where a full Aho-Corasick automaton took 20-70 ms to build: the terms stay in the index's
 * buckets (by their first two units) until a walk reaches one, and a bucket, sorted, is a trie as
 * it is (see `walk`), with nothing to build. Boundary rules are checked only where a term ends.
 */
import {
  codePointBefore,
  DIGIT,
  DOT,
  foldUnit,
  foldUnits,
  isLetterOrDigit,
  kindOf,
  normalizeTerm,
  NOT_A_WORD,
  OTHER,
  SPACE,
  SPACED_LETTER,
  SPACELESS,
  WORD_LETTER,
  wordKind,
} from './char-classes';
import { hintFinder, type HintFinder } from './term-hint';
import { EDGES, EMAIL, ENTRY, FIELD, FOLDED, KEY, slotOf, type TermIndex } from './term-format';

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

/**
 * A term of the index, its fields where the entry has them (FOLDED, KEY, EDGES): its text
 * normalised and folded (runs of white space are one space, as in the folded page text), what a
 * match reports, and its boundary rules.
 */
type Term = readonly [folded: string, key: string, edges: number];

function fitsBoundaries(text: string, start: number, end: number, edges: number): boolean {
  const before = codePointBefore(text, start);
  const after = text.codePointAt(end) ?? 0;
  if (edges & EMAIL) {
    // "ana@example.com." ends a sentence; "ana@example.com.au" is another address.
    const afterDot = after === DOT ? (text.codePointAt(end + 1) ?? 0) : 0;
    // Besides letters and digits, these would make an address start earlier or end later.
    return (
      !isLetterOrDigit(before, '._%+-') &&
      !isLetterOrDigit(after, '_%+@-') &&
      !isLetterOrDigit(afterDot)
    );
  }
  // A Latin name may touch a CJK run ("和Ana Silva说"): only the same kind of character of a spaced
  // script continues it.
  return !continuesWord(edges & 3, before) && !continuesWord((edges >> 2) & 3, after);
}

/** Whether a code point continues a term's edge of word kind `edge` (see wordKind). */
function continuesWord(edge: number, codePoint: number): boolean {
  return edge !== NOT_A_WORD && wordKind(codePoint) === edge;
}

/** Past the run of white space (if any) that starts at `at`: a run in the page is one space in a term. */
function pastSpaces(text: string, at: number): number {
  while (at < text.length && foldUnit(text.charCodeAt(at)) === SPACE) at++;
  return at;
}

/**
 * The terms of one bucket (the same first two folded units), sorted by their folded text: the
 * terms that share a prefix are a range, a node of a trie, and in it the ones that end there come
 * first (equal ones in the index's order).
 */
type Bucket = readonly Term[];

/** The first term from `from` (up to `to`) whose unit at `depth` is not below `unit`. */
function firstFrom(terms: Bucket, from: number, to: number, depth: number, unit: number): number {
  while (from < to) {
    const middle = (from + to) >> 1;
    if (terms[middle]![FOLDED].charCodeAt(depth) < unit) from = middle + 1;
    else to = middle;
  }
  return from;
}

/**
 * The longest term the text spells from `start` (within the boundary rules), as a match. The walk
 * narrows its bucket, unit by unit, to the range of the terms that the text spells so far (two
 * binary searches), until no term is left or the text ends.
 */
function walk(
  bucket: (slot: number) => Bucket,
  text: string,
  start: number,
): NameMatch | undefined {
  let at = start + 1;
  if (at >= text.length) return undefined;
  const second = foldUnit(text.charCodeAt(at++));
  if (second === SPACE) at = pastSpaces(text, at);
  const terms = bucket(slotOf(foldUnit(text.charCodeAt(start)), second));
  let best: NameMatch | undefined;
  let from = 0;
  let to = terms.length;
  for (let depth = 2; from < to; depth++) {
    for (; from < to && terms[from]![FOLDED].length === depth; from++) {
      const term = terms[from]!;
      if (fitsBoundaries(text, start, at, term[EDGES])) best = { start, end: at, key: term[KEY] };
    }
    if (at >= text.length) break;
    const unit = foldUnit(text.charCodeAt(at++));
    if (unit === SPACE) at = pastSpaces(text, at);
    from = firstFrom(terms, from, to, depth, unit);
    to = firstFrom(terms, from, to, depth, unit + 1);
  }
  return best;
}

function begins(text: string, start: number, anywhere: number): boolean {
  const kind = kindOf(text.codePointAt(start)!);
  if (kind & anywhere) return true;
  const previous = kindOf(codePointBefore(text, start));
  // A letter or a mark: not after a letter of a spaced script. A digit: not after a digit.
  if (kind & WORD_LETTER) return previous !== SPACED_LETTER;
  return kind === DIGIT && previous !== DIGIT;
}

/** Code-unit order of folded texts, as the index's builder sorts them. */
const byFolded = (a: Term, b: Term) => (a[FOLDED] < b[FOLDED] ? -1 : a[FOLDED] > b[FOLDED] ? 1 : 0);

/** One bucket of the index; entries that are not well formed (it came over a port) are left out. */
function decodeBucket(buckets: TermIndex['buckets'], slot: number): Bucket {
  // A number is never the name of an inherited property (as "constructor" would be).
  const raw: unknown = buckets[slot];
  const terms: Term[] = [];
  for (const entry of typeof raw === 'string' ? raw.split(ENTRY) : []) {
    const [folded = '', key, rules] = entry.split(FIELD);
    const edges = Number(rules);
    // In this bucket (so at least two units long), with a key, and rules an integer 0..EMAIL | 15.
    if (slotOf(folded.charCodeAt(0), folded.charCodeAt(1)) !== slot || !key) continue;
    if ((edges & (EMAIL | 15)) === edges) terms.push([folded, key, edges]);
  }
  // Sorted already, from the worker: a stable sort then only checks it.
  return terms.sort(byFolded);
}

export function matcherFromIndex(index: TermIndex): NameMatcher {
  const buckets = new Map<number, Bucket>();
  /** A bucket by its slot, decoded the first time. */
  const bucket = (slot: number) => {
    let terms = buckets.get(slot);
    if (terms === undefined) buckets.set(slot, (terms = decodeBucket(index.buckets, slot)));
    return terms;
  };
  /** Compiled the first time a text is read. */
  let findHints: HintFinder | undefined;
  /** Kinds that may begin a term wherever they are (SPACELESS, OTHER), per the index. */
  const anywhere =
    (index.spaceless === true ? SPACELESS : 0) | (index.punctuation === true ? OTHER : 0);

  /**
   * Where a hint occurs (see term-hint.ts) and a term may begin (a letter no spaced-script letter
   * precedes, a digit no digit precedes, or per the index any letter of a script written without
   * spaces or any punctuation), a walk takes over.
   */
  const findEach: NameMatcher['findEach'] = (texts, found) => {
    const nextHint = (findHints ??= hintFinder(index.hints, index.otherHints))(texts);
    let at = 0;
    let text = texts[0]!;
    let offset = 1; // where `text` starts in the joined texts
    let matches: NameMatch[] | undefined;
    for (let hint = nextHint(1); hint < Infinity;) {
      while (hint >= offset + text.length) {
        if (matches) found(at, matches);
        matches = undefined;
        offset += text.length + 1;
        text = texts[++at]!;
      }
      const start = hint - offset;
      const match = begins(text, start, anywhere) ? walk(bucket, text, start) : undefined;
      if (match) (matches ??= []).push(match);
      hint = nextHint(match ? offset + match.end : hint + 1);
    }
    if (matches) found(at, matches);
  };

  return {
    size: index.size,
    find(text) {
      let matches: readonly NameMatch[] = NO_MATCHES;
      findEach([text], (_, found) => (matches = found));
      return matches;
    },
    findEach,
    keyOf(text) {
      const folded = foldUnits(normalizeTerm(text));
      // A text shorter than two units has no slot (NaN), and so no terms.
      const terms = bucket(slotOf(folded.charCodeAt(0), folded.charCodeAt(1)));
      return terms.find((term) => term[FOLDED] === folded && term[EDGES] === EMAIL)?.[KEY];
    },
  };
}
