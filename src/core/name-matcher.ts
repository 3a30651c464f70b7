/**
 * Finds watched contacts' names and emails in page text, for the content script's badges. All terms
 * go into one Aho-Corasick automaton (`term-automaton.ts`), so a text is read once, left to right,
 * whatever the number of contacts: a page's text can be hundreds of KB and the watch list can hold a
 * thousand people. Boundary rules are checked only where a term was found, which is rare.
 */
import {
  DOT,
  SPACE,
  codePointBefore,
  continuesEmailAfter,
  continuesEmailBefore,
  foldUnit,
  isLetterOrDigit,
  isSpacedWordChar,
  normalizeTerm,
  tooShortForTerm,
} from './char-classes';
import { buildTermAutomaton, step } from './term-automaton';
import type { TermAutomaton } from './term-automaton';

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

// What must not touch a match, decided per term from the characters at its own edges.
const WORD_START = 1;
const WORD_END = 2;
const EMAIL = 4;

interface Term {
  readonly key: string;
  /** Length in folded units (a run of white space in the page counts as one). */
  readonly units: number;
  readonly edges: number;
}

function edgeRules(text: string): number {
  if (text.includes('@')) return EMAIL;
  // A name in a script written without spaces may sit inside a run of letters; a Latin one may not.
  let edges = 0;
  if (isSpacedWordChar(text.codePointAt(0)!)) edges |= WORD_START;
  if (isSpacedWordChar(codePointBefore(text, text.length))) edges |= WORD_END;
  return edges;
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
  // A Latin name may touch a CJK run ("和Ana Silva说"): only a letter of a spaced script continues it.
  if (edges & WORD_START && before >= 0 && isSpacedWordChar(before)) return false;
  return !(edges & WORD_END && after >= 0 && isSpacedWordChar(after));
}

/** Where a match whose last unit is at `last` starts, walking back over collapsed white space. */
function startOf(text: string, last: number, units: number): number {
  let p = last;
  for (let left = units - 1; left > 0; left--) {
    p--;
    if (foldUnit(text.charCodeAt(p)) === SPACE) {
      while (p > 0 && foldUnit(text.charCodeAt(p - 1)) === SPACE) p--;
    }
  }
  return p;
}

interface Candidate extends NameMatch {
  /** Start as an index into the folded stream, to compare with how far back a match may still start. */
  readonly unitStart: number;
}

/**
 * Candidates arrive in order of their end, but the leftmost-longest one may still be to come: a
 * candidate is kept only once no later one can start at or before it.
 */
class Selection {
  readonly matches: NameMatch[] = [];
  private pending: Candidate[] = [];
  private taken = 0;

  get waiting(): boolean {
    return this.pending.length > 0;
  }

  add(candidate: Candidate): void {
    if (candidate.start >= this.taken) this.pending.push(candidate);
  }

  /** `bound`: the earliest folded-stream index a candidate still to come can start at. */
  settle(bound: number): void {
    while (this.pending.length > 0) {
      let best = this.pending[0]!;
      for (const c of this.pending) {
        if (c.start < best.start || (c.start === best.start && c.end > best.end)) best = c;
      }
      if (best.unitStart >= bound) return;
      this.matches.push({ start: best.start, end: best.end, key: best.key });
      const taken = (this.taken = best.end);
      this.pending = this.pending.filter((c) => c.start >= taken);
    }
  }
}

function find(a: TermAutomaton, terms: readonly Term[], text: string): readonly NameMatch[] {
  const { rootNext, fail, output, textAt, depth } = a;
  let selection: Selection | undefined;
  let state = 0;
  let units = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const unit = foldUnit(text.charCodeAt(i));
    // A run of white space in the page is one space in the folded stream, as in the terms.
    if (unit === SPACE) {
      if (inSpace) continue;
      inSpace = true;
    } else inSpace = false;
    units++;
    state = state === 0 ? rootNext[unit]! : step(a, state, unit);
    // Most characters leave the walk at the root, where no term ends; pending candidates can wait.
    if (state === 0) continue;
    for (let hit = output[state]!; hit !== -1; hit = output[fail[hit]!]!) {
      const term = terms[textAt[hit]!]!;
      const start = startOf(text, i, term.units);
      if (!fitsBoundaries(text, start, i + 1, term.edges)) continue;
      selection ??= new Selection();
      selection.add({ start, end: i + 1, key: term.key, unitStart: units - term.units });
    }
    if (selection?.waiting) selection.settle(units - depth[state]!);
  }
  if (selection === undefined) return NO_MATCHES;
  selection.settle(Infinity);
  return selection.matches.length > 0 ? selection.matches : NO_MATCHES;
}

/**
 * Compiles terms into one matcher. Terms are trimmed, inner white space becomes one space, and a
 * term shorter than two characters is ignored. Matching is case-insensitive (per code unit), but
 * diacritics count: "Sébastien" does not find "Sebastien".
 */
export function compileNameMatcher(terms: readonly MatchTerm[]): NameMatcher {
  const texts: string[] = [];
  const kept: Term[] = [];
  for (const { key, text: raw } of terms) {
    const text = normalizeTerm(raw);
    if (tooShortForTerm(text)) continue;
    texts.push(text);
    kept.push({ key, units: text.length, edges: edgeRules(text) });
  }
  // The automaton keeps the first of texts that fold alike, so a shared name reports the first key.
  const automaton = buildTermAutomaton(texts);
  return { size: automaton.size, find: (text) => find(automaton, kept, text) };
}
