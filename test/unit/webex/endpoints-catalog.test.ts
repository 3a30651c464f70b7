import { describe, expect, it } from 'vitest';
import { fetchCatalog, parseCatalog } from '../../../src/webex/catalog';
import { DEFAULT_SERVER_URL, resolveEndpoints } from '../../../src/webex/endpoints';
import { createHttpClient } from '../../../src/webex/http';
import { DEV_AUDIENCE, FakeFetch } from './fakes';

describe('resolveEndpoints', () => {
  it('maps the default server to the real Webex hosts', () => {
    expect(resolveEndpoints(DEFAULT_SERVER_URL, DEV_AUDIENCE)).toEqual({
      ok: true,
      value: {
        u2cBaseUrl: 'https://u2c.wbx2.com/u2c/api/v1',
        hydraBaseUrl: 'https://webexapis.com/v1',
        revokeUrl: 'https://idbroker.webex.com/idb/oauth2/v1/revoke',
      },
    });
    expect(resolveEndpoints('https://webexapis.com/v1/', DEV_AUDIENCE)).toEqual(
      resolveEndpoints(DEFAULT_SERVER_URL, DEV_AUDIENCE),
    );
  });

  it('serves everything from one origin for other servers, tolerating paths and slashes', () => {
    const expected = {
      ok: true,
      value: {
        u2cBaseUrl: 'http://127.0.0.1:8787/u2c/api/v1',
        hydraBaseUrl: 'http://127.0.0.1:8787/v1',
        revokeUrl: 'http://127.0.0.1:8787/idb/oauth2/v1/revoke',
      },
    };
    expect(resolveEndpoints('http://127.0.0.1:8787', DEV_AUDIENCE)).toEqual(expected);
    expect(resolveEndpoints(' http://127.0.0.1:8787/some/path/ ', DEV_AUDIENCE)).toEqual(expected);
  });

  it.each(['ftp://example.com', 'not a url', 'wss://example.com', 'https://example.com'])(
    'rejects %j',
    (url) => {
      const result = resolveEndpoints(url, DEV_AUDIENCE);
      expect(result.ok).toBe(false);
    },
  );

  it('refuses loopback in a build that does not grant it, and says where the token may go', () => {
    const result = resolveEndpoints('http://127.0.0.1:8787', { allowLoopback: false });
    expect(result).toEqual({
      ok: false,
      error: expect.stringContaining('*.wbx2.com') as unknown,
    });
  });
});

describe('catalog', () => {
  const links = {
    wdm: 'https://wdm-a.wbx2.com/wdm/api/v1',
    apheleia: 'https://apheleia-a.wbx2.com/apheleia/api/v1/',
    hydra: 'https://webexapis.com/v1',
  };

  it('fetches the hostmap and validates the three services', async () => {
    const fake = new FakeFetch().on('GET', /\/catalog$/, {
      body: { serviceLinks: links, hostCatalog: {} },
    });
    const http = createHttpClient({
      fetch: fake.fetch,
      getToken: () => 't',
      audience: DEV_AUDIENCE,
    });
    const catalog = await fetchCatalog(http, 'https://u2c.wbx2.com/u2c/api/v1/', DEV_AUDIENCE);
    expect(catalog).toEqual({ ...links, apheleia: 'https://apheleia-a.wbx2.com/apheleia/api/v1' });
    expect(fake.requests[0]?.url.toString()).toBe(
      'https://u2c.wbx2.com/u2c/api/v1/catalog?format=hostmap',
    );
  });

  it.each([
    [{}, 'serviceLinks'],
    [{ serviceLinks: { apheleia: links.apheleia } }, 'wdm'],
    [{ serviceLinks: { wdm: links.wdm } }, 'apheleia'],
    [{ serviceLinks: { ...links, wdm: 'javascript:alert(1)' } }, 'not an http(s) URL'],
    [{ serviceLinks: { ...links, hydra: 5 } }, 'not a string'],
  ])('rejects %j', (json, reason) => {
    const result = parseCatalog(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });
});
