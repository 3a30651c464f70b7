import { describe, expect, test } from 'vitest';
import {
  readWatchListFile,
  watchListFile,
  watchListFileName,
} from '../../../src/shared/watch-list-file';

const ada = { contactId: 'ada-id', displayName: 'Ada', emails: ['ada@x'], addedAt: 1 };
const grace = {
  contactId: 'grace-id',
  displayName: 'Grace',
  emails: [],
  addedAt: 2,
  group: 'Team',
  notify: true,
};

const file = (contacts: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'presence-lens-watch-list',
    version: 1,
    exportedAt: '2026-12-04T10:00:00.000Z',
    contacts,
    ...extra,
  });

describe('the watch list file', () => {
  test('round-trips what export writes', () => {
    const written = watchListFile([ada, grace], Date.UTC(2026, 11, 4, 10));
    expect(written).toEqual(JSON.parse(file([ada, grace])));
    expect(readWatchListFile(JSON.stringify(written))).toEqual({
      ok: true,
      value: { contacts: [ada, grace], bad: [] },
    });
    expect(watchListFileName(Date.UTC(2026, 11, 4, 10))).toBe(
      'presence-lens-contacts-2026-12-04.json',
    );
  });

  test('reports each bad entry with its index and reason, and keeps the rest', () => {
    const read = readWatchListFile(
      file([
        ada,
        { displayName: 'No id', emails: [], addedAt: 0 },
        grace,
        { ...ada, contactId: 'x', group: 'y'.repeat(41) },
        'nonsense',
        ada,
        { ...ada, contactId: 'z', notify: 'yes' },
      ]),
    );
    expect(read).toEqual({
      ok: true,
      value: {
        contacts: [ada, grace],
        bad: [
          { index: 1, reason: 'a contact needs a contactId' },
          { index: 3, reason: 'contact x: the group is longer than 40 characters' },
          { index: 4, reason: 'a contact must be an object' },
          { index: 5, reason: 'ada-id is listed twice' },
          { index: 6, reason: 'contact z has a notify setting that is not true or false' },
        ],
      },
    });
  });

  test('trims groups and drops empty ones', () => {
    const read = readWatchListFile(
      file([
        { ...ada, group: '  Team  ' },
        { ...grace, group: ' ' },
      ]),
    );
    expect(read.ok && read.value.contacts.map((c) => c.group)).toEqual(['Team', undefined]);
  });

  test('a broken file is one clear error', () => {
    const cases: [string, RegExp][] = [
      ['not json', /not JSON/],
      ['[]', /format/],
      [JSON.stringify({ format: 'something-else', version: 1, contacts: [] }), /format/],
      [file([], { version: 2 }), /version \(2\)/],
      [file([], { contacts: {} }), /no "contacts"/],
      ['"x"'.padEnd(2_000_001, ' '), /too large/],
    ];
    for (const [text, reason] of cases) {
      const read = readWatchListFile(text);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.error).toMatch(reason);
    }
  });

  test('hostile JSON does not pollute prototypes', () => {
    const read = readWatchListFile(
      `{"format":"presence-lens-watch-list","version":1,"contacts":[{"__proto__":{"contactId":"p"}}],"__proto__":{"x":1}}`,
    );
    expect(read).toEqual({
      ok: true,
      value: { contacts: [], bad: [{ index: 0, reason: 'a contact needs a contactId' }] },
    });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
