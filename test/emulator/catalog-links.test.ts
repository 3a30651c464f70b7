import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './helpers.js';
import { harness } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
beforeEach(async () => {
  await h.control('POST', '/_emu/reset');
});
afterAll(() => h.emu.close());

describe('the catalogLinks knob', () => {
  it('hands out the given links in both catalogs until faults are cleared', async () => {
    const evil = 'http://evil.test:9/wdm/api/v1';
    expect((await h.control('POST', '/_emu/faults', { catalogLinks: { wdm: evil } })).status).toBe(
      200,
    );
    const full = await h.call('GET', '/u2c/api/v1/catalog?format=hostmap');
    expect(full.body.serviceLinks).toMatchObject({ wdm: evil, apheleia: expect.any(String) });
    const limited = await fetch(`${h.base}/u2c/api/v1/limited/catalog?orgId=x&format=hostmap`);
    expect(((await limited.json()) as { serviceLinks: { wdm: string } }).serviceLinks.wdm).toBe(
      evil,
    );
    await h.control('DELETE', '/_emu/faults');
    const again = await h.call('GET', '/u2c/api/v1/catalog?format=hostmap');
    expect((again.body.serviceLinks as { wdm: string }).wdm).toBe(`${h.base}/wdm/api/v1`);
  });

  it.each([
    [{ catalogLinks: { mercury: 'http://x.test/' } }, 'known: wdm, apheleia, hydra, metrics'],
    [{ catalogLinks: { wdm: 'ftp://x.test/' } }, 'catalogLinks.wdm must be an http(s) URL'],
    [{ catalogLinks: { wdm: 42 } }, 'catalogLinks.wdm must be an http(s) URL'],
    [{ catalogLinks: 'http://x.test/' }, 'catalogLinks'],
  ])('refuses %j', async (body, said) => {
    const res = await h.control('POST', '/_emu/faults', body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(said);
  });

  it('counts client requests by Host header', async () => {
    await h.call('GET', '/u2c/api/v1/catalog?format=hostmap');
    const port = new URL(h.base).port;
    await new Promise<void>((resolve, reject) => {
      // fetch() will not send a Host of our choosing; node:http will.
      const req = request(
        { host: '127.0.0.1', port, path: '/v1/people/me', headers: { host: `evil.test:${port}` } },
        (res) => res.resume().on('end', resolve),
      );
      req.on('error', reject).end();
    });
    const stats = await h.control('GET', '/_emu/stats');
    expect(stats.body.hosts).toEqual({
      [new URL(h.base).host]: 1,
      [`evil.test:${port}`]: 1,
    });
  });
});
