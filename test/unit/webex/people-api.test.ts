import { describe, expect, it } from 'vitest';
import { uuidToPersonId } from '../../../src/core/hydra-id';
import { createHttpClient } from '../../../src/webex/http';
import { createPeopleApi } from '../../../src/webex/people-api';
import { parsePerson } from '../../../src/webex/person';
import { DEV_AUDIENCE, FakeFetch } from './fakes';

const HYDRA = 'https://webexapis.com/v1';
const person = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  displayName: `Person ${id.slice(-4)}`,
  emails: [`${id.slice(-4)}@example.com`],
  type: 'person',
  orgId: 'org',
  ...extra,
});

function setup(fake: FakeFetch) {
  return createPeopleApi(
    createHttpClient({ fetch: fake.fetch, getToken: () => 't', audience: DEV_AUDIENCE }),
    HYDRA,
  );
}

describe('createPeopleApi', () => {
  it('looks up 200 ids in calls of at most 85 and merges the lists', async () => {
    const ids = Array.from({ length: 200 }, (_, i) =>
      uuidToPersonId(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
    );
    const fake = new FakeFetch().on('GET', /\/v1\/people$/, (request) => {
      const batch = (request.url.searchParams.get('id') ?? '').split(',');
      if (batch.length > 85) return { status: 400, body: { message: 'too many ids' } };
      return {
        body: { items: batch.slice(1).map((id) => person(id)), notFoundIds: batch.slice(0, 1) },
      };
    });
    const result = await setup(fake).listByIds([...ids, ids[0]!]);
    expect(
      fake.requests.map((r) => (r.url.searchParams.get('id') ?? '').split(',').length),
    ).toEqual([85, 85, 30]);
    expect(result.items).toHaveLength(197);
    expect(result.notFoundIds).toEqual([ids[0], ids[85], ids[170]]);
  });

  it('gets me, one person, by email and by name', async () => {
    const fake = new FakeFetch()
      .on('GET', /\/people\/me$/, { body: person('me-id') })
      .on('GET', /\/people\/p%2F1$/, { body: person('p/1', { status: 'DoNotDisturb' }) })
      .on('GET', /\/v1\/people$/, (r) => ({ body: { items: [person(r.url.search)] } }));
    const api = setup(fake);
    expect((await api.me()).id).toBe('me-id');
    expect((await api.get('p/1')).status).toBe('DoNotDisturb');
    expect((await api.findByEmail('a@b.c'))[0]?.id).toBe('?email=a%40b.c');
    expect((await api.searchByName('Ann'))[0]?.id).toBe('?displayName=Ann&max=20');
    await expect(api.get('missing')).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('parsePerson', () => {
  it('keeps the fields we use and fills a missing type and name', () => {
    expect(
      parsePerson({ id: 'x', emails: ['a@b.c'], avatar: 'https://a/b', nickName: 'n' }),
    ).toEqual({
      ok: true,
      value: {
        id: 'x',
        displayName: 'a@b.c',
        emails: ['a@b.c'],
        type: 'person',
        avatar: 'https://a/b',
      },
    });
  });

  it.each([
    [null, 'not a JSON object'],
    [{ emails: [] }, '"id"'],
    [{ id: 'x' }, '"emails"'],
    [{ id: 'x', emails: [1] }, '"emails"'],
    [{ id: 'x', emails: [], type: 'robot' }, 'unknown type'],
    [{ id: 'x', emails: [], status: 3 }, '"status"'],
  ])('rejects %j', (json, reason) => {
    const result = parsePerson(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });
});
