import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, Json } from './helpers.js';
import { fakeClock, harness, sleep } from './helpers.js';

// Out-of-range ttl or lastActive used to be stored and then crash composition (500) and, on the
// next sweeper tick, the whole process. They must be refused before anything is written.

const clock = fakeClock();
let h: Harness;
beforeAll(async () => {
  h = await harness({ now: clock.now });
});
afterAll(() => h.emu.close());

const YEAR_SECONDS = 365 * 24 * 60 * 60;

describe('presence value ranges', () => {
  it('refuses out-of-range ttl and lastActive with 400 and keeps serving', async () => {
    const p = await h.addPerson('Range Check', 'range.check@example.com');
    const before = await h.call('GET', `/apheleia/api/v1/compositions?userId=${p.uuid}`);
    expect(before.status).toBe(200);

    const badPresence: Json[] = [
      { status: 'dnd', ttl: 1, lastActive: -1e20 },
      { status: 'dnd', ttl: 1e13 },
      { status: 'dnd', ttl: YEAR_SECONDS + 1 },
      { status: 'dnd', lastActive: 8.64e15 + 1 },
      { status: 'dnd', lastActive: -8.64e15 - 1 },
    ];
    for (const body of badPresence) {
      const res = await h.control('PUT', `/_emu/presence/${p.uuid}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message, JSON.stringify(body)).toMatch(/"(ttl|lastActive)"/);
    }
    const badEvents: Json[] = [
      { subject: p.uuid, eventType: 'dnd', ttl: 1e13 },
      { subject: p.uuid, eventType: 'dnd', ttl: YEAR_SECONDS + 1 },
    ];
    for (const body of badEvents) {
      const res = await h.call('POST', '/apheleia/api/v1/events', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message, JSON.stringify(body)).toMatch(/"ttl"/);
    }

    // Nothing was stored, and sweeper ticks after the clock passes any ttl are harmless.
    clock.advance(2000);
    await sleep(350);
    const after = await h.call('GET', `/apheleia/api/v1/compositions?userId=${p.uuid}`);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ status: before.body.status, expiresTTL: -1 });
    expect((await h.control('GET', '/_emu/people')).status).toBe(200);
  });

  it('still accepts the edges of the ranges', async () => {
    const p = await h.addPerson('Edge Case', 'edge.case@example.com');
    const res = await h.control('PUT', `/_emu/presence/${p.uuid}`, {
      status: 'ooo',
      ttl: YEAR_SECONDS,
      lastActive: -8.64e15,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      expiresTTL: YEAR_SECONDS,
      lastActive: new Date(-8.64e15).toISOString(),
    });
    const event = await h.call('POST', '/apheleia/api/v1/events', {
      subject: p.uuid,
      eventType: 'dnd',
      ttl: YEAR_SECONDS,
    });
    expect(event.status).toBe(200);
  });
});
