import { describe, expect, it } from 'vitest';
import { encodePeople, MAX_PERSON_TEXT, PagePeople } from '../../../src/shared/page-people';

const ana = { id: 'ana', name: 'Ana Silva', email: 'ana@example.com' };
const li = { id: 'li', name: '王小明', email: '' };

describe('page people', () => {
  it('reads a contact by the key its terms carry, and by id', () => {
    const { encoded, keys } = encodePeople([ana, li]);
    const people = new PagePeople(JSON.parse(JSON.stringify(encoded)) as string);
    expect(keys.map((key) => people.at(key))).toEqual([ana, li]);
    expect(people.byId('li')).toEqual(li);
    expect(people.byId('nobody')).toBeNull();
  });

  it('drops control characters, its own separators among them, from what it encodes', () => {
    const { encoded, keys } = encodePeople([{ ...ana, name: 'Ana\u007f\u009e\u0001 Silva' }, li]);
    const people = new PagePeople(encoded);
    expect(people.at(keys[0]!)?.name).toBe('Ana Silva');
    expect(people.at(keys[1]!)).toEqual(li);
  });

  it('refuses keys that do not start a record, and records that are not well formed', () => {
    const { encoded } = encodePeople([ana]);
    const people = new PagePeople(encoded);
    for (const key of ['1', '-1', '0.5', 'x', String(encoded.length), '']) {
      expect(people.at(key)).toBeNull();
    }
    expect(new PagePeople('ana\u007fAna').at('0')).toBeNull();
    expect(new PagePeople('\u007fAna\u007f').at('0')).toBeNull();
    const long = 'x'.repeat(MAX_PERSON_TEXT + 1);
    expect(new PagePeople(`ana\u007f${long}\u007f`).at('0')).toBeNull();
  });
});
