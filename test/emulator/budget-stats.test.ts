import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Harness, Json } from './helpers.js';
import { fakeClock, harness } from './helpers.js';

// A minute boundary, so byMinute entries are easy to name.
const T0 = Date.parse('2025-03-03T09:00:00.000Z');
const clock = fakeClock(T0);
const COMPOSITIONS = 'POST /apheleia/api/v1/compositions';
const PEOPLE = 'GET /v1/people';
let h: Harness;
let ada: { id: string; uuid: string };

beforeAll(async () => {
  h = await harness({ now: clock.now });
});
beforeEach(async () => {
  await h.control('POST', '/_emu/reset');
  ada = await h.addPerson('Ada Budget', 'ada.budget@example.com');
});
afterAll(() => h.emu.close());

const at = (ms: number) => {
  const now = clock.now();
  clock.advance(T0 + ms - now);
};
const budget = async () => (await h.control('GET', '/_emu/stats')).body.budget as Json;
const read = () => h.call('POST', '/apheleia/api/v1/compositions', { subjects: [ada.uuid] });
const poll = () => h.call('GET', `/v1/people?id=${ada.id}`);
const minute = (m: number) => new Date(T0 + m * 60_000).toISOString();

describe('GET /_emu/stats budget', () => {
  it('is empty after a reset, and control and demo requests never count', async () => {
    await h.control('GET', '/_emu/people');
    expect((await fetch(`${h.base}/demo`)).status).toBe(200);
    expect(await budget()).toEqual({
      total: 0,
      peakPerSecond: 0,
      peakAt: null,
      since: null,
      byMinute: [],
      byRoute: {
        [COMPOSITIONS]: { total: 0, peakPerSecond: 0, peakAt: null, since: null, byMinute: [] },
        [PEOPLE]: { total: 0, peakPerSecond: 0, peakAt: null, since: null, byMinute: [] },
      },
    });
  });

  it('measures the peak over a sliding 1 s window, not clock seconds', async () => {
    at(600);
    await read();
    await read();
    at(1400); // clock seconds would see 2 and 2; the window (0.4 s, 1.4 s] holds all 4
    await poll();
    await read();
    at(2500);
    await read();
    const b = await budget();
    expect(b).toMatchObject({
      total: 5,
      peakPerSecond: 4,
      peakAt: new Date(T0 + 1400).toISOString(),
      since: new Date(T0 + 600).toISOString(),
      byMinute: [{ minute: minute(0), count: 5 }],
    });
    const byRoute = b.byRoute as Record<string, Json>;
    expect(byRoute[COMPOSITIONS]).toMatchObject({ total: 4, peakPerSecond: 3 });
    expect(byRoute[PEOPLE]).toMatchObject({ total: 1, peakPerSecond: 1 });
  });

  it('does not count a request exactly 1 s older in the same window', async () => {
    at(0);
    await read();
    at(1000);
    await read();
    expect((await budget()).peakPerSecond).toBe(1);
    at(1999);
    await read();
    expect((await budget()).peakPerSecond).toBe(2);
  });

  it('counts every client request by wall-clock minute, zeros included', async () => {
    at(10_000);
    await read();
    await h.call('GET', '/v1/people/me');
    await h.call('GET', '/no/such/route'); // a client request all the same
    at(2 * 60_000 + 5_000);
    await poll();
    const b = await budget();
    expect(b.total).toBe(4);
    expect(b.byMinute).toEqual([
      { minute: minute(0), count: 3 },
      { minute: minute(1), count: 0 },
      { minute: minute(2), count: 1 },
    ]);
    const byRoute = b.byRoute as Record<string, Json>;
    expect(byRoute[PEOPLE]?.byMinute).toEqual([{ minute: minute(2), count: 1 }]);
    expect(byRoute[COMPOSITIONS]?.byMinute).toEqual([
      { minute: minute(0), count: 1 },
      { minute: minute(1), count: 0 },
      { minute: minute(2), count: 0 },
    ]);
  });

  it('keeps only the last 60 minutes of history, but the total of all', async () => {
    at(0);
    await read();
    at(90 * 60_000);
    await read();
    const b = await budget();
    const byMinute = b.byMinute as Json[];
    expect(b.total).toBe(2);
    expect(byMinute).toHaveLength(60);
    expect(byMinute[0]).toEqual({ minute: minute(31), count: 0 });
    expect(byMinute[59]).toEqual({ minute: minute(90), count: 1 });
    expect(b.since).toBe(minute(0));
  });

  it('counts requests answered by a fault, and a reset clears it all', async () => {
    await h.control('POST', '/_emu/faults', {
      http: [{ path: '/apheleia/api/v1/compositions', status: 429, retryAfter: 3 }],
    });
    at(0);
    expect((await read()).status).toBe(429);
    expect(((await budget()).byRoute as Record<string, Json>)[COMPOSITIONS]?.total).toBe(1);
    await h.control('POST', '/_emu/reset');
    expect((await budget()).total).toBe(0);
  });
});
