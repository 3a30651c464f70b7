/** The public People REST API (docs/protocol.md §6): lookups, never presence polling. */
import { chunk } from '../core/json-guards';
import type { HttpClient } from './http';
import { joinUrl } from './urls';
import type { Person, PersonList } from './person';
import { parsePerson, parsePersonList } from './person';

export type { Person } from './person';

/** `GET /people?id=` takes at most 85 ids. */
const MAX_IDS_PER_LOOKUP = 85;

export interface PeopleApi {
  me(): Promise<Person>;
  /** Rejects with a `not-found` WebexError for an unknown id. */
  get(personId: string): Promise<Person>;
  findByEmail(email: string): Promise<Person[]>;
  /** Existence and type of many people (no presence: `?id=` never returns it). */
  listByIds(ids: readonly string[]): Promise<PersonList>;
  searchByName(prefix: string): Promise<Person[]>;
}

export function createPeopleApi(http: HttpClient, hydraBaseUrl: string): PeopleApi {
  const base = joinUrl(hydraBaseUrl, 'people');
  const list = async (query: Record<string, string | number>) =>
    (await http.request('GET', base, { query, parse: parsePersonList })).items;

  return {
    me: () => http.request('GET', `${base}/me`, { parse: parsePerson }),
    get: (personId) =>
      http.request('GET', `${base}/${encodeURIComponent(personId)}`, { parse: parsePerson }),
    findByEmail: (email) => list({ email }),
    searchByName: (prefix) => list({ displayName: prefix, max: 20 }),
    async listByIds(ids) {
      const unique = [...new Set(ids)];
      const pages = await Promise.all(
        chunk(unique, MAX_IDS_PER_LOOKUP).map((batch) =>
          http.request('GET', base, { query: { id: batch.join(',') }, parse: parsePersonList }),
        ),
      );
      return {
        items: pages.flatMap((p) => p.items),
        notFoundIds: pages.flatMap((p) => p.notFoundIds),
      };
    },
  };
}
