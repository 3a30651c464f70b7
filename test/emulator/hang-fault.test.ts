import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/server.js';
import type { Harness, Json } from './helpers.js';
import { harness, runScript, sleep, TOKEN } from './helpers.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/hang-then-exit.ts', import.meta.url));
const ME = '/v1/people/me';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
beforeEach(async () => {
  await h.control('POST', '/_emu/reset');
});
afterAll(() => h.emu.close());

const auth = { authorization: `Bearer ${TOKEN}` };

/** A GET that settles as 'answered <status>' or 'closed' (connection ended without an answer). */
function pendingGet(base: string, path: string, signal?: AbortSignal): Promise<string> {
  return fetch(`${base}${path}`, { headers: auth, ...(signal ? { signal } : {}) }).then(
    (res) => `answered ${res.status}`,
    (err: Error) =>
      err.name === 'AbortError' || err.name === 'TimeoutError' ? 'gave up' : 'closed',
  );
}

async function heldRequests(base = h.base): Promise<number> {
  const res = await fetch(`${base}/_emu/faults`);
  return ((await res.json()) as Json).heldRequests as number;
}

async function waitForHeld(n: number, base = h.base): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await heldRequests(base)) === n) return;
    await sleep(10);
  }
  throw new Error(`never saw ${n} held request(s); last: ${await heldRequests(base)}`);
}

/** Settles within `ms`, or 'still pending'. */
const within = (p: Promise<string>, ms: number): Promise<string> =>
  Promise.race([p, sleep(ms).then(() => 'still pending')]);

describe('the http "hang" fault', () => {
  it('holds a matching request unanswered until the client gives up', async () => {
    await h.control('POST', '/_emu/faults', {
      http: [{ method: 'GET', path: ME, hang: true, times: 1 }],
    });
    const abort = new AbortController();
    const held = pendingGet(h.base, ME, abort.signal);
    await waitForHeld(1);
    expect(await within(held, 300)).toBe('still pending');
    abort.abort();
    expect(await held).toBe('gave up');
    await waitForHeld(0);
    // `times: 1` was used up by the held request: the next one is answered.
    expect((await h.call('GET', ME)).status).toBe(200);
    expect((await h.control('GET', '/_emu/faults')).body.http).toEqual([]);
  });

  it('lets a request without a status through once faults are cleared', async () => {
    await h.control('POST', '/_emu/faults', { http: [{ path: ME, hang: true }] });
    const held = pendingGet(h.base, ME);
    await waitForHeld(1);
    expect(await within(held, 200)).toBe('still pending');
    expect((await h.control('DELETE', '/_emu/faults')).body.heldRequests).toBe(0);
    expect(await held).toBe('answered 200');
  });

  it('answers with its status once released, when it has one (reset releases too)', async () => {
    await h.control('POST', '/_emu/faults', {
      http: [{ method: 'GET', path: ME, hang: true, status: 503, retryAfter: 4 }],
    });
    const first = fetch(`${h.base}${ME}`, { headers: auth });
    const second = pendingGet(h.base, ME);
    await waitForHeld(2);
    await h.control('POST', '/_emu/reset');
    const res = await first;
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('4');
    expect(((await res.json()) as Json).message).toBe('Emulated fault: 503');
    expect(await second).toBe('answered 503');
    expect(await heldRequests()).toBe(0);
  });

  it('never holds the control API, so a "*" hang can still be cleared', async () => {
    await h.control('POST', '/_emu/faults', { http: [{ hang: true }] });
    const held = pendingGet(h.base, ME);
    await waitForHeld(1);
    expect((await h.control('GET', '/_emu/stats')).status).toBe(200);
    expect((await h.control('DELETE', '/_emu/faults')).status).toBe(200);
    expect(await held).toBe('answered 200');
  });

  it('ends held requests when the emulator stops', async () => {
    const emu = await startEmulator({ port: 0 });
    await fetch(`${emu.baseUrl}/_emu/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ http: [{ path: ME, hang: true }] }),
    });
    const held = pendingGet(emu.baseUrl, ME);
    await waitForHeld(1, emu.baseUrl);
    const closed = emu.close().then(() => 'emulator closed');
    expect(await within(closed, 2000)).toBe('emulator closed');
    expect(await held).toBe('closed');
  });

  it('leaves nothing running: a process holding a request exits once it closes the emulator', async () => {
    const { code, output } = await runScript(FIXTURE);
    expect(code, output).toBe(0);
    expect(output).toContain('closed; held request: connection closed');
  }, 10_000);

  it('validates hang rules', async () => {
    const cases: [unknown, RegExp][] = [
      [{ path: ME }, /needs "status" \(400-599\), "hang": true, or both/],
      [{ path: ME, hang: false }, /needs "status"/],
      [{ path: ME, hang: 'yes' }, /"hang" must be a boolean/],
      [{ path: ME, hang: true, retryAfter: 3 }, /retryAfter needs a "status"/],
      [{ path: ME, hang: true, status: 200 }, /"status" must be an integer >= 400 and <= 599/],
      [{ path: ME, hang: true, times: 0 }, /"times"/],
      [
        { path: ME, hang: true, forever: true },
        /Unknown key\(s\) in http\[0\]: forever; known: method, path, status, retryAfter, hang, times/,
      ],
    ];
    for (const [rule, message] of cases) {
      const res = await h.control('POST', '/_emu/faults', { http: [rule] });
      expect(res.status, JSON.stringify(rule)).toBe(400);
      expect(res.body.message, JSON.stringify(rule)).toMatch(message);
    }
    expect((await h.control('GET', '/_emu/faults')).body.http).toEqual([]);
    const ok = await h.control('POST', '/_emu/faults', {
      http: [
        { path: ME, hang: true },
        { path: ME, hang: true, status: 504, times: 2 },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.http).toEqual([
      { method: '*', path: ME, hang: true },
      { method: '*', path: ME, status: 504, hang: true, times: 2 },
    ]);
  });
});
