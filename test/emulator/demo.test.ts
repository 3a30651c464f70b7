import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../emulator/demo-people.js';
import { escapeHtml } from '../../emulator/html.js';
import { WIRE_STATUSES } from '../../emulator/statuses.js';
import type { Harness, Json } from './helpers.js';
import { harness, sleep } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await harness({ demo: true, demoIntervalMs: 60 });
});
afterAll(() => h.emu.close());

const people = async () => (await h.control('GET', '/_emu/people')).body.people as Json[];

describe('demo mode', () => {
  it('seeds at least 14 people covering all 12 states, with one bot', async () => {
    await h.control('POST', '/_emu/reset', { demo: true }); // re-seed, then read before the first tick
    const all = (await people()).filter((p) => p.signedIn !== true);
    expect(all.length).toBeGreaterThanOrEqual(14);
    expect(new Set(all.map((p) => p.status))).toEqual(new Set(WIRE_STATUSES));
    expect(all.filter((p) => p.type === 'bot').map((p) => p.displayName)).toEqual(['Build Bot']);
    const alan = all.find((p) => p.displayName === 'Alan Turing');
    const comp = await h.call(
      'GET',
      `/apheleia/api/v1/compositions?userId=${alan?.uuid as string}`,
    );
    const minutesAgo = (Date.now() - Date.parse(comp.body.lastActive as string)) / 60_000;
    expect(Math.round(minutesAgo)).toBe(37);
    const grace = all.find((p) => p.displayName === 'Grace Hopper');
    const g = await h.call('GET', `/apheleia/api/v1/compositions?userId=${grace?.uuid as string}`);
    expect(g.body).toMatchObject({
      status: 'dnd',
      customStatus: 'Focus time',
      expiresTTL: 45 * 60,
    });
  });

  it('changes a few people on every scenario tick', async () => {
    const before = new Map((await people()).map((p) => [p.uuid, p.status]));
    await sleep(150);
    const changed = (await people()).filter((p) => before.get(p.uuid) !== p.status);
    expect(changed.length).toBeGreaterThanOrEqual(1);
    expect(changed.length).toBeLessThanOrEqual(4);
  });

  it('serves an escaped, script-free page naming every demo person', async () => {
    const res = await fetch(`${h.base}/demo`);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await res.text();
    expect(page).toContain('<title>Team wiki — Presence Lens demo</title>');
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/(src|href)="https?:/);
    for (const p of DEMO_PEOPLE) {
      expect(page).toContain(escapeHtml(p.displayName));
      expect(page).toContain(p.email);
    }
    expect(page).toContain('Zoë O&#39;Brien');
    expect(page).not.toContain("O'Brien");
    expect(page).toContain('GRACE HOPPER');
    expect(page).toMatch(/<a href="mailto:[^"]+">[^<]+<\/a>/);
    expect(page).toMatch(/<ul>[\s\S]*<li>/);
    expect(page).toMatch(/<table>[\s\S]*<th>Email<\/th>/);
  });

  it('stops the scenario on a plain reset', async () => {
    await h.control('POST', '/_emu/reset');
    await sleep(150);
    expect((await people()).map((p) => p.displayName)).toEqual(['Demo User']);
  });
});
