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
  /**
   * Each text's matches, as text:key:start-end, reading on into `after[at]`, with `before[at]`
   * before each text; the places asked what follows them.
   */
  function across(
    texts: string[],
    after: Record<number, string>,
    before: Record<number, string> = {},
  ) {
    const asked: number[] = [];
    const askedBefore: number[] = [];
    const out: string[] = [];
    matcher.findEach(
      texts,
      (at, matches) => out.push(...matches.map((m) => `${at}:${m.key}:${m.start}-${m.end}`)),
      {
        after: (at) => (asked.push(at), after[at] ?? ''),
        before: (at) => (askedBefore.push(at), before[at] ?? ''),
      },
    );
    return { out, asked, askedBefore };
  }

  it('reads on from a text that ends inside a name, and ends the match past it', () => {
    // "<mark>Ana</mark> Silva" and React's "Ana", " ", "Silva".
    expect(across(['Ask Ana', ' Silva today'], { 0: ' Silva today' })).toEqual({
      out: ['0:ana:4-13'],
      asked: [0],
      askedBefore: [],
    });
    expect(across(['Ana', ' ', 'Silva'], { 0: ' Silva' }).out).toEqual(['0:ana:0-9']);
    expect(across(['Li', ' Wei'], { 0: ' Wei' }).out).toEqual(['0:li:0-6']);
  });

  it('keeps the whole-word rule where the name ends in the next text', () => {
    expect(across(['Ana', ' Silvanova'], { 0: ' Silvanova' }).out).toEqual([]);
    expect(across(['Ana', 'Silva'], { 0: 'Silva' }).out).toEqual([]);
  });

  it('asks only where a walk meets the end of a text with a name spelled or still being spelled', () => {
    const { asked } = across(['Ana Silva!', 'Bob', 'Ana Silva and ana@example.com.', 'Anabel'], {});
    expect(asked).toEqual([]);
    expect(across(['met Ana', 'Bob', 'ana', 'ana@exam'], {}).asked).toEqual([0, 2, 3]);
    expect(across(['Ana Silva', 'Bob', 'to ana@example.com'], {}).asked).toEqual([0, 2]);
    // Not where no name may begin, whatever the walk before found ("Ā" continues the word).
    expect(across(['Ask Ana', 'ĀAna Silva'], { 1: ' and more' })).toEqual({
      out: [],
      asked: [0],
      askedBefore: [],
    });
  });

  it('reads on from the first letters of a word that a text ends in', () => {
    // A people picker's "<b>An</b>a Silva": no hint is spelled within one text.
    expect(across(['Results: An', 'a Silva today'], { 0: 'a Silva today' })).toEqual({
      out: ['0:ana:9-18'],
      asked: [0],
      askedBefore: [],
    });
    expect(across(['A', 'na Silva'], { 0: 'na Silva' }).out).toEqual(['0:ana:0-9']);
    expect(across(['L', 'i Wei'], { 0: 'i Wei' }).out).toEqual(['0:li:0-6']);
    expect(across(['An', 'alyst'], { 0: 'alyst' }).out).toEqual([]);
    // Not from inside a word, nor from four letters (a hint of their own), nor past a space.
    expect(across(['Dean', 'a Silva'], { 0: 'a Silva' }).asked).toEqual([]);
    expect(across(['An ', 'a Silva'], { 0: 'a Silva' }).asked).toEqual([]);
    // Nor from a text per letter, as a page animating its heading has: no name goes on there.
    expect(across([...'Analyst'], {}).asked).toEqual([]);
  });

  it('does not end a name where a word goes on into the next text', () => {
    // "<b>Ana Silva</b>nova", "<b>ana@example.com</b>.au": another person, another address.
    expect(across(['Ana Silva', ' wrote'], { 0: 'nova wrote' }).out).toEqual([]);
    expect(across(['ana@example.com'], { 0: '.au' }).out).toEqual([]);
    expect(across(['Ana Silva', 'nova'], { 0: ', nova' }).out).toEqual(['0:ana:0-9']);
    expect(across(['mail ana@example.com'], { 0: '. Thanks' }).out).toEqual(['0:ana:5-20']);
  });

  it('does not begin a name where a word goes on from the text before', () => {
    // "<mark>Mari</mark>ana Silva": Mariana, not Ana.
    expect(across(['Mari', 'ana Silva'], {}, { 1: 'Mari' })).toEqual({
      out: [],
      asked: [1],
      askedBefore: [1],
    });
    expect(across(['x', 'ana@example.com'], {}, { 1: 'x' }).out).toEqual([]);
    expect(across(['Mari', 'ana Silva'], {}, { 1: 'Mari ' }).out).toEqual(['1:ana:0-9']);
    expect(across(['(', 'Ana Silva'], {}, { 1: '(' }).out).toEqual(['1:ana:0-9']);
    // Asked only for a match at a text's start: what comes before can only rule terms out.
    expect(across(['Analyst', 'Ana', 'Ana Silva!', 'I met Ana Silva'], {}).askedBefore).toEqual([
      2,
    ]);
    // Only a text's start looks before it; a surrogate pair before it is read whole.
    expect(across(['x', 'to Ana Silva'], {}, { 1: 'x' }).out).toEqual(['1:ana:3-12']);
    expect(across(['王', 'Ana Silva'], {}, { 1: '𠀀' }).out).toEqual(['1:ana:0-9']);
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
