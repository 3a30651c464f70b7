/**
 * The worker's index and the page's matcher in one step, as a page gets them (through JSON):
 * terms are trimmed, inner white space becomes one space, a term shorter than two characters is
 * ignored; matching is case-insensitive (per code unit), but diacritics count.
 *
 * Tests read one text at a time (`find`), where the page reads all of its texts in one pass
 * (`findEach`), and count the terms compiled (`size`, from the index).
 */
import { matcherFromIndex, type NameMatch, type NameMatcher } from '../../../src/core/name-matcher';
import type { TermIndex } from '../../../src/core/term-format';
import { buildTermIndex, type MatchTerm } from '../../../src/core/term-index';

export interface TestMatcher extends NameMatcher {
  readonly size: number;
  /** `findEach` for one text; the same empty list for every text without matches. */
  find(text: string): readonly NameMatch[];
}

const NO_MATCHES: readonly NameMatch[] = Object.freeze([]);

export function matcherFor(index: TermIndex): TestMatcher {
  const matcher = matcherFromIndex(index);
  return {
    ...matcher,
    size: index.size,
    find(text) {
      let matches = NO_MATCHES;
      matcher.findEach([text], (_, found) => (matches = found));
      return matches;
    },
  };
}

export function compileNameMatcher(terms: readonly MatchTerm[]): TestMatcher {
  return matcherFor(JSON.parse(JSON.stringify(buildTermIndex(terms))) as TermIndex);
}

/** The substrings of `text` that `terms` match, with their keys: easier to read than offsets. */
export function found(terms: readonly MatchTerm[], text: string): string[] {
  return compileNameMatcher(terms)
    .find(text)
    .map((m) => `${m.key}:${text.slice(m.start, m.end)}`);
}
