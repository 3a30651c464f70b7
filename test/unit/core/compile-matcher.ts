/**
 * The worker's index and the page's matcher in one step, as a page gets them (through JSON):
 * terms are trimmed, inner white space becomes one space, a term shorter than two characters is
 * ignored; matching is case-insensitive (per code unit), but diacritics count.
 */
import { matcherFromIndex, type NameMatcher } from '../../../src/core/name-matcher';
import { buildTermIndex, type MatchTerm } from '../../../src/core/term-index';

export function compileNameMatcher(terms: readonly MatchTerm[]): NameMatcher {
  return matcherFromIndex(JSON.parse(JSON.stringify(buildTermIndex(terms))));
}
