/**
 * The HTTP client over real sockets: where the token may go, redirects, timeouts and the run's
 * abort signal (docs/protocol.md §2, §7).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../src/core/result';
import { createHttpClient } from '../../../src/webex/http';
import { DEV_AUDIENCE, failure } from './fakes';

let server: Server;
let origin: string;
let seen: IncomingMessage[];

beforeEach(async () => {
  seen = [];
  server = createServer((req, res) => {
    seen.push(req);
    if (req.url === '/hang') return; // never answers
    if (req.url === '/redirect') {
      res.writeHead(302, { location: `${origin}/landed` }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"fine":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const anything = (json: unknown) => ok(json);

function client(options: { allowLoopback?: boolean; signal?: AbortSignal } = {}) {
  return createHttpClient({
    fetch: (url, init) => fetch(url, init),
    getToken: () => 'secret-token',
    audience: { allowLoopback: options.allowLoopback ?? true },
    signal: () => options.signal,
  });
}

describe('the HTTP client and the token', () => {
  it('sends the token to loopback only when the build allows it', async () => {
    expect(await client().request('GET', `${origin}/x`, { parse: anything })).toEqual({
      fine: true,
    });
    const refused = await failure(
      client({ allowLoopback: false }).request('GET', `${origin}/x`, { parse: anything }),
    );
    expect(refused.kind).toBe('refused-url');
    expect(refused.message).toContain(origin);
    expect(seen).toHaveLength(1);
  });

  it.each([
    'https://webexapis.com.evil.test/v1/people/me',
    'https://evilwbx2.com/x',
    'http://u2c.wbx2.com/x',
    'https://user:pass@u2c.wbx2.com/x',
    'https://127.0.0.2/x',
  ])('refuses %s before sending anything', async (url) => {
    let called = false;
    const http = createHttpClient({
      fetch: () => {
        called = true;
        return Promise.reject(new Error('must not be called'));
      },
      getToken: () => 'secret-token',
      audience: DEV_AUDIENCE,
    });
    const error = await failure(http.request('GET', url, { parse: anything }));
    expect(error.kind).toBe('refused-url');
    expect(called).toBe(false);
  });

  it('does not follow a redirect with the token', async () => {
    const error = await failure(client().request('GET', `${origin}/redirect`, { parse: anything }));
    expect(error.kind).toBe('network');
    expect(seen.map((r) => r.url)).toEqual(['/redirect']);
  });

  it('gives up a request that hangs, naming it', async () => {
    const error = await failure(
      client().request('GET', `${origin}/hang`, { parse: anything, timeoutMs: 200 }),
    );
    expect(error.kind).toBe('network');
    expect(error.message).toBe('Webex did not answer within 0.2 s (GET /hang).');
  });

  it('cancels what is in flight when the run is aborted', async () => {
    const run = new AbortController();
    const pending = failure(
      client({ signal: run.signal }).request('GET', `${origin}/hang`, {
        parse: anything,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    run.abort();
    expect((await pending).kind).toBe('cancelled');
  });
});
