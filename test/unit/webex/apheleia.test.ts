import { describe, expect, it } from 'vitest';
import { readCompositions, subscribe, unsubscribe } from '../../../src/webex/apheleia';
import { createHttpClient } from '../../../src/webex/http';
import type { RecordedRequest } from './fakes';
import { DEV_AUDIENCE, FakeFetch } from './fakes';

const BASE = 'https://apheleia.wbx2.com/apheleia/api/v1';
const uuids = (n: number) =>
  Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
const subjectsOf = (r: RecordedRequest) => (r.body as { subjects: string[] }).subjects;

function subscriptions(request: RecordedRequest) {
  const body = request.body as { subjects: string[]; subscriptionTtl: number };
  if (body.subjects.length > 50) return { status: 400, body: { message: 'too many' } };
  return {
    body: {
      responses: body.subjects.map((subject) => ({
        subject,
        responseCode: 200,
        subscriptionTtl: body.subscriptionTtl === 0 ? 0 : 480,
        status: { subject, status: 'active', expiresTTL: -1 },
      })),
    },
  };
}

function setup(fake: FakeFetch) {
  return createHttpClient({
    fetch: fake.fetch,
    getToken: () => 't',
    audience: DEV_AUDIENCE,
    deviceUrl: () => 'https://wdm.wbx2.com/devices/d1',
  });
}

describe('subscribe', () => {
  it('splits 120 subjects into 3 parallel calls of at most 50', async () => {
    const fake = new FakeFetch().on('POST', /\/subscriptions$/, subscriptions);
    const results = await subscribe(setup(fake), BASE, uuids(120));
    const calls = fake.to('POST', /\/subscriptions$/);
    expect(calls.map((c) => subjectsOf(c).length)).toEqual([50, 50, 20]);
    expect(calls[0]?.body).toMatchObject({ subscriptionTtl: 600, includeStatus: true });
    expect(calls[0]?.headers['cisco-device-url']).toBe('https://wdm.wbx2.com/devices/d1');
    expect(results).toHaveLength(120);
    expect(results[0]).toEqual({
      subject: uuids(1)[0],
      responseCode: 200,
      subscriptionTtl: 480,
      status: { subject: uuids(1)[0], status: 'active', expiresTTL: -1 },
    });
  });

  it('keeps per-subject codes, drops compositions without a subject, and reports failed calls per subject', async () => {
    const [a, b, c] = uuids(3);
    const fake = new FakeFetch().on('POST', /\/subscriptions$/, {
      body: {
        responses: [
          { subject: a, responseCode: 409, retry: 30, message: 'full' },
          {
            subject: b,
            responseCode: 200,
            subscriptionTtl: 600,
            status: { status: 'active' },
          },
          {
            subject: c,
            responseCode: 200,
            subscriptionTtl: 600,
            status: { subject: c, lastActive: 'x' },
          },
          { nonsense: true },
        ],
      },
    });
    const [, , , d] = uuids(4);
    const results = await subscribe(setup(fake), BASE, [a!, b!, c!, d!]);
    expect(results).toEqual([
      { subject: a, responseCode: 409, subscriptionTtl: 0, retry: 30 },
      // No subject: not a composition at all, so it is dropped.
      { subject: b, responseCode: 200, subscriptionTtl: 600 },
      // Only an optional field is malformed: the person is still shown, without it.
      { subject: c, responseCode: 200, subscriptionTtl: 600, status: { subject: c } },
      { subject: d, responseCode: 0, subscriptionTtl: 0 },
    ]);
    const limited = new FakeFetch().on('POST', /\/subscriptions$/, {
      status: 429,
      headers: { 'retry-after': '12' },
    });
    const failed = await subscribe(setup(limited), BASE, [a!]);
    expect(failed[0]).toMatchObject({ subject: a, responseCode: 429, retry: 12 });
    expect(failed[0]?.error?.kind).toBe('rate-limited');
  });
});

describe('subscribe: base URLs and subjects', () => {
  it('takes a base URL ending in a slash, and matches reply subjects case-insensitively', async () => {
    const fake = new FakeFetch().on('POST', /\/subscriptions$/, subscriptions);
    const lower = 'abcdef00-0000-4000-8000-00000000000a';
    const upper = lower.toUpperCase();
    const results = await subscribe(setup(fake), `${BASE}/`, [upper]);
    expect(fake.to('POST', /\/subscriptions$/)[0]?.url.toString()).toBe(`${BASE}/subscriptions`);
    // One answer, not the answer plus a made-up "left out" entry for the upper-case spelling.
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ subject: lower, responseCode: 200 });
  });
});

describe('unsubscribe', () => {
  it('sends TTL 0 in batches of at most 50, and reports a failed batch', async () => {
    const fake = new FakeFetch().on('POST', /\/subscriptions$/, subscriptions);
    await unsubscribe(setup(fake), BASE, uuids(51));
    const calls = fake.to('POST', /\/subscriptions$/);
    expect(calls.map((c) => subjectsOf(c).length)).toEqual([50, 1]);
    expect(calls.every((c) => (c.body as { subscriptionTtl: number }).subscriptionTtl === 0)).toBe(
      true,
    );
    const down = new FakeFetch().on('POST', /\/subscriptions$/, { status: 503 });
    await expect(unsubscribe(setup(down), BASE, uuids(2))).rejects.toMatchObject({
      kind: 'server',
    });
  });
});

describe('readCompositions', () => {
  it('reads in batches of 50 and collects failures by batch', async () => {
    let call = 0;
    const fake = new FakeFetch().on('POST', /\/compositions$/, (request) => {
      call++;
      if (call === 2) return { status: 500 };
      return {
        body: { statusList: subjectsOf(request).map((subject) => ({ subject, status: 'dnd' })) },
      };
    });
    const read = await readCompositions(setup(fake), BASE, uuids(70));
    expect(fake.to('POST', /\/compositions$/).map((c) => subjectsOf(c).length)).toEqual([50, 20]);
    expect(read.compositions).toHaveLength(50);
    expect(read.failures).toHaveLength(1);
    expect(read.failures[0]?.subjects).toHaveLength(20);
    expect(read.failures[0]?.error.kind).toBe('server');
  });

  it('reads a person whose composition has a malformed optional field', async () => {
    const [a] = uuids(1);
    const fake = new FakeFetch().on('POST', /\/compositions$/, {
      body: { statusList: [{ subject: a, status: 'dnd', lastActive: 'x', customStatus: 7 }] },
    });
    const read = await readCompositions(setup(fake), BASE, [a!]);
    expect(read.compositions).toEqual([{ subject: a, status: 'dnd' }]);
    expect(read.failures).toEqual([]);
  });

  it('counts the people a reply left out as not read', async () => {
    const fake = new FakeFetch().on('POST', /\/compositions$/, (request) => ({
      body: {
        statusList: subjectsOf(request)
          .filter((_, i) => i % 2 === 0)
          .map((subject) => ({ subject: subject.toUpperCase(), status: 'dnd' })),
      },
    }));
    const asked = uuids(4);
    const read = await readCompositions(setup(fake), BASE, asked);
    expect(read.compositions.map((c) => c.subject)).toEqual([asked[0], asked[2]]);
    expect(read.failures).toHaveLength(1);
    expect(read.failures[0]?.subjects).toEqual([asked[1], asked[3]]);
    expect(read.failures[0]?.error.kind).toBe('bad-payload');
  });
});
