import { describe, expect, it } from 'vitest';
import { PresenceStatus, type PresenceStatus as Status } from '../../../src/core/presence';
import type { WatchedContact } from '../../../src/shared/contact';
import type { ContactEntry } from '../../../src/shared/contact-entry';
import {
  AVAILABILITY_ORDER,
  foldForSearch,
  listItems as listItemsInNameOrder,
  matchesQuery,
  sortContactsByName,
  type ListItem,
  type ListOptions,
} from '../../../src/shared/contact-list';
import { presence } from '../ui/fixtures';

function entry(name: string, status: Status, extra: Partial<WatchedContact> = {}): ContactEntry {
  const contactId = name.toLowerCase().replace(/\s+/g, '-');
  const contact: WatchedContact = {
    contactId,
    displayName: name,
    emails: [`${contactId}@example.com`],
    addedAt: 0,
    ...extra,
  };
  return { contact, presence: presence(contactId, status), source: 'live' };
}

const options: ListOptions = {
  query: '',
  order: 'name',
  collator: new Intl.Collator('en', { sensitivity: 'base' }),
  ungroupedName: 'Other',
};

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** As the popup does: entries in name order, made once per watch list. */
function listItems(entries: ContactEntry[], opts: ListOptions): ListItem[] {
  const order = sortContactsByName(
    entries.map((e) => e.contact),
    collator,
  );
  const sorted = order.map((c) => entries.find((e) => e.contact === c)!);
  return listItemsInNameOrder(sorted, opts);
}

const names = (items: ListItem[]) =>
  items.map((item) =>
    item.kind === 'group' ? `# ${item.name} (${item.count})` : item.entry.contact.displayName,
  );

describe('the popup list model', () => {
  const people = [
    entry('Zoë Ng', PresenceStatus.Inactive),
    entry('ada Lovelace', PresenceStatus.Meeting),
    entry('Grace Hopper', PresenceStatus.Active),
    entry('Linus T', PresenceStatus.Dnd),
    entry('Barbara L', PresenceStatus.Unknown),
    entry('Alan T', PresenceStatus.Active),
  ];

  it('sorts by name, ignoring case and accents', () => {
    expect(names(listItems(people, options))).toEqual([
      'ada Lovelace',
      'Alan T',
      'Barbara L',
      'Grace Hopper',
      'Linus T',
      'Zoë Ng',
    ]);
  });

  it('sorts by availability: Active first, then the precedence order, names within a state', () => {
    expect(names(listItems(people, { ...options, order: 'availability' }))).toEqual([
      'Alan T',
      'Grace Hopper',
      'Linus T', // Dnd
      'ada Lovelace', // Meeting
      'Zoë Ng', // Inactive
      'Barbara L', // Unknown
    ]);
    expect(AVAILABILITY_ORDER[0]).toBe(PresenceStatus.Active);
    expect(new Set(AVAILABILITY_ORDER).size).toBe(12);
  });

  it('filters by every word of the query, in names and emails, without case or accents', () => {
    expect(names(listItems(people, { ...options, query: 'zoe' }))).toEqual(['Zoë Ng']);
    expect(names(listItems(people, { ...options, query: '  T  ' }))).toContain('Alan T');
    expect(names(listItems(people, { ...options, query: 'grace-hopper@' }))).toEqual([
      'Grace Hopper',
    ]);
    expect(names(listItems(people, { ...options, query: 'ada love' }))).toEqual(['ada Lovelace']);
    expect(names(listItems(people, { ...options, query: 'ada zoe' }))).toEqual([]);
    expect(matchesQuery(people[0]!.contact, '')).toBe(true);
    expect(foldForSearch('ÉLODIE')).toBe('elodie');
  });

  it('makes sections by group, named in order, with the ungrouped last', () => {
    const grouped = [
      entry('Ann', PresenceStatus.Active, { group: 'Sales' }),
      entry('Bob', PresenceStatus.Active),
      entry('Cid', PresenceStatus.Dnd, { group: 'Design' }),
      entry('Dee', PresenceStatus.Active, { group: 'Design' }),
    ];
    expect(names(listItems(grouped, { ...options, order: 'availability' }))).toEqual([
      '# Design (2)',
      'Dee',
      'Cid',
      '# Sales (1)',
      'Ann',
      '# Other (1)',
      'Bob',
    ]);
    // A search leaves out the sections it empties.
    expect(names(listItems(grouped, { ...options, query: 'ann' }))).toEqual(['# Sales (1)', 'Ann']);
  });

  it('gives each item a stable key', () => {
    const keys = listItems(people, options).map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('grace-hopper');
  });
});
