import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './helpers.js';
import { harness, MercuryClient, sleep, until } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
beforeEach(async () => {
  await h.control('POST', '/_emu/reset');
});
afterAll(() => h.emu.close());

/** Two authorized sockets on two devices and one that never authenticates. */
async function sockets() {
  const [one, two] = [await h.registerDevice(), await h.registerDevice()];
  const a = await MercuryClient.connect(one.webSocketUrl);
  const b = await MercuryClient.connect(two.webSocketUrl);
  const silent = await MercuryClient.open(one.webSocketUrl);
  return { a, b, silent, all: [a, b, silent] };
}

describe('POST /_emu/push', () => {
  it('sends a JSON value, JSON-encoded, to every authorized socket and counts them', async () => {
    const { a, b, silent, all } = await sockets();
    const raw = { data: { eventType: 'apheleia.subscription_update', status: 'weird' }, n: 1 };
    const res = await h.control('POST', '/_emu/push', { raw });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ sent: 2 });
    await until(() => a.frames.length === 2 && b.frames.length === 2);
    expect(a.frames[1]).toBe(JSON.stringify(raw));
    expect(b.frames[1]).toBe(JSON.stringify(raw));
    await sleep(50);
    expect(silent.frames).toEqual([]);
    for (const c of all) c.close();
  });

  it('sends a string verbatim, JSON or not, and other JSON values as their encoding', async () => {
    const { a, all } = await sockets();
    const frames = ['not json {', '{"sequenceNumber": 99,  "id":"x"}', ''];
    for (const raw of frames) await h.control('POST', '/_emu/push', { raw });
    for (const raw of [null, 42, [1, 'two'], false]) await h.control('POST', '/_emu/push', { raw });
    await until(() => a.frames.length === 8);
    expect(a.frames.slice(1)).toEqual([...frames, 'null', '42', '[1,"two"]', 'false']);
    for (const c of all) c.close();
  });

  it('does not move the socket sequence counter', async () => {
    const { a, all } = await sockets();
    a.send({ type: 'ping', id: 'p1' });
    expect((await a.next((m) => m.type === 'pong')).sequenceNumber).toBe(1);
    await h.control('POST', '/_emu/push', { raw: { sequenceNumber: 7 } });
    a.send({ type: 'ping', id: 'p2' });
    expect((await a.next((m) => m.id === 'p2')).sequenceNumber).toBe(2);
    for (const c of all) c.close();
  });

  it('answers sent: 0 without sockets', async () => {
    expect((await h.control('POST', '/_emu/push', { raw: 'x' })).body).toEqual({ sent: 0 });
  });

  it('validates the body: raw required, no other keys', async () => {
    const missing = await h.control('POST', '/_emu/push', {});
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('"raw" is required');
    const extra = await h.control('POST', '/_emu/push', { raw: 'x', sequence: true });
    expect(extra.status).toBe(400);
    expect(extra.body.message).toContain('sequence');
    expect(extra.body.message).toContain('known: raw');
    for (const body of ['"just a string"', '[1]', '']) {
      expect((await h.control('POST', '/_emu/push', body)).status, body).toBe(400);
    }
    const get = await h.control('GET', '/_emu/push');
    expect(get.status).toBe(405);
  });
});
