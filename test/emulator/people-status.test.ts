import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WIRE_STATUSES } from '../../emulator/statuses.js';
import { KNOWN_WIRE_STATUSES } from '../../src/core/wire-status.js';
import type { Harness, Json } from './helpers.js';
import { fakeClock, harness } from './helpers.js';

/** The values the public People API documents for `status`. */
const PUBLIC_REST_STATUSES = [
  'active',
  'call',
  'DoNotDisturb',
  'inactive',
  'meeting',
  'OutOfOffice',
  'pending',
  'presenting',
  'unknown',
];

const clock = fakeClock();
let h: Harness;
let ada: { id: string; uuid: string };
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  h = await harness({ now: clock.now });
});
beforeEach(async () => {
  await h.control('POST', '/_emu/reset');
  ada = await h.addPerson('Ada Status', 'ada.status@example.com');
});
afterAll(() => h.emu.close());

const person = async (id: string) => (await h.call('GET', `/v1/people/${id}`)).body;

describe('People REST status and lastActivity', () => {
  it('spells every presence with a public People API value the client also reads', async () => {
    const seen = new Set<string>();
    for (const status of WIRE_STATUSES) {
      await h.control('PUT', `/_emu/presence/${ada.uuid}`, { status });
      const body = await person(ada.id);
      expect(PUBLIC_REST_STATUSES, status).toContain(body.status);
      expect(KNOWN_WIRE_STATUSES, status).toContain(body.status);
      seen.add(body.status as string);
    }
    expect([...seen].sort()).toEqual([...PUBLIC_REST_STATUSES].sort());
  });

  it('gives lastActivity as the ISO time of the last activity', async () => {
    const start = clock.now();
    let body = await person(ada.id);
    expect(body).toMatchObject({ status: 'active', lastActivity: iso(start) });
    clock.advance(5_000);
    body = await person(ada.id); // an active person's activity is now
    expect(body.lastActivity).toBe(iso(start + 5_000));
    const earlier = start - 3 * 3600_000;
    await h.control('PUT', `/_emu/presence/${ada.uuid}`, {
      status: 'inactive',
      lastActive: iso(earlier),
    });
    clock.advance(60_000);
    body = await person(ada.id);
    expect(body).toMatchObject({ status: 'inactive', lastActivity: iso(earlier) });
    // And every field that was there before is still there.
    expect(Object.keys(body).sort()).toEqual(
      [
        'id',
        'emails',
        'displayName',
        'firstName',
        'lastName',
        'orgId',
        'type',
        'created',
        'status',
        'lastActivity',
      ].sort(),
    );
  });

  it('falls back to active or inactive by last activity when a status expires', async () => {
    await h.control('PUT', `/_emu/presence/${ada.uuid}`, { status: 'dnd', ttl: 60 });
    expect((await person(ada.id)).status).toBe('DoNotDisturb');
    clock.advance(61_000);
    expect(await person(ada.id)).toMatchObject({
      status: 'active',
      lastActivity: iso(clock.now()),
    });

    const longAgo = clock.now() - 20 * 60_000;
    await h.control('PUT', `/_emu/presence/${ada.uuid}`, {
      status: 'ooo',
      ttl: 30,
      lastActive: iso(longAgo),
    });
    expect((await person(ada.id)).status).toBe('OutOfOffice');
    clock.advance(31_000);
    expect(await person(ada.id)).toMatchObject({ status: 'inactive', lastActivity: iso(longAgo) });
  });

  it('carries status on /people/me and the email and name lookups', async () => {
    await h.control('PUT', `/_emu/presence/${ada.uuid}`, { status: 'presenting' });
    const me = (await h.call('GET', '/v1/people/me')).body;
    expect(me).toMatchObject({ status: 'active', lastActivity: iso(clock.now()) });
    const byEmail = await h.call('GET', '/v1/people?email=ada.status%40example.com');
    expect((byEmail.body.items as Json[])[0]).toMatchObject({ status: 'presenting' });
    const byName = await h.call('GET', '/v1/people?displayName=Ada%20St');
    expect((byName.body.items as Json[])[0]).toMatchObject({ status: 'presenting' });
  });

  it('leaves status and lastActivity out of id lookups, as the public API documents', async () => {
    await h.control('PUT', `/_emu/presence/${ada.uuid}`, { status: 'meeting' });
    const res = await h.call('GET', `/v1/people?id=${ada.id}`);
    const item = (res.body.items as Json[])[0];
    expect(item).toMatchObject({ id: ada.id, displayName: 'Ada Status' });
    expect(item).not.toHaveProperty('status');
    expect(item).not.toHaveProperty('lastActivity');
  });

  it('answers a bot, which has no activity, as unknown without lastActivity', async () => {
    const bot = await h.addPerson('Status Bot', 'status.bot@example.com', 'bot');
    const body = await person(bot.id);
    expect(body.status).toBe('unknown');
    expect(body).not.toHaveProperty('lastActivity');
  });
});
