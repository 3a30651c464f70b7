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
import { COMBINING, composeTexts } from './composed-texts';
import { hintFinder, joinTexts, type HintFinder } from './hint-finder';
import { EMAIL, ENTRY, FIELD, slotOf, type TermIndex } from './term-format';

/** Offsets into the text it was found in; `end` is exclusive. */
export interface NameMatch {
  readonly start: number;
  readonly end: number;
  readonly key: string;
}

export interface NameMatcher {
  /**
   * Non-overlapping matches in each text, in order: the leftmost first, the longest of those
   * starting at one place. `found` hears each text that has matches, by position. A term text
   * given for two contacts reports the key of the one given first.
   */
  findEach(
    texts: readonly string[],
    found: (at: number, matches: readonly NameMatch[]) => void,
    beside?: TextsBeside,
  ): void;
  /** The key of the email term that is exactly `text` (a `mailto:` link's address), if any. */
  keyOf(text: string): string | undefined;
}

/**
 * What the page shows beside `texts[at]` in its line: a word does not end where a text does
 * ("<mark>Mari</mark>ana Silva", "<b>Ana Silva</b>nova" name neither Ana Silva), and a name may go
 * on into the next text ("<mark>Ana</mark> Silva").
 */
export interface TextsBeside {
  /**
   * The text that follows `texts[at]` as one reads it, asked where a walk reaches the end of a
   * text with a term spelled or still being spelled. A match that goes on into it ends past the
   * end of its own text.
   */
  after(at: number): string;
  /**
   * The text just before `texts[at]` as one reads it (its last units are what count), asked
   * where a term may begin at the text's start.
   */
  before(at: number): string;
}

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

/** The unit that ends an entry's folded text (see FIELD in term-format.ts). */
const FIELD_UNIT = FIELD.charCodeAt(0);

/**
 * The entries of one bucket (the same first two folded units) as the worker joined them,
 * `folded␡key␡rules`, in code-unit order: the entries that share a prefix of folded text are a
 * range, a node of a trie, and in it the ones whose folded text ends there (at FIELD) are a range
 * too. Nothing is parsed until a walk ends on an entry (see `termAt`): a page meets a few dozen
 * buckets of a thousand contacts' terms, and reads a handful of their entries.
 */
type Bucket = readonly string[];

/** The first entry from `from` (up to `to`) whose unit at `depth` is not below `unit`. */
function firstFrom(terms: Bucket, from: number, to: number, depth: number, unit: number): number {
  while (from < to) {
    const middle = (from + to) >> 1;
    if (terms[middle]!.charCodeAt(depth) < unit) from = middle + 1;
    else to = middle;
  }
  return from;
}

/**
 * What an entry whose folded text ends at `depth` reports, if it is well formed (it came over a
 * port): in this bucket, with a key, and rules an integer 0..EMAIL | 15.
 */
function termAt(entry: string, slot: number, depth: number): [key: string, edges: number] | null {
  // Read in place, with no split: a walk asks this for every entry it ends on.
  const keyEnd = entry.indexOf(FIELD, depth + 1);
  const key = entry.slice(depth + 1, keyEnd);
  const edges = keyEnd < 0 ? NaN : Number(entry.slice(keyEnd + 1));
  const wellFormed =
    entry.indexOf(FIELD) === depth &&
    slotOf(entry.charCodeAt(0), entry.charCodeAt(1)) === slot &&
    key !== '' &&
    (edges & (EMAIL | 15)) === edges;
  return wellFormed ? [key, edges] : null;
}

/**
 * The longest term the text spells from `start` (within the boundary rules), as a match. The walk
 * narrows its bucket, unit by unit, to the range of the entries that the text spells so far (two
 * binary searches), until no entry is left or the text ends. Where the text ends with a term or
 * inside a longer one, it reads on into what `beside` says follows `texts[place]`, if anything
 * (see readOn): the page may go on with the term, or with a word that the term is only the start
 * of.
 */
function walk(
  bucket: (slot: number) => Bucket,
  text: string,
  start: number,
  beside?: TextsBeside,
  place = 0,
): NameMatch | undefined {
  let at = start + 1;
  if (at >= text.length) return readOn(bucket, text, start, beside, place, undefined);
  const second = foldUnit(text.charCodeAt(at++));
  if (second === SPACE) at = pastSpaces(text, at);
  const slot = slotOf(foldUnit(text.charCodeAt(start)), second);
  const terms = bucket(slot);
  let best: NameMatch | undefined;
  let from = 0;
  let to = terms.length;
  for (let depth = 2; from < to; depth++) {
    const ended = firstFrom(terms, from, to, depth, FIELD_UNIT);
    let i = ended;
    for (; i < to && terms[i]!.charCodeAt(depth) === FIELD_UNIT; i++) {
      const term = termAt(terms[i]!, slot, depth);
      if (term && fitsBoundaries(text, start, at, term[1])) best = { start, end: at, key: term[0] };
    }
    if (at >= text.length) {
      // A term ends with the text, or goes on past its end: the page may go on with either.
      const goesOn = i - ended < to - from || best?.end === at;
      return goesOn ? readOn(bucket, text, start, beside, place, best) : best;
    }
    const unit = foldUnit(text.charCodeAt(at++));
    // No term holds FIELD: past it, the text would be spelling an entry's key.
    if (unit === FIELD_UNIT) break;
    if (unit === SPACE) at = pastSpaces(text, at);
    from = firstFrom(terms, from, to, depth, unit);
    to = firstFrom(terms, from, to, depth, unit + 1);
  }
  return best;
}

