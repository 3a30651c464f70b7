import { describe, expect, it } from 'vitest';
import { parseSubscriptionReply } from '../../../src/webex/apheleia';
import { parseCatalog } from '../../../src/webex/catalog';
import { parseRetryAfter } from '../../../src/webex/http';
import { joinUrl, withoutTrailingSlash } from '../../../src/webex/urls';

/** What `parseSubscriptionReply` makes of one subject's `subscriptionTtl` and `retry`. */
function granted(fields: Record<string, unknown>): { subscriptionTtl?: number; retry?: number } {
  const reply = parseSubscriptionReply({
    responses: [{ subject: 'a', responseCode: 200, ...fields }],
  });
  if (!reply.ok) throw new Error(reply.error);
  const { subscriptionTtl, retry } = reply.value[0]!;
  return retry === undefined ? { subscriptionTtl } : { subscriptionTtl, retry };
}

describe('a granted subscriptionTtl', () => {
  it('is kept between a minute and a day', () => {
    expect(granted({ subscriptionTtl: 600 }).subscriptionTtl).toBe(600);
    expect(granted({ subscriptionTtl: 1 }).subscriptionTtl).toBe(60);
    expect(granted({ subscriptionTtl: 59.5 }).subscriptionTtl).toBe(60);
    expect(granted({ subscriptionTtl: 86_401 }).subscriptionTtl).toBe(86_400);
    expect(granted({ subscriptionTtl: 1e308 }).subscriptionTtl).toBe(86_400);
  });

  it('reads nonsense as none granted (0), so the caller keeps the TTL it asked for', () => {
    for (const nonsense of [0, -0, -5, Number.NaN, Infinity, -Infinity, '600', null, undefined]) {
      expect(granted({ subscriptionTtl: nonsense }).subscriptionTtl).toBe(0);
    }
  });
});

describe('a retry', () => {
  it('waits at least 5 s and at most a day', () => {
    expect(granted({ retry: 30 }).retry).toBe(30);
    expect(granted({ retry: 0 }).retry).toBe(5);
    expect(granted({ retry: 0.001 }).retry).toBe(5);
    expect(granted({ retry: 1e9 }).retry).toBe(86_400);
  });

  it('drops nonsense, so the caller uses its default', () => {
    for (const nonsense of [-1, Number.NaN, Infinity, '30', null]) {
      expect(granted({ retry: nonsense })).not.toHaveProperty('retry');
    }
  });
});

describe('parseSubscriptionReply clamps what the server grants', () => {
  it('clamps subscriptionTtl and retry per subject', () => {
    const reply = parseSubscriptionReply({
      responses: [
        { subject: 'A', responseCode: 200, subscriptionTtl: 1e12 },
        { subject: 'b', responseCode: 200, subscriptionTtl: 1 },
        { subject: 'c', responseCode: 409, subscriptionTtl: 0, retry: 0 },
        { subject: 'd', responseCode: 409, retry: 1e308 },
      ],
    });
    expect(reply).toEqual({
      ok: true,
      value: [
        { subject: 'a', responseCode: 200, subscriptionTtl: 86_400 },
        { subject: 'b', responseCode: 200, subscriptionTtl: 60 },
        { subject: 'c', responseCode: 409, subscriptionTtl: 0, retry: 5 },
        { subject: 'd', responseCode: 409, subscriptionTtl: 0, retry: 86_400 },
      ],
    });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');

  it('waits at least 5 s, whatever the header asks', () => {
    expect(parseRetryAfter('1', now)).toBe(5_000);
    expect(parseRetryAfter('0.001', now)).toBe(5_000);
    expect(parseRetryAfter('Wed, 01 May 2024 12:00:01 GMT', now)).toBe(5_000);
    expect(parseRetryAfter('5', now)).toBe(5_000);
    expect(parseRetryAfter('6', now)).toBe(6_000);
  });

  it('reads nonsense as 60 s and caps at an hour', () => {
    for (const nonsense of ['-3', 'NaN', 'Infinity', '1e400', 'soon', '0x']) {
      expect(parseRetryAfter(nonsense, now)).toBe(60_000);
    }
    expect(parseRetryAfter('1e300', now)).toBe(3_600_000);
  });
});

describe('trailing slashes on 100,000-character adversarial input', () => {
  // `/\/+$/` retries from every slash of a run not at the end: seconds at this size.
  const run = '/'.repeat(100_000);

  it('withoutTrailingSlash keeps a run of slashes that is not at the end', () => {
    expect(withoutTrailingSlash(`${run}x`)).toBe(`${run}x`);
    expect(withoutTrailingSlash(`https://a.example${run}x${run}`)).toBe(`https://a.example${run}x`);
    expect(withoutTrailingSlash(run)).toBe('');
  });

  it('joinUrl strips only the slashes at the seam', () => {
    expect(joinUrl(`https://a.example/v1${run}`, `${run}people`)).toBe(
      'https://a.example/v1/people',
    );
  });

  it('parseCatalog reads a link with a long run of slashes', () => {
    const wdm = `https://wdm.example/x${run}y`;
    const parsed = parseCatalog({
      serviceLinks: { wdm: `${wdm}${run}`, apheleia: 'https://a.example/' },
    });
    expect(parsed).toEqual({ ok: true, value: { wdm, apheleia: 'https://a.example' } });
  });
});
