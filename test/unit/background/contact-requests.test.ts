import { describe, expect, test, vi } from 'vitest';
import { lookUpMany } from '../../../src/background/bulk-lookup';
import { ContactRequests } from '../../../src/background/contact-requests';
import { uuidToPersonId } from '../../../src/core/hydra-id';
import { bulkAddProgressItem, watchListItem } from '../../../src/shared/storage-items';
import { watchListFile } from '../../../src/shared/watch-list-file';
import { WebexError } from '../../../src/webex/errors';
import type { PeopleApi, Person } from '../../../src/webex/people-api';

const uuid = (n: number) => `0000000${n}-0000-4000-8000-000000000000`;
const person = (n: number, extra: Partial<Person> = {}): Person => ({
  id: uuidToPersonId(uuid(n)),
  displayName: `Person ${n}`,
  emails: [`p${n}@x.com`],
  type: 'person',
  ...extra,
});
const ada = person(1, { displayName: 'Ada' });
const bot = person(2, { displayName: 'Build Bot', type: 'bot' });
const grace = person(3, { displayName: 'Grace' });
const everyone = [ada, bot, grace];

function fakePeople(): PeopleApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    me: async () => ada,
    get: async (id) => {
      calls.push(`get ${id}`);
      const found = everyone.find((p) => p.id === id);
      if (!found) throw new WebexError('not-found', 'no');
      return found;
    },
    findByEmail: async (email) => {
      calls.push(`email ${email}`);
      return everyone.filter((p) => p.emails.includes(email));
    },
    listByIds: async (ids) => {
      calls.push(`ids ${ids.length}`);
      return {
        items: everyone.filter((p) => ids.includes(p.id)),
        notFoundIds: ids.filter((id) => !everyone.some((p) => p.id === id)),
      };
    },
    searchByName: async (prefix) => {
      calls.push(`search ${prefix}`);
      return everyone.filter((p) => p.displayName.toLowerCase().startsWith(prefix.toLowerCase()));
    },
  };
}

const contactOf = (p: Person, addedAt = 5) => ({
  contactId: p.id,
  displayName: p.displayName,
  emails: p.emails,
  addedAt,
});

function requests(people: PeopleApi | null = fakePeople()) {
  return new ContactRequests({ people: async () => people, now: () => 100, pause: async () => {} });
}

describe('lookUpMany', () => {
  test('ids in batches of 85, emails one at a time, an outcome per query in order', async () => {
    const people = fakePeople();
    const progress: number[] = [];
    const queries = ['p1@x.com', 'nobody@x.com', 'not an id', ada.id, uuid(3)];
    const pauses: number[] = [];
    const outcomes = await lookUpMany(
      {
        people,
        onProgress: (done) => void progress.push(done),
        pause: async (ms) => void pauses.push(ms),
      },
      queries,
    );
    expect(outcomes).toEqual([
      { query: 'p1@x.com', found: ada },
      { query: 'nobody@x.com', notFound: true },
      { query: 'not an id', error: 'Not an email address or a Webex person id.' },
      { query: ada.id, found: ada },
      { query: uuid(3), found: grace },
    ]);
    expect(people.calls).toEqual(['ids 2', 'email p1@x.com', 'email nobody@x.com']);
    expect(progress.at(-1)).toBe(5);
    expect(pauses).toEqual([250]);
  });

  test('more than 85 ids take two requests', async () => {
    const people = fakePeople();
    const queries = Array.from({ length: 100 }, (_, i) =>
      uuidToPersonId(`${String(i + 100).padStart(8, '0')}-0000-4000-8000-000000000000`),
    );
    const outcomes = await lookUpMany(
      { people, onProgress: () => {}, pause: async () => {} },
      queries,
    );
    expect(people.calls).toEqual(['ids 85', 'ids 15']);
    expect(outcomes.filter((o) => 'notFound' in o)).toHaveLength(100);
  });

  test("a 429 is tried again; another failure is that query's outcome", async () => {
    const people = fakePeople();
    const limited = new WebexError('rate-limited', 'slow down', { retryAfterMs: 10 });
    people.findByEmail = vi
      .fn()
      .mockRejectedValueOnce(limited)
      .mockResolvedValueOnce([ada])
      .mockRejectedValueOnce(new WebexError('server', 'boom'));
    const outcomes = await lookUpMany({ people, onProgress: () => {}, pause: async () => {} }, [
      'p1@x.com',
      'p3@x.com',
    ]);
    expect(outcomes).toEqual([
      { query: 'p1@x.com', found: ada },
      { query: 'p3@x.com', error: 'boom' },
    ]);
  });
});

