import { describe, expect, test } from 'vitest';
import {
  parseResponse,
  parseUiRequest,
  UI_REQUESTS,
  type RequestName,
} from '../../../src/shared/ui-requests';
import { MAX_BULK_QUERIES } from '../../../src/shared/bulk-add';

const ada = { contactId: 'ada-id', displayName: 'Ada', emails: ['ada@x'], addedAt: 1 };

describe('the request table', () => {
  test('declares every request the pages send, old and new', () => {
    expect(Object.keys(UI_REQUESTS).sort()).toEqual(
      [
        'addContact',
        'addContacts',
        'allowSite',
        'connect',
        'signOut',
        'importContacts',
        'reconnect',
        'removeContact',
        'removeSite',
        'restoreContact',
        'searchPeople',
        'setGroup',
        'setNotify',
        'showOnTab',
        'signInWithWebex',
      ].sort(),
    );
  });

  test('reads each new request, dropping fields it does not declare', () => {
    const cases: [unknown, unknown][] = [
      [
        { type: 'searchPeople', prefix: 'ad', x: 1 },
        { type: 'searchPeople', prefix: 'ad' },
      ],
      [
        { type: 'addContacts', queries: ['a@b', 'c'] },
        { type: 'addContacts', queries: ['a@b', 'c'] },
      ],
      [
        { type: 'setGroup', contactIds: ['a'], group: 'Team' },
        { type: 'setGroup', contactIds: ['a'], group: 'Team' },
      ],
      [
        { type: 'setNotify', contactId: 'a', notify: false },
        { type: 'setNotify', contactId: 'a', notify: false },
      ],
      [
        { type: 'importContacts', file: '{}' },
        { type: 'importContacts', file: '{}' },
      ],
      [
        { type: 'restoreContact', contact: ada },
        { type: 'restoreContact', contact: ada },
      ],
    ];
    for (const [raw, expected] of cases)
      expect(parseUiRequest(raw)).toEqual({ ok: true, value: expected });
  });

  test('refuses hostile payloads with a reason, never throwing', () => {
    const hostile: unknown[] = [
      { type: 'addContacts', queries: [] },
      { type: 'addContacts', queries: 'a@b' },
      { type: 'addContacts', queries: ['a', 5] },
      { type: 'addContacts', queries: Array(MAX_BULK_QUERIES + 1).fill('a@b') },
      // eslint-disable-next-line no-sparse-arrays
      { type: 'addContacts', queries: ['a', , 'b'] },
      { type: 'searchPeople', prefix: 'x'.repeat(201) },
      { type: 'searchPeople' },
      { type: 'setNotify', contactId: 'a', notify: 'yes' },
      { type: 'setNotify', contactId: ['a'], notify: true },
      { type: 'setGroup', contactIds: [], group: 'Team' },
      { type: 'setGroup', contactIds: ['a'], group: null },
      { type: 'importContacts', file: { contacts: [] } },
      { type: 'restoreContact', contact: { ...ada, notify: 'on' } },
      { type: 'restoreContact', contact: { ...ada, group: 'x'.repeat(41) } },
      { type: 'restoreContact', contact: '__proto__' },
      { type: '__proto__' },
      { type: 'toString' },
      { type: 'hasOwnProperty' },
      JSON.parse('{"type":"setNotify","contactId":"a","__proto__":{"notify":true}}'),
      Object.create({ type: 'signOut' }),
      [],
      'signOut',
    ];
    for (const raw of hostile) {
      const parsed = parseUiRequest(raw);
      expect(parsed, JSON.stringify(raw)?.slice(0, 80)).toMatchObject({
        ok: false,
        error: expect.any(String),
      });
    }
    expect(({} as Record<string, unknown>).notify).toBeUndefined();
  });

  test('answers are checked too: a malformed success becomes a failure', () => {
    expect(parseResponse('searchPeople', { ok: true, people: [{ id: 1 }] })).toMatchObject({
      ok: false,
    });
    expect(
      parseResponse('searchPeople', {
        ok: true,
        people: [{ id: 'a', displayName: 'A', email: '', type: 'person' }],
      }),
    ).toEqual({
      ok: true,
      value: { ok: true, people: [{ id: 'a', displayName: 'A', email: '', type: 'person' }] },
    });
    expect(parseResponse('setNotify', { ok: false, error: 'gone' })).toEqual({
      ok: true,
      value: { ok: false, error: 'gone' },
    });
    expect(parseResponse('signOut', { ok: false })).toEqual({
      ok: true,
      value: { ok: false, error: 'Something went wrong.' },
    });
    const summary = { added: [ada], alreadyWatched: [], notFound: ['x@y'], bots: [], failed: [] };
    expect(parseResponse('addContacts', { ok: true, summary })).toEqual({
      ok: true,
      value: { ok: true, summary },
    });
    expect(
      parseResponse('addContacts', { ok: true, summary: { ...summary, bots: 3 } }),
    ).toMatchObject({ ok: false });
  });

  test('every entry has a payload and a response validator', () => {
    for (const name of Object.keys(UI_REQUESTS) as RequestName[]) {
      expect(typeof UI_REQUESTS[name].payload).toBe('function');
      expect(typeof UI_REQUESTS[name].response).toBe('function');
    }
  });
});
