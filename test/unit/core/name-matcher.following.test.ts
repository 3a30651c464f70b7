/**
 * The matcher reading on past the end of a text, into what the page says follows it
 * (FollowingText): names a page splits across texts.
 */
import { describe, expect, it } from 'vitest';
import type { MatchTerm } from '../../../src/core/term-index';
import { compileNameMatcher } from './compile-matcher';

const ana: MatchTerm = { key: 'ana', text: 'Ana Silva' };
const anaMail: MatchTerm = { key: 'ana', text: 'ana@example.com' };

describe('findEach: names a page splits across texts', () => {
  const li: MatchTerm = { key: 'li', text: 'Li Wei' };
  const matcher = compileNameMatcher([ana, anaMail, li]);
  /** Each text's matches, as text:key:start-end, reading on into `after[at]`. */
  function across(texts: string[], after: Record<number, string>) {
    const asked: number[] = [];
    const out: string[] = [];
    matcher.findEach(
      texts,
      (at, matches) => out.push(...matches.map((m) => `${at}:${m.key}:${m.start}-${m.end}`)),
      (at) => (asked.push(at), after[at] ?? ''),
    );
    return { out, asked };
  }

  it('reads on from a text that ends inside a name, and ends the match past it', () => {
    // "<mark>Ana</mark> Silva" and React's "Ana", " ", "Silva".
    expect(across(['Ask Ana', ' Silva today'], { 0: ' Silva today' })).toEqual({
      out: ['0:ana:4-13'],
      asked: [0],
    });
    expect(across(['Ana', ' ', 'Silva'], { 0: ' Silva' }).out).toEqual(['0:ana:0-9']);
    expect(across(['Li', ' Wei'], { 0: ' Wei' }).out).toEqual(['0:li:0-6']);
  });

  it('keeps the whole-word rule where the name ends in the next text', () => {
    expect(across(['Ana', ' Silvanova'], { 0: ' Silvanova' }).out).toEqual([]);
    expect(across(['Ana', 'Silva'], { 0: 'Silva' }).out).toEqual([]);
  });

  it('asks only where a walk meets the end of a text with a name still spelled', () => {
    const { asked } = across(['Ana Silva', 'Bob', 'Ana Silva and ana@example.com', 'Anabel'], {});
    expect(asked).toEqual([]);
    expect(across(['met Ana', 'Bob', 'ana', 'ana@exam'], {}).asked).toEqual([0, 2, 3]);
    // Not where no name may begin, whatever the walk before found ("Ā" continues the word).
    expect(across(['Ask Ana', 'ĀAna Silva'], { 1: ' and more' })).toEqual({ out: [], asked: [0] });
  });

  it('matches within the text as before when nothing follows, or there is no one to ask', () => {
    expect(across(['Ana Silva', 'Ana'], {}).out).toEqual(['0:ana:0-9']);
    expect(matcher.find('Ask Ana')).toEqual([]);
  });

  it('goes on with the next text after a split name', () => {
    expect(across(['Ana', ' Silva, Li Wei'], { 0: ' Silva, Li Wei' }).out).toEqual([
      '0:ana:0-9',
      '1:li:8-14',
    ]);
  });
});
