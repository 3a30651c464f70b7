/**
 * Names a page writes decomposed (a letter, then its combining accent): Vietnamese typed as
 * "Unicode tổ hợp", file names from macOS, Korean jamo, kana with a combining sound mark; or with
 * soft hyphens in them. They are matched as the names they show, at the page's own offsets.
 */
import { describe, expect, it } from 'vitest';
import type { MatchTerm } from '../../../src/core/term-index';
import { compileNameMatcher, found } from './compile-matcher';

const jose: MatchTerm = { key: 'jose', text: 'José Silva' };

describe('names written decomposed', () => {
  it('finds a name the page writes decomposed, at the offsets of the page', () => {
    const page = 'Ping Jose\u0301 Silva, then JOSE\u0301 SILVA.';
    expect(compileNameMatcher([jose]).find(page)).toEqual([
      { start: 5, end: 16, key: 'jose' },
      { start: 23, end: 34, key: 'jose' },
    ]);
  });

  it('finds a name given decomposed in the page that writes it composed', () => {
    expect(found([{ key: 'jose', text: 'Jose\u0301 Silva' }], 'Ping José Silva')).toEqual([
      'jose:José Silva',
    ]);
  });

  it('composes Vietnamese tone marks, Korean jamo and kana sound marks', () => {
    const terms = [
      { key: 'vi', text: 'Nguyễn Văn An' },
      { key: 'ko', text: '김민준' },
      { key: 'ja', text: 'ダイスケ' },
    ];
    const page =
      'Nguye\u0302\u0303n Va\u0306n An; 씨는\u1100\u1175\u11b7\u1106\u1175\u11ab\u110c\u116e\u11ab입니다; ' +
      '\u30bf\u3099イスケさん';
    expect(found(terms, page)).toEqual([
      'vi:Nguye\u0302\u0303n Va\u0306n An',
      'ko:\u1100\u1175\u11b7\u1106\u1175\u11ab\u110c\u116e\u11ab',
      'ja:\u30bf\u3099イスケ',
    ]);
  });

  it('reads a name through the soft hyphens a hyphenation tool put into it', () => {
    const ana = { key: 'ana', text: 'Ana Silva' };
    expect(found([ana, jose], 'Ana Sil\u00adva met Jo\u00adse\u0301 Silva.')).toEqual([
      'ana:Ana Sil\u00adva',
      'jose:Jo\u00adse\u0301 Silva',
    ]);
    expect(found([{ key: 'ana', text: 'Ana Sil\u00adva' }], 'Ana Silva')).toEqual([
      'ana:Ana Silva',
    ]);
    expect(found([ana], 'Ana Silva\u00adnova')).toEqual([]);
  });

  it('reads an accent on the letter after a name as part of the word', () => {
    expect(found([{ key: 'ana', text: 'Ana Silva' }], 'Ana Silva\u0301 and Ana Silva')).toEqual([
      'ana:Ana Silva',
    ]);
    expect(found([jose], 'Jose Silva')).toEqual([]);
  });

  it('keeps the offsets of the other texts of a pass', () => {
    const matcher = compileNameMatcher([jose, { key: 'ana', text: 'Ana Silva' }]);
    const texts = ['Ana Silva', 'Jose\u0301 Silva e\u0301 Ana Silva', 'José Silva'];
    const each: string[] = [];
    matcher.findEach(texts, (at, matches) => {
      for (const m of matches) each.push(`${at}:${texts[at]!.slice(m.start, m.end)}`);
    });
    expect(each).toEqual(['0:Ana Silva', '1:Jose\u0301 Silva', '1:Ana Silva', '2:José Silva']);
  });
});
