import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, Json } from './helpers.js';
import { harness } from './helpers.js';

let h: Harness;
let ada: { id: string; uuid: string };
let bot: { id: string; uuid: string };
const strangerId = Buffer.from(`ciscospark://us/PEOPLE/${randomUUID()}`).toString('base64url');

beforeAll(async () => {
  h = await harness();
  ada = await h.addPerson('Ada Lovelace', 'Ada.Lovelace@example.com');
  bot = await h.addPerson('Build Bot', 'build.bot@example.com', 'bot');
  await h.addPerson('Adam Smith', 'adam.smith@example.com');
  await h.addPerson('Grace Adams', 'grace.adams@example.com');
});
afterAll(() => h.emu.close());

describe('Hydra people', () => {
  it('returns a person with REST-cased status and lastActivity', async () => {
    const cases: [string, string][] = [
      ['dnd', 'DoNotDisturb'],
      ['quiet', 'DoNotDisturb'],
      ['ooo', 'OutOfOffice'],
      ['busy', 'active'],
      ['calendarItem', 'meeting'],
      ['call', 'call'],
      ['presenting', 'presenting'],
      ['pending', 'pending'],
      ['unknown', 'unknown'],
      ['inactive', 'inactive'],
      ['active', 'active'],
    ];
    for (const [wire, rest] of cases) {
      await h.control('PUT', `/_emu/presence/${ada.uuid}`, { status: wire });
      const res = await h.call('GET', `/v1/people/${ada.id}`);
      expect(res.body.status, wire).toBe(rest);
    }
    const res = await h.call('GET', `/v1/people/${ada.id}`);
    expect(res.body).toMatchObject({
      id: ada.id,
      emails: ['Ada.Lovelace@example.com'],
      displayName: 'Ada Lovelace',
      firstName: 'Ada',
      lastName: 'Lovelace',
      orgId: expect.any(String),
      type: 'person',
      created: expect.any(String),
      lastActivity: expect.any(String),
    });
  });

  it('accepts standard base64 ids with padding and 404s unknown or undecodable ids', async () => {
    const std = Buffer.from(ada.id, 'base64url').toString('base64');
    expect((await h.call('GET', `/v1/people/${encodeURIComponent(std)}`)).body.id).toBe(ada.id);
    for (const id of [strangerId, 'garbage!!', ada.uuid]) {
      const res = await h.call('GET', `/v1/people/${encodeURIComponent(id)}`);
      expect(res.status).toBe(404);
      expect(res.body.errors).toHaveLength(1);
    }
  });

  it('looks up id batches without status and reports notFoundIds', async () => {
    const res = await h.call(
      'GET',
      `/v1/people?id=${ada.id},${strangerId},${bot.id}&showAllTypes=false`,
    );
    const items = res.body.items as Json[];
    expect(items.map((p) => p.id)).toEqual([ada.id, bot.id]);
    expect(items[1]?.type).toBe('bot');
    for (const p of items) {
      expect(p.status).toBeUndefined();
      expect(p.lastActivity).toBeUndefined();
    }
    expect(res.body.notFoundIds).toEqual([strangerId]);
    const many = Array.from({ length: 86 }, () => ada.id).join(',');
    expect((await h.call('GET', `/v1/people?id=${many}`)).status).toBe(400);
    expect(
      (await h.call('GET', `/v1/people?id=${many.split(',').slice(1).join(',')}`)).status,
    ).toBe(200);
  });

  it('finds by email case-insensitively and by display-name prefix', async () => {
    const byEmail = await h.call('GET', '/v1/people?email=ada.lovelace%40EXAMPLE.com');
    expect((byEmail.body.items as Json[]).map((p) => p.id)).toEqual([ada.id]);
    expect((byEmail.body.items as Json[])[0]?.status).toBeDefined();
    expect((await h.call('GET', '/v1/people?email=ada@example.com')).body.items).toEqual([]);
    const byName = await h.call('GET', '/v1/people?displayName=ad');
    expect((byName.body.items as Json[]).map((p) => p.displayName).sort()).toEqual([
      'Ada Lovelace',
      'Adam Smith',
      'Grace Adams',
    ]);
    const limited = await h.call('GET', '/v1/people?displayName=ad&max=2');
    expect(limited.body.items).toHaveLength(2);
    expect((await h.call('GET', '/v1/people?displayName=ad&max=0')).status).toBe(400);
    expect((await h.call('GET', '/v1/people')).status).toBe(400);
  });
});
