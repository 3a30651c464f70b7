import { describe, expect, test } from 'vitest';
import {
  coveringSite,
  parseSite,
  siteMatchesUrl,
  type SitePattern,
} from '../../../src/core/site-pattern';

function site(input: string): SitePattern {
  const parsed = parseSite(input);
  if (!parsed.ok) throw new Error(`${input}: ${parsed.error}`);
  return parsed.value;
}

describe('parseSite', () => {
  test.each([
    ['https://jira.example.com', 'https://jira.example.com', 'https://jira.example.com/*'],
    ['https://jira.example.com/', 'https://jira.example.com', 'https://jira.example.com/*'],
    [
      '  HTTPS://Jira.Example.COM/browse/X-1?q=1#top ',
      'https://jira.example.com',
      'https://jira.example.com/*',
    ],
    ['https://jira.example.com:443', 'https://jira.example.com', 'https://jira.example.com/*'],
    ['jira.example.com', 'https://jira.example.com', 'https://jira.example.com/*'],
    ['jira.example.com:8443/wiki', 'https://jira.example.com:8443', 'https://jira.example.com/*'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787', 'http://127.0.0.1/*'],
    ['http://localhost', 'http://localhost', 'http://localhost/*'],
    ['https://bücher.example', 'https://xn--bcher-kva.example', 'https://xn--bcher-kva.example/*'],
    ['*.example.com', '*.example.com', '*://*.example.com/*'],
    ['*.Example.com/', '*.example.com', '*://*.example.com/*'],
    ['*.corp.example.co.uk', '*.corp.example.co.uk', '*://*.corp.example.co.uk/*'],
    ['*.example.co.uk', '*.example.co.uk', '*://*.example.co.uk/*'],
    ['*.co.example', '*.co.example', '*://*.co.example/*'],
  ])('accepts %j as %s', (input, label, pattern) => {
    expect(parseSite(input)).toEqual({
      ok: true,
      value: { site: label, matchPatterns: [pattern] },
    });
  });

  test.each([
    ['', /Enter a site/],
    ['   ', /Enter a site/],
    ['*', /every site/],
    ['<all_urls>', /every site/],
    ['*://*/*', /every site/],
    ['*.com', /top-level domain/],
    ['*.co.uk', /every site registered under it/],
    ['*.com.au', /every site registered under it/],
    ['*.ac.jp', /every site registered under it/],
    ['*.', /not a valid host/],
    ['*.*.example.com', /wildcard goes at the start/],
    ['https://*.example.com', /wildcard goes at the start/],
    ['*://*.example.com/*', /wildcard goes at the start/],
    ['jira.*.example.com', /wildcard goes at the start/],
    ['*.10.0.0', /IP address/],
    ['file:///etc/passwd', /Only http and https.*file:/],
    ['chrome://extensions', /Only http and https.*chrome:/],
    ['ftp://files.example.com', /Only http and https.*ftp:/],
    ['javascript:alert(1)', /Only http and https.*javascript:/],
    ['mailto:ada@example.com', /Only http and https/],
    ['https://user:pw@jira.example.com', /user name or password/],
    ['https://ada@jira.example.com', /user name or password/],
    ['https://exa_mple.com', /not a valid host name/],
    ['https://ex!ample.com', /not a valid host name/],
    ['https://example.com.', /not a valid host name/],
    ['https://exa mple.com', /not a site address/],
    ['https://', /not a site address/],
    ['http://[::1]:8080', /IPv6/],
  ])('rejects %j', (input, message) => {
    const parsed = parseSite(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});

describe('siteMatchesUrl', () => {
  test('an origin matches its own scheme, host and port only', () => {
    const jira = site('https://jira.example.com');
    expect(siteMatchesUrl(jira, 'https://jira.example.com/browse/X-1')).toBe(true);
    expect(siteMatchesUrl(jira, 'https://jira.example.com:443/')).toBe(true);
    expect(siteMatchesUrl(jira, 'http://jira.example.com/')).toBe(false);
    expect(siteMatchesUrl(jira, 'https://jira.example.com:8443/')).toBe(false);
    expect(siteMatchesUrl(jira, 'https://wiki.jira.example.com/')).toBe(false);
    expect(siteMatchesUrl(jira, 'https://jira.example.com.evil.test/')).toBe(false);
  });

  test('a port is exact even though the match pattern is not', () => {
    const demo = site('http://127.0.0.1:8787');
    expect(demo.matchPatterns).toEqual(['http://127.0.0.1/*']);
    expect(siteMatchesUrl(demo, 'http://127.0.0.1:8787/demo')).toBe(true);
    expect(siteMatchesUrl(demo, 'http://127.0.0.1:8788/demo')).toBe(false);
    expect(siteMatchesUrl(demo, 'http://127.0.0.1/demo')).toBe(false);
    expect(siteMatchesUrl(demo, 'https://127.0.0.1:8787/demo')).toBe(false);
  });

  test('a wildcard covers the domain and its subdomains, over http and https', () => {
    const corp = site('*.example.com');
    expect(siteMatchesUrl(corp, 'https://example.com/')).toBe(true);
    expect(siteMatchesUrl(corp, 'http://a.b.example.com:8080/x')).toBe(true);
    expect(siteMatchesUrl(corp, 'https://notexample.com/')).toBe(false);
    expect(siteMatchesUrl(corp, 'https://example.com.evil.test/')).toBe(false);
    expect(siteMatchesUrl(corp, 'ftp://example.com/')).toBe(false);
  });

  test('what is not a web URL matches nothing', () => {
    expect(siteMatchesUrl(site('*.example.com'), 'not a url')).toBe(false);
    expect(siteMatchesUrl(site('*.example.com'), 'file:///example.com')).toBe(false);
  });
});

describe('coveringSite', () => {
  const jira = { site: 'https://jira.example.com', matchPatterns: ['https://jira.example.com/*'] };
  const corp = { site: '*.example.com', matchPatterns: ['*://*.example.com/*'] };
  const wiki = { site: 'https://wiki.example.org', matchPatterns: ['https://wiki.example.org/*'] };

  test('gives the first covering site whose permission is held, asking only covering ones', async () => {
    const asked: string[] = [];
    const isHeld = async (site: { site: string }) => (asked.push(site.site), site !== jira);
    const url = 'https://jira.example.com/browse/X-1';
    expect(await coveringSite([wiki, jira, corp], url, isHeld)).toEqual({
      held: corp,
      revoked: null,
    });
    expect(asked).toEqual(['https://jira.example.com', '*.example.com']);
  });

  test('names a covering site whose permission is not held, when none is', async () => {
    const none = async () => false;
    expect(await coveringSite([jira, corp], 'https://jira.example.com/', none)).toEqual({
      held: null,
      revoked: jira,
    });
    expect(await coveringSite([jira], 'https://elsewhere.example/', none)).toEqual({
      held: null,
      revoked: null,
    });
  });
});