/**
 * The walk again over the text and what follows it in the page, if anything does: what follows
 * may end the match found within the text too ("Ana" then "lyst"). Else what it found.
 */
function readOn(
  bucket: (slot: number) => Bucket,
  text: string,
  start: number,
  beside: TextsBeside | undefined,
  place: number,
  best: NameMatch | undefined,
): NameMatch | undefined {
  const rest = beside ? beside.after(place) : '';
  return rest === '' ? best : walk(bucket, text + rest, start);
}

function begins(text: string, start: number, anywhere: number): boolean {
  const kind = kindOf(text.codePointAt(start)!);
  if (kind & anywhere) return true;
  const previous = kindOf(codePointBefore(text, start));
  // A letter or a mark: not after a letter of a spaced script. A digit: not after a digit.
  if (kind & WORD_LETTER) return previous !== SPACED_LETTER;
  return kind === DIGIT && previous !== DIGIT;
}

/**
 * One bucket of the index, its entries in code-unit order: sorted already by the worker, which a
 * sort then only checks (one native pass).
 */
function bucketOf(buckets: TermIndex['buckets'], slot: number): Bucket {
  // A number is never the name of an inherited property (as "constructor" would be).
  const raw: unknown = buckets[slot];
  return typeof raw === 'string' ? raw.split(ENTRY).sort() : [];
}

export function matcherFromIndex(index: TermIndex): NameMatcher {
  const buckets = new Map<number, Bucket>();
  /** A bucket by its slot, decoded the first time. */
  const bucket = (slot: number) => {
    let terms = buckets.get(slot);
    if (terms === undefined) buckets.set(slot, (terms = bucketOf(index.buckets, slot)));
    return terms;
  };
  /** Compiled the first time a text is read. */
  let findHints: HintFinder | undefined;
  /** Kinds that may begin a term wherever they are (SPACELESS, OTHER), per the index. */
  const anywhere =
    (index.spaceless === true ? SPACELESS : 0) | (index.punctuation === true ? OTHER : 0);

  /**
   * Where a hint occurs (see hint-finder.ts) and a term may begin (a letter no spaced-script letter
   * precedes, a digit no digit precedes, or per the index any letter of a script written without
   * spaces or any punctuation), a walk takes over.
   */
  const findEach: NameMatcher['findEach'] = (texts, found, beside) => {
    /**
     * The walk from a hint at `start` of `text`, the text at `at`, if a term may begin there. A
     * match at the start of a text is walked again with the units the page shows before it (the
     * page is asked only then: what comes before can only rule terms out), and moved back to the
     * text's offsets.
     */
    const walkFrom = (text: string, start: number, at: number): NameMatch | undefined => {
      const match = begins(text, start, anywhere)
        ? walk(bucket, text, start, beside, at)
        : undefined;
      const before = match && start === 0 && beside ? beside.before(at).slice(-2) : '';
      if (before === '') return match;
      const found = begins(before + text, before.length, anywhere)
        ? walk(bucket, before + text, before.length, beside, at)
        : undefined;
      return found && { start, end: found.end - before.length, key: found.key };
    };
    let joined = joinTexts(texts, foldUnits);
    // Texts written decomposed are matched composed, as terms are (see composed-texts.ts).
    const composed = COMBINING.test(joined) ? composeTexts(texts) : undefined;
    if (composed) {
      texts = composed.texts;
      joined = joinTexts(texts, foldUnits);
    }
    const nextHint = (findHints ??= hintFinder(index.hints))(joined);
    const report = composed
      ? (at: number, matches: NameMatch[]) => found(at, composed.back(at, matches))
      : found;
    let at = 0;
    let text = texts[0]!;
    let offset = 1; // where `text` starts in the joined texts
    let matches: NameMatch[] | undefined;
    for (let hint = nextHint(1); hint < Infinity;) {
      while (hint >= offset + text.length) {
        if (matches) report(at, matches);
        matches = undefined;
        offset += text.length + 1;
        text = texts[++at]!;
      }
      const start = hint - offset;
      const match = walkFrom(text, start, at);
      if (match) (matches ??= []).push(match);
      // Not into the texts that follow: they need not be the next ones in `texts`.
      hint = nextHint(match ? offset + Math.min(match.end, text.length) : hint + 1);
    }
    if (matches) report(at, matches);
  };

  return {
    findEach,
    keyOf(text) {
      const folded = foldUnits(normalizeTerm(text));
      // A text shorter than two units has no slot (NaN), and so no terms.
      const slot = slotOf(folded.charCodeAt(0), folded.charCodeAt(1));
      const entry = bucket(slot).find((raw) => raw.startsWith(folded + FIELD));
      const term = entry === undefined ? null : termAt(entry, slot, folded.length);
      return term?.[1] === EMAIL ? term[0] : undefined;
    },
  };
}
