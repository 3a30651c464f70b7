import { describe, expect, test } from 'vitest';
import { toPageContacts } from '../../../src/background/page-contacts';
import { matcherFor } from '../core/compile-matcher';

const silva = {
  contactId: 'ana',
  displayName: 'Silva, Ana M.',
  emails: ['Ana.Silva@example.com'],
  firstName: 'Ana',
  lastName: 'Silva',
  addedAt: 1,
};

/** What a page receives goes through JSON, as a port does. */
const sent = (contacts: (typeof silva)[]) =>
  JSON.parse(JSON.stringify(toPageContacts(contacts).contacts));

describe('toPageContacts', () => {
  test('a page finds the display name, the First Last form and every email', () => {
    const page = sent([silva]);
    const found = (text: string) =>
      matcherFor(page.index)
        .find(text)
        .map((m) => text.slice(m.start, m.end));
    expect(found('Ana Silva, Silva, Ana M. and ana.silva@example.com')).toEqual([
      'Ana Silva',
      'Silva, Ana M.',
      'ana.silva@example.com',
    ]);
    // Key 0: Ana's place in the list; who that is stays in the worker.
    expect(toPageContacts([silva]).people).toEqual([
      { id: 'ana', name: 'Silva, Ana M.', email: 'Ana.Silva@example.com' },
    ]);
    expect(Object.keys(page)).toEqual(['revision', 'index']); // no ids, names or emails
    expect(matcherFor(page.index).keyOf('ANA.SILVA@example.com')).toBe('0');
    expect(matcherFor(page.index).keyOf('Ana Silva')).toBeUndefined(); // not an email
  });

  test('the revision changes with what pages are told, and only then', () => {
    const revision = (contacts: (typeof silva)[]) => toPageContacts(contacts).contacts.revision;
    expect(revision([silva])).toBe(revision([{ ...silva, addedAt: 99 }]));
    expect(revision([silva])).not.toBe(revision([{ ...silva, displayName: 'Ana Silva' }]));
    expect(revision([silva])).not.toBe(revision([{ ...silva, emails: ['ana@example.org'] }]));
    expect(revision([silva])).not.toBe(revision([]));
  });
});
