import { describe, expect, it } from 'vitest';
import { isAvatarUrl, parseWatchedContact } from '../../../src/shared/contact';

const contact = { contactId: 'id-1', displayName: 'Ada Lovelace', emails: [], addedAt: 1 };

describe('isAvatarUrl', () => {
  it.each([
    'https://avatar-prod-us-east-2.webexcontent.com/Avtr~V1~org/V1~hash~1600',
    'http://127.0.0.1:8787/avatars/uuid~1600',
    'http://localhost:8787/avatars/uuid~1600',
  ])('accepts %s', (url) => {
    expect(isAvatarUrl(url)).toBe(true);
  });

  it.each([
    ['plain http to Webex', 'http://avatar.webexcontent.com/a'],
    ['a look-alike host', 'https://webexcontent.com.evil.test/a'],
    ['another site', 'https://tracker.example.com/pixel.gif'],
    ['a script URL', 'javascript:alert(1)'],
    ['a data URL', 'data:image/svg+xml,<svg onload=alert(1)>'],
    ['credentials in the URL', 'https://user:pw@a.webexcontent.com/a'],
    ['not a URL', 'avatar.png'],
    ['too long', `https://a.webexcontent.com/${'x'.repeat(3000)}`],
    ['not text', 42],
  ])('refuses %s', (_why, url) => {
    expect(isAvatarUrl(url)).toBe(false);
  });
});

describe('a stored contact with a picture', () => {
  it('keeps a Webex picture and refuses one from elsewhere', () => {
    const avatar = 'https://a.webexcontent.com/x~1600';
    expect(parseWatchedContact({ ...contact, avatar })).toEqual({
      ok: true,
      value: { ...contact, avatar },
    });
    expect(parseWatchedContact({ ...contact, avatar: 'https://evil.test/x.png' })).toEqual({
      ok: false,
      error: 'contact id-1 has a picture URL that is not from Webex',
    });
  });
});
