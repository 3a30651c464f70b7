/**
 * The options page's contact requests beyond adding and removing one person: name search, "Paste
 * a list", import, undo of a removal, groups and "Notify me when available". Every change goes
 * through `watchListItem.update` and leaves the contacts it was not asked about as they were.
 */
import type { WatchedContact } from '../shared/contact';
import { parseGroup } from '../shared/contact';
import type { BulkAddSummary, FailedQuery } from '../shared/bulk-add';
import type { ResponseMap } from '../shared/messages';
import { MIN_SEARCH_PREFIX, MAX_SEARCH_RESULTS, type PersonMatch } from '../shared/people-search';
import { bulkAddProgressItem, watchListItem } from '../shared/storage-items';
import { readWatchListFile } from '../shared/watch-list-file';
import type { PeopleApi } from '../webex/people-api';
import { lookUpMany } from './bulk-lookup';
import { refreshedContact, toContact } from './contact-resolver';
import { addNew, withGroup, withNotify } from './watch-list-edits';
import { t } from '../ui/i18n';

export interface ContactRequestsDeps {
  /** The signed-in session's People API (waking the feed first), or null. */
  readonly people: () => Promise<PeopleApi | null>;
  readonly now: () => number;
  readonly pause?: (ms: number) => Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ContactRequests {
  /** One "Add all" at a time: a second would only compete with the first for the same rate. */
  private bulkRunning = false;

  constructor(private readonly deps: ContactRequestsDeps) {}

  async searchPeople(rawPrefix: string): Promise<ResponseMap['searchPeople']> {
    const prefix = rawPrefix.trim();
    if ([...prefix].length < MIN_SEARCH_PREFIX) return { ok: true, people: [] };
    const people = await this.deps.people();
    if (!people) return { ok: false, error: t('worker_connect_first') };
    try {
      const found = await people.searchByName(prefix);
      const matches: PersonMatch[] = found.slice(0, MAX_SEARCH_RESULTS).map((person) => ({
        id: person.id,
        displayName: person.displayName,
        email: person.emails[0] ?? '',
        type: person.type,
      }));
      return { ok: true, people: matches };
    } catch (error) {
      return { ok: false, error: message(error) };
    }
  }

  async addContacts(queries: readonly string[]): Promise<ResponseMap['addContacts']> {
    if (this.bulkRunning) return { ok: false, error: t('worker_bulk_add_running') };
    this.bulkRunning = true;
    const total = queries.length;
    try {
      const people = await this.deps.people();
      if (!people) return { ok: false, error: t('worker_connect_first') };
      await bulkAddProgressItem.set({ done: 0, total, running: true });
      const outcomes = await lookUpMany(
        {
          people,
          pause: this.deps.pause ?? sleep,
          onProgress: (done) => bulkAddProgressItem.set({ done, total, running: true }),
        },
        queries,
      );
      const now = this.deps.now();
      const bots: string[] = [];
      const notFound: string[] = [];
      const failed: FailedQuery[] = [];
      const found: { query: string; contact: WatchedContact }[] = [];
      for (const outcome of outcomes) {
        if ('found' in outcome) {
          if (outcome.found.type === 'bot') bots.push(outcome.query);
          else found.push({ query: outcome.query, contact: toContact(outcome.found, now) });
        } else if ('notFound' in outcome) {
          notFound.push(outcome.query);
        } else {
          failed.push({ query: outcome.query, error: outcome.error });
        }
      }
      let added: WatchedContact[] = [];
      let already = new Set<WatchedContact>();
      await watchListItem.update((list) => {
        const result = addNew(
          list,
          found.map((f) => f.contact),
        );
        added = result.added;
        already = new Set(result.already);
        return result.list;
      });
      const summary: BulkAddSummary = {
        added,
        alreadyWatched: found.filter((f) => already.has(f.contact)).map((f) => f.query),
        notFound,
        bots,
        failed,
      };
      return { ok: true, summary };
    } finally {
      this.bulkRunning = false;
      await bulkAddProgressItem.set({ done: total, total, running: false });
    }
  }

  /**
   * Imports a file from "Export". Contacts already watched are skipped (the list keeps its own
   * copy: group, notify and all). When signed in, the rest are checked with the People API in
   * batches of 85 first: people it no longer knows and bots are left out, names are refreshed.
   * Signed out, or when that check fails, they are imported as the file has them, and the
   * worker's own check of the watch list (at sign-in and every 6 hours) marks any it cannot watch.
   */
  async importContacts(file: string): Promise<ResponseMap['importContacts']> {
    const read = readWatchListFile(file);
    if (!read.ok) return { ok: false, error: read.error };
    const watched = new Set((await watchListItem.get()).map((c) => c.contactId));
    const fresh = read.value.contacts.filter((c) => !watched.has(c.contactId));
    const checked = await this.recheck(fresh);
    let added: WatchedContact[] = [];
    let already: WatchedContact[] = [];
    await watchListItem.update((list) => {
      const result = addNew(list, read.value.contacts);
      // Only those the check let through; "already" counts the whole file against the list.
      const keep = new Map(checked.contacts.map((c) => [c.contactId, c]));
      const addedChecked = result.added.flatMap((c) => keep.get(c.contactId) ?? []);
      added = addedChecked;
      already = result.already;
      return addedChecked.length === 0 ? list : [...list, ...addedChecked];
    });
    return {
      ok: true,
      report: {
        added,
        alreadyWatched: already.map((c) => c.displayName),
        bad: read.value.bad,
        notFound: checked.notFound.map((c) => c.displayName),
        bots: checked.bots.map((c) => c.displayName),
      },
    };
  }

  private async recheck(contacts: readonly WatchedContact[]): Promise<{
    contacts: WatchedContact[];
    notFound: WatchedContact[];
    bots: WatchedContact[];
  }> {
    const unchecked = { contacts: [...contacts], notFound: [], bots: [] };
    if (contacts.length === 0) return unchecked;
    const people = await this.deps.people();
    if (!people) return unchecked;
    let list;
    try {
      list = await people.listByIds(contacts.map((c) => c.contactId));
    } catch (error) {
      console.warn('Presence Lens: imported contacts could not be checked', error);
      return unchecked;
    }
    const byId = new Map(list.items.map((p) => [p.id, p]));
    const kept: WatchedContact[] = [];
    const notFound: WatchedContact[] = [];
    const bots: WatchedContact[] = [];
    for (const contact of contacts) {
      const person = byId.get(contact.contactId);
      if (!person) notFound.push(contact);
      else if (person.type === 'bot') bots.push(contact);
      else kept.push(refreshedContact(contact, person));
    }
    return { contacts: kept, notFound, bots };
  }

  /** Undo of a removal: the contact comes back as it was, unless it was added again meanwhile. */
  async restoreContact(contact: WatchedContact): Promise<ResponseMap['restoreContact']> {
    await watchListItem.update((list) => addNew(list, [contact]).list);
    return { ok: true };
  }

  async setGroup(
    contactIds: readonly string[],
    rawGroup: string,
  ): Promise<ResponseMap['setGroup']> {
    const group = parseGroup(rawGroup);
    if (!group.ok) return { ok: false, error: t('worker_group_not_set', group.error) };
    await watchListItem.update((list) => withGroup(list, new Set(contactIds), group.value));
    return { ok: true };
  }

  async setNotify(contactId: string, notify: boolean): Promise<ResponseMap['setNotify']> {
    let found = false;
    await watchListItem.update((list) => {
      found = list.some((c) => c.contactId === contactId);
      return found ? withNotify(list, contactId, notify) : list;
    });
    return found ? { ok: true } : { ok: false, error: t('worker_contact_gone') };
  }
}
