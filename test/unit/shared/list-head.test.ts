import { describe, expect, it } from 'vitest';
import { PresenceStatus } from '../../../src/core/presence';
import type { WatchedContact } from '../../../src/shared/contact';
import { nameCollator, sortContactsByName } from '../../../src/shared/contact-list';
import { contactEntries } from '../../../src/shared/contact-entry';
import {
  headItems,
  LIST_HEAD_ROWS,
  listHeadOf,
  parseListHead,
  type ListHead,
} from '../../../src/shared/list-head';
import { presence } from '../ui/fixtures';

const collator = nameCollator('en');

function person(n: number, extra: Partial<WatchedContact> = {}): WatchedContact {
  const name = `Person ${String(n).padStart(3, '0')}`;
  return {
    contactId: `id-${n}`,
    displayName: name,
    emails: [`p${n}@example.com`],
    addedAt: n,
    ...extra,
  };
}

const ids = (head: ListHead) =>
  head.rows.map((row) =>
    row.kind === 'group' ? `[${row.name}:${row.count}]` : row.contact.contactId,
  );

describe('listHeadOf', () => {
  it('keeps the first rows by name, with the presence of just those rows', () => {
    const contacts = [...Array(100).keys()].reverse().map((n) => person(n));
    const presences = Object.fromEntries(
      contacts.map((c) => [c.contactId, presence(c.contactId, PresenceStatus.Active)]),
    );
    const head = listHeadOf(sortContactsByName(contacts, collator), presences, 'name', collator);
    expect(head.rows).toHaveLength(LIST_HEAD_ROWS);
    expect(ids(head).slice(0, 3)).toEqual(['id-0', 'id-1', 'id-2']);
    expect(head.total).toBe(100);
    expect(head.size).toBe(100);
    expect(Object.keys(head.presence).sort()).toEqual(ids(head).sort());
  });

  it('puts the available first by availability, and groups as sections with their counts', () => {
    const contacts = [
      person(1, { group: 'Team' }),
      person(2, { group: 'Team' }),
      person(3),
      person(4, { group: 'Team' }),
    ];
    const presences = {
      'id-2': presence('id-2', PresenceStatus.Active),
      'id-1': presence('id-1', PresenceStatus.Dnd),
    };
    const head = listHeadOf(
      sortContactsByName(contacts, collator),
      presences,
      'availability',
      collator,
    );
    // Groups by name, ungrouped ("") last; within a group Active, then Dnd, then the unknown.
    expect(ids(head)).toEqual(['[Team:3]', 'id-2', 'id-1', 'id-4', '[:1]', 'id-3']);
    expect(head.size).toBe(6);
    expect(head.order).toBe('availability');
  });
});

describe('headItems', () => {
  it('gives the rows as list items, naming the section without a group', () => {
    const contacts = [person(1, { group: 'Team' }), person(2)];
    const head = listHeadOf(contacts, {}, 'name', collator);
    const items = headItems(head, contactEntries(contacts, {}, {}), 'Other');
    expect(
      items.map((item) => (item.kind === 'group' ? `${item.key}=${item.name}` : item.key)),
    ).toEqual(['group:Team=Team', 'id-1', 'group:=Other', 'id-2']);
  });
});

describe('parseListHead', () => {
  const head = listHeadOf(
    [person(1, { group: 'Team' }), person(2)],
    { 'id-1': presence('id-1', PresenceStatus.Meeting) },
    'name',
    collator,
  );

  it('reads back what the worker writes', () => {
    expect(parseListHead(JSON.parse(JSON.stringify(head)))).toEqual({ ok: true, value: head });
  });

  it.each([
    ['not an object', 'head'],
    ['no sort order', { ...head, order: 'random' }],
    ['a negative total', { ...head, total: -1 }],
    ['too many rows', { ...head, rows: Array(LIST_HEAD_ROWS + 1).fill(head.rows[1]) }],
    ['a row of another kind', { ...head, rows: [{ kind: 'banner' }] }],
    ['a contact that does not read', { ...head, rows: [{ kind: 'contact', contact: { id: 1 } }] }],
    ['a group without count', { ...head, rows: [{ kind: 'group', name: 'Team' }] }],
    [
      'presence filed under another contact',
      { ...head, presence: { 'id-1': presence('id-2', PresenceStatus.Active) } },
    ],
    ['a presence that does not read', { ...head, presence: { 'id-1': { status: 'Active' } } }],
  ])('refuses %s', (_why, raw) => {
    expect(parseListHead(raw).ok).toBe(false);
  });

  it('drops presence of contacts not in its rows', () => {
    const extra = { ...head.presence, 'id-9': presence('id-9', PresenceStatus.Active) };
    const parsed = parseListHead({ ...head, presence: extra });
    expect(parsed.ok && Object.keys(parsed.value.presence)).toEqual(['id-1']);
  });
});