describe('ContactRequests', () => {
  test('addContacts: added, already watched, not found, bots refused, failed', async () => {
    await watchListItem.set([contactOf(grace, 1)]);
    const answer = await requests().addContacts([
      'p1@x.com',
      'p3@x.com',
      'nobody@x.com',
      'p2@x.com',
      'junk',
      ada.id,
    ]);
    expect(answer).toEqual({
      ok: true,
      summary: {
        added: [{ ...contactOf(ada, 100) }],
        alreadyWatched: ['p3@x.com', ada.id],
        notFound: ['nobody@x.com'],
        bots: ['p2@x.com'],
        failed: [{ query: 'junk', error: 'Not an email address or a Webex person id.' }],
      },
    });
    expect((await watchListItem.get()).map((c) => c.displayName)).toEqual(['Grace', 'Ada']);
    expect(await bulkAddProgressItem.get()).toEqual({ done: 6, total: 6, running: false });
  });

  test('addContacts needs a sign-in, and runs one list at a time', async () => {
    expect(await requests(null).addContacts(['a@x.com'])).toEqual({
      ok: false,
      error: expect.stringContaining('Connect'),
    });
    const r = requests();
    const first = r.addContacts(['p1@x.com']);
    expect(await r.addContacts(['p3@x.com'])).toMatchObject({ ok: false });
    expect(await first).toMatchObject({ ok: true });
  });

  test('searchPeople: short prefixes are not searched; results keep their type', async () => {
    const people = fakePeople();
    expect(await requests(people).searchPeople(' a ')).toEqual({ ok: true, people: [] });
    expect(people.calls).toEqual([]);
    expect(await requests(people).searchPeople('bu')).toEqual({
      ok: true,
      people: [{ id: bot.id, displayName: 'Build Bot', email: 'p2@x.com', type: 'bot' }],
    });
  });

  test('importContacts: bad entries reported, watched ones kept as they are, rest checked', async () => {
    const mine = { ...contactOf(grace, 1), group: 'Mine', notify: true };
    await watchListItem.set([mine]);
    const gone = { ...contactOf(person(9)), displayName: 'Gone' };
    const text = JSON.stringify(
      watchListFile(
        [
          { ...contactOf(ada, 3), displayName: 'Old Ada name', group: 'Team' },
          { ...contactOf(grace, 2), group: 'Theirs' },
          gone,
          contactOf(bot),
        ],
        0,
      ),
    ).replace('"contacts":[', '"contacts":[{"nope":1},');
    const answer = await requests().importContacts(text);
    expect(answer).toEqual({
      ok: true,
      report: {
        added: [{ ...contactOf(ada, 3), group: 'Team' }],
        alreadyWatched: ['Grace'],
        bad: [{ index: 0, reason: 'a contact needs a contactId' }],
        notFound: ['Gone'],
        bots: ['Build Bot'],
      },
    });
    expect(await watchListItem.get()).toEqual([mine, { ...contactOf(ada, 3), group: 'Team' }]);
  });

  test('importContacts signed out imports as the file has them; a broken file changes nothing', async () => {
    await watchListItem.set([contactOf(grace)]);
    const r = requests(null);
    expect(await r.importContacts('{"format":"x"}')).toEqual({
      ok: false,
      error: expect.stringContaining('not a Presence Lens contact list'),
    });
    expect(await watchListItem.get()).toEqual([contactOf(grace)]);
    const answer = await r.importContacts(JSON.stringify(watchListFile([contactOf(bot)], 0)));
    expect(answer).toMatchObject({ ok: true, report: { added: [contactOf(bot)] } });
  });

  test('restore, group and notify change only the contact asked about', async () => {
    await watchListItem.set([contactOf(ada), contactOf(grace)]);
    const r = requests();
    expect(await r.setGroup([ada.id], '  Team ')).toEqual({ ok: true });
    expect(await r.setNotify(grace.id, true)).toEqual({ ok: true });
    expect(await r.setNotify('gone', true)).toMatchObject({ ok: false });
    expect(await r.setGroup([ada.id], 'x'.repeat(41))).toMatchObject({ ok: false });
    expect(await watchListItem.get()).toEqual([
      { ...contactOf(ada), group: 'Team' },
      { ...contactOf(grace), notify: true },
    ]);
    expect(await r.setGroup([ada.id], '')).toEqual({ ok: true });
    expect((await watchListItem.get())[0]).toEqual(contactOf(ada));

    await watchListItem.set([contactOf(grace)]);
    await r.restoreContact({ ...contactOf(ada), group: 'Team' });
    await r.restoreContact({ ...contactOf(grace), displayName: 'Changed' });
    expect(await watchListItem.get()).toEqual([
      contactOf(grace),
      { ...contactOf(ada), group: 'Team' },
    ]);
  });
});
