import { describe, expect, it } from 'vitest';
import { checkTokenUrl } from '../../../src/webex/token-audience';
import { tokenAudienceOf } from '../../../src/background/token-audience';

const dev = { allowLoopback: true };
const store = { allowLoopback: false };

describe('checkTokenUrl', () => {
  it.each([
    'https://webexapis.com/v1/people/me',
    'https://u2c.wbx2.com/u2c/api/v1/catalog',
    'wss://mercury-connection-a.wbx2.com/v1/apps/wx2/registrations/x/messages',
    'https://wdm-a.wbx2.com/wdm/api/v1/devices',
    'https://apheleia-a.webex.com/apheleia/api/v1',
    'https://api.ciscospark.com/v1',
    'https://WEBEXAPIS.COM/v1',
  ])('lets the token go to %s in every build', (url) => {
    expect(checkTokenUrl(url, store).ok).toBe(true);
  });

  it.each([
    'https://evil.test/',
    'https://webexapis.com.evil.test/',
    'https://xwebexapis.com/',
    'https://notwbx2.com/',
    'https://sub.webexapis.com/',
    'http://webexapis.com/',
    'ws://mercury.wbx2.com/',
    'https://user@webexapis.com/',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s, saying why and where the token may go', (url) => {
    const result = checkTokenUrl(url, dev);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeGreaterThan(20);
  });

  it('admits loopback only in a build that grants it', () => {
    for (const url of ['http://127.0.0.1:8787/x', 'ws://localhost:1/x', 'http://[::1]:9/x']) {
      expect(checkTokenUrl(url, dev).ok).toBe(true);
      expect(checkTokenUrl(url, store).ok).toBe(false);
    }
    expect(checkTokenUrl('http://127.0.0.2:8787/x', dev).ok).toBe(false);
  });
});

describe('tokenAudienceOf', () => {
  it('reads loopback from the manifest host permissions', () => {
    expect(tokenAudienceOf({ host_permissions: ['https://webexapis.com/*'] })).toEqual(store);
    expect(tokenAudienceOf({ host_permissions: ['http://127.0.0.1/*'] })).toEqual(dev);
    expect(tokenAudienceOf({})).toEqual(store);
  });
});
