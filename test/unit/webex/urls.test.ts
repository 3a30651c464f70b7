import { describe, expect, it } from 'vitest';
import { hasScheme, isHttpUrl } from '../../../src/core/url-scheme';
import { joinUrl, withoutTrailingSlash } from '../../../src/webex/urls';

describe('joinUrl', () => {
  it('puts exactly one slash between a base and a path', () => {
    expect(joinUrl('https://a.wbx2.com/v1', 'people')).toBe('https://a.wbx2.com/v1/people');
    expect(joinUrl('https://a.wbx2.com/v1//', '/people')).toBe('https://a.wbx2.com/v1/people');
    expect(joinUrl('https://a.wbx2.com/v1/', 'people/me')).toBe('https://a.wbx2.com/v1/people/me');
  });
});

describe('withoutTrailingSlash', () => {
  it('drops every trailing slash and nothing else', () => {
    expect(withoutTrailingSlash('https://a.wbx2.com/v1//')).toBe('https://a.wbx2.com/v1');
    expect(withoutTrailingSlash('https://a.wbx2.com/v1')).toBe('https://a.wbx2.com/v1');
  });
});

describe('isHttpUrl / hasScheme', () => {
  it.each([
    ['https://a.wbx2.com/x', true],
    ['http://127.0.0.1:8080', true],
    ['wss://a.wbx2.com/x', false],
    ['ftp://a.wbx2.com', false],
    ['not a url', false],
    ['', false],
    [42, false],
    [undefined, false],
  ])('isHttpUrl(%j) is %s', (value, expected) => {
    expect(isHttpUrl(value)).toBe(expected);
  });

  it('checks any list of schemes', () => {
    expect(hasScheme('wss://a.wbx2.com/x', ['wss:', 'ws:'])).toBe(true);
    expect(hasScheme('https://a.wbx2.com/x', ['wss:', 'ws:'])).toBe(false);
    expect(hasScheme(null, ['wss:'])).toBe(false);
  });
});
