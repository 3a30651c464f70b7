import { describe, expect, test } from 'vitest';
import { splitPastedList } from '../../../src/shared/bulk-add';

describe('splitPastedList', () => {
  test('splits on new lines, commas, semicolons and spaces, and trims', () => {
    expect(splitPastedList('a@x.com\nb@x.com, c@x.com;d@x.com  e@x.com\r\n\tf@x.com')).toEqual([
      'a@x.com',
      'b@x.com',
      'c@x.com',
      'd@x.com',
      'e@x.com',
      'f@x.com',
    ]);
  });

  test('drops empty entries and repeats (ignoring case), keeping the first spelling', () => {
    expect(splitPastedList(' ,;\n\n Ada@X.com ,, ada@x.com;;id1 id1 ')).toEqual([
      'Ada@X.com',
      'id1',
    ]);
    expect(splitPastedList('')).toEqual([]);
    expect(splitPastedList(' \n ; , ')).toEqual([]);
  });

  test('takes the address out of "Name <address>" as mail clients paste it', () => {
    expect(
      splitPastedList('Ada Lovelace <ada@x.com>; "Hopper, Grace" <grace@x.com>, lin@x.com'),
    ).toEqual(['ada@x.com', 'grace@x.com', 'lin@x.com']);
  });
});
