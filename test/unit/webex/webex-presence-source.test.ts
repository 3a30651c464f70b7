import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PresenceStatus } from '../../../src/core/presence';
import type { SourcePresence } from '../../../src/core/presence-source';
import type { StoredDevice } from '../../../src/webex/device';
import type { FeedState } from '../../../src/webex/webex-presence-source';
import { WebexPresenceSource } from '../../../src/webex/webex-presence-source';
import type { FakeReply, RecordedRequest } from './fakes';
import { FakeFetch, FakeWebSocket, ManualClock, settle } from './fakes';

const ORIGIN = 'http://127.0.0.1:8787';
const APHELEIA = `${ORIGIN}/apheleia/api/v1`;
const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const C = 'cccccccc-0000-4000-8000-000000000003';

interface Server {
  fake: FakeFetch;
  /** Per-subject reply for subscribe calls; default 200 with TTL 600 and an active status. */
  subscribeReply: (subject: string, ttl: number) => Record<string, unknown>;
  status: Map<string, Record<string, unknown>>;
}

function fakeServer(): Server {
  let devices = 0;
  const server: Server = {
    fake: new FakeFetch(),
    status: new Map(),
    subscribeReply: (subject, ttl) => ({
      subject,
      responseCode: 200,
      subscriptionTtl: ttl,
      ...(ttl > 0 ? { status: server.status.get(subject) ?? { subject, status: 'active' } } : {}),
    }),
  };
  server.fake
    .on('GET', /\/u2c\/api\/v1\/catalog$/, {
      body: {
        serviceLinks: { wdm: `${ORIGIN}/wdm/api/v1`, apheleia: APHELEIA, hydra: `${ORIGIN}/v1` },
      },
    })
    .on('POST', /\/wdm\/api\/v1\/devices$/, () => {
      devices++;
      return {
        body: {
          url: `${ORIGIN}/wdm/api/v1/devices/d${devices}`,
          webSocketUrl: `ws://127.0.0.1:8787/v1/apps/wx2/registrations/r${devices}/messages`,
          userId: 'me',
        },
        headers: { etag: `E${devices}` },
      };
    })
    .on('PUT', /\/devices\/d\d+$/, (r) => ({
      body: {
        url: r.url.origin + r.url.pathname,
        webSocketUrl: `ws://127.0.0.1:8787/v1/apps/wx2/registrations/r1/messages`,
        userId: 'me',
      },
    }))
    .on('POST', /\/subscriptions$/, (r) => {
      const body = r.body as { subjects: string[]; subscriptionTtl: number };
      return {
        body: {
          responses: body.subjects.map((s) => server.subscribeReply(s, body.subscriptionTtl)),
        },
      };
    })
    .on('POST', /\/compositions$/, (r) => ({
      body: {
        statusList: (r.body as { subjects: string[] }).subjects.map(
          (s) => server.status.get(s) ?? { subject: s, status: 'active' },
        ),
      },
    }));
  return server;
}

function setup(options: { stored?: StoredDevice | null; server?: Server } = {}) {
  const server = options.server ?? fakeServer();
  const clock = new ManualClock();
  const states: FeedState[] = [];
  const presences: Array<[string, SourcePresence]> = [];
  const saved: Array<StoredDevice | null> = [];
  let stored = options.stored ?? null;
  const source = new WebexPresenceSource({
    fetch: server.fake.fetch,
    WebSocket: FakeWebSocket,
    endpoints: { u2cBaseUrl: `${ORIGIN}/u2c/api/v1`, hydraBaseUrl: `${ORIGIN}/v1` },
    getToken: async () => 't1',
    deviceStore: {
      load: async () => stored,
      save: async (d) => {
        saved.push(d);
        stored = d;
      },
    },
    onState: (s) => states.push(s),
    now: clock.now,
    timers: clock,
  });
  source.onPresence((uuid, p) => presences.push([uuid, p]));
  const subscribeCalls = () =>
    server.fake
      .to('POST', /\/subscriptions$/)
      .map((r: RecordedRequest) => r.body as { subjects: string[]; subscriptionTtl: number });
  return { server, clock, source, states, presences, saved, subscribeCalls };
}

beforeEach(() => {
  FakeWebSocket.reset();
  FakeWebSocket.autoServer = true;
});
afterEach(() => FakeWebSocket.reset());

describe('WebexPresenceSource: connecting', () => {
  it('goes catalog -> device -> Mercury -> subscriptions, and emits the initial presence', async () => {
    const t = setup();
    t.server.status.set(A, { subject: A, status: 'dnd', customStatus: 'Focus', expiresTTL: -1 });
    t.source.watch([A.toUpperCase(), B]);
    await t.source.start();
    expect(t.states.map((s) => s.phase)).toEqual(['connecting', 'live']);
    expect(t.saved).toHaveLength(1);
    expect(t.saved[0]?.url).toBe(`${ORIGIN}/wdm/api/v1/devices/d1`);
    expect(t.subscribeCalls()).toEqual([
      { subjects: [A, B], subscriptionTtl: 600, includeStatus: true },
    ]);
    const sub = t.server.fake.to('POST', /\/subscriptions$/)[0];
    expect(sub?.headers['cisco-device-url']).toBe(`${ORIGIN}/wdm/api/v1/devices/d1`);
    expect(t.presences).toEqual([
      [A, { status: PresenceStatus.Dnd, customStatus: 'Focus', lastActiveTime: 0, expiresTime: 0 }],
      [B, { status: PresenceStatus.Active, customStatus: '', lastActiveTime: 0, expiresTime: 0 }],
    ]);
    expect(FakeWebSocket.last.ofType('authorization')).toHaveLength(1);
  });

  it('reuses a stored device and registers again when WDM forgot it', async () => {
    const stored: StoredDevice = {
      url: `${ORIGIN}/wdm/api/v1/devices/gone`,
      webSocketUrl: 'ws://127.0.0.1:8787/v1/apps/wx2/registrations/old/messages',
      userId: 'me',
      registeredAt: 1,
    };
    const t = setup({ stored });
    await t.source.start();
    expect(t.server.fake.to('PUT', /gone$/)).toHaveLength(1);
    expect(t.server.fake.to('POST', /devices$/)).toHaveLength(1);
    expect(t.saved[0]?.url).toBe(`${ORIGIN}/wdm/api/v1/devices/d1`);
  });

  it('subscribes people watched after start in one batched call', async () => {
    const t = setup();
    await t.source.start();
    t.source.watch([A]);
    t.source.watch([B, C]);
    await settle();
    expect(t.subscribeCalls()).toEqual([
      { subjects: [A, B, C], subscriptionTtl: 600, includeStatus: true },
    ]);
  });

  it('falls back to reading compositions when a subscription has no status', async () => {
    const t = setup();
    t.server.subscribeReply = (subject, ttl) => ({
      subject,
      responseCode: 200,
      subscriptionTtl: ttl,
    });
    t.server.status.set(A, { subject: A, status: 'meeting' });
    t.source.watch([A]);
    await t.source.start();
    expect(t.server.fake.to('POST', /compositions$/)).toHaveLength(1);
    expect(t.presences[0]?.[1].status).toBe(PresenceStatus.Meeting);
  });

  it('goes signed-out on a rejected token, without a reconnect loop', async () => {
    const server = fakeServer();
    server.fake.on('GET', /catalog$/, { status: 401, body: { message: 'Invalid token' } });
    const t = setup({ server });
    await t.source.start();
    expect(t.states.at(-1)).toMatchObject({ phase: 'signed-out' });
    expect(t.states.at(-1)?.message).toContain('Sign in again');
    await t.clock.advance(120_000);
    expect(server.fake.to('GET', /catalog$/)).toHaveLength(1);
    await t.source.checkHealth();
    expect(server.fake.to('GET', /catalog$/)).toHaveLength(1);
  });

  it('goes signed-out when Mercury closes 4401 during connect', async () => {
    FakeWebSocket.autoServer = false;
    const t = setup();
    const started = t.source.start();
    await settle();
    FakeWebSocket.last.serverClose(4401);
    await started;
    expect(t.states.at(-1)?.phase).toBe('signed-out');
  });

  it('retries with backoff 1, 2, 4 s, and waits Retry-After on 429', async () => {
    const server = fakeServer();
    let failures = 3;
    server.fake.on('GET', /catalog$/, (): FakeReply =>
      failures-- > 0
        ? { status: 503 }
        : { body: { serviceLinks: { wdm: `${ORIGIN}/wdm/api/v1`, apheleia: APHELEIA } } },
    );
    const t = setup({ server });
    const catalogTimes = () => server.fake.to('GET', /catalog$/).length;
    await t.source.start();
    expect(catalogTimes()).toBe(1);
    expect(t.states.at(-1)?.phase).toBe('reconnecting');
    await t.clock.advance(999);
    expect(catalogTimes()).toBe(1);
    await t.clock.advance(1);
    expect(catalogTimes()).toBe(2);
    await t.clock.advance(2_000);
    expect(catalogTimes()).toBe(3);
    await t.clock.advance(4_000);
    expect(catalogTimes()).toBe(4);
    expect(t.states.at(-1)?.phase).toBe('live');

    const limited = fakeServer();
    let limitedOnce = true;
    limited.fake.on('GET', /catalog$/, (): FakeReply => {
      if (!limitedOnce)
        return { body: { serviceLinks: { wdm: `${ORIGIN}/wdm/api/v1`, apheleia: APHELEIA } } };
      limitedOnce = false;
      return { status: 429, headers: { 'retry-after': '20' } };
    });
    const u = setup({ server: limited });
    await u.source.start();
    await u.clock.advance(19_999);
    expect(limited.fake.to('GET', /catalog$/)).toHaveLength(1);
    await u.clock.advance(1);
    expect(limited.fake.to('GET', /catalog$/)).toHaveLength(2);
  });
});

describe('WebexPresenceSource: subscriptions', () => {
  it('renews at expiry - 60 s using the granted TTL, in one batch', async () => {
    const t = setup();
    t.server.subscribeReply = (subject, ttl) => ({
      subject,
      responseCode: 200,
      subscriptionTtl: ttl > 0 ? 300 : 0,
    });
    t.source.watch([A, B]);
    await t.source.start();
    expect(t.subscribeCalls()).toHaveLength(1);
    await t.clock.advance(239_000);
    expect(t.subscribeCalls()).toHaveLength(1);
    await t.clock.advance(1_000);
    expect(t.subscribeCalls()).toHaveLength(2);
    expect(t.subscribeCalls()[1]?.subjects).toEqual([A, B]);
    await t.clock.advance(240_000);
    expect(t.subscribeCalls()).toHaveLength(3);
  });

  it('unwatch sends TTL 0 for those people only', async () => {
    const t = setup();
    t.source.watch([A, B]);
    await t.source.start();
    t.source.unwatch([A]);
    await settle();
    expect(t.subscribeCalls().at(-1)).toEqual({
      subjects: [A],
      subscriptionTtl: 0,
      includeStatus: true,
    });
    FakeWebSocket.last.push({
      eventType: 'apheleia.subscription_update',
      subject: A,
      status: 'dnd',
    });
    await settle();
    expect(t.presences.filter(([u]) => u === A)).toHaveLength(1); // the initial one only
  });

  it('retries a 409 after `retry` s, and reports 401/403 as Unknown then retries in 10 min', async () => {
    const t = setup();
    const codes = new Map([
      [A, 409],
      [B, 403],
    ]);
    t.server.subscribeReply = (subject, ttl) => {
      const code = codes.get(subject) ?? 200;
      codes.delete(subject);
      return code === 200
        ? { subject, responseCode: 200, subscriptionTtl: ttl, status: { subject, status: 'call' } }
        : { subject, responseCode: code, retry: 30 };
    };
    t.source.watch([A, B]);
    await t.source.start();
    expect(t.presences).toEqual([[B, expect.objectContaining({ status: PresenceStatus.Unknown })]]);
    await t.clock.advance(30_000);
    expect(t.subscribeCalls()[1]?.subjects).toEqual([A]);
    await t.clock.advance(570_000);
    // A's renewal (at 30 + 540 s) comes before B's retry at 600 s.
    expect(t.subscribeCalls().map((c) => c.subjects)).toEqual([[A, B], [A], [A], [B]]);
    // The renewal repeats A's status; the watcher above the source drops such repeats.
    expect(t.presences.map(([u, p]) => `${u}:${p.status}`)).toEqual([
      `${B}:Unknown`,
      `${A}:Call`,
      `${A}:Call`,
      `${B}:Call`,
    ]);
  });

  it('maps pushes for watched people and ignores the rest', async () => {
    const t = setup();
    t.source.watch([A]);
    await t.source.start();
    const ws = FakeWebSocket.last;
    ws.push({
      eventType: 'apheleia.subscription_update',
      subject: A,
      status: 'ooo',
      customStatus: 'Back Monday',
      expiresTime: '2024-05-03T08:00:00Z',
    });
    ws.push({ eventType: 'apheleia.subscription_update', subject: C, status: 'dnd' });
    ws.push({ eventType: 'apheleia.subscription_update', subject: A, status: 42 });
    await settle();
    expect(t.presences.slice(1)).toEqual([
      [
        A,
        {
          status: PresenceStatus.OutOfOffice,
          customStatus: 'Back Monday',
          lastActiveTime: 0,
          expiresTime: Date.parse('2024-05-03T08:00:00Z'),
        },
      ],
    ]);
  });

  it('re-reads a presence when its status expires', async () => {
    const t = setup();
    t.source.watch([A]);
    await t.source.start();
    t.server.status.set(A, { subject: A, status: 'dnd', expiresTTL: 60 });
    FakeWebSocket.last.push({
      eventType: 'apheleia.subscription_update',
      subject: A,
      status: 'dnd',
      expiresTTL: 60,
    });
    await settle();
    t.server.status.set(A, { subject: A, status: 'active' });
    await t.clock.advance(60_000);
    expect(t.server.fake.to('POST', /compositions$/)).toHaveLength(0);
    await t.clock.advance(1_000);
    expect(t.server.fake.to('POST', /compositions$/)).toHaveLength(1);
    expect(t.presences.at(-1)?.[1].status).toBe(PresenceStatus.Active);
  });

  it('re-reads an active person when their last activity turns 10 minutes old', async () => {
    const t = setup();
    const lastActive = new Date(t.clock.time - 4 * 60_000).toISOString();
    t.server.status.set(A, { subject: A, status: 'active', lastActive });
    t.source.watch([A]);
    await t.source.start();
    expect(t.presences.at(-1)?.[1].status).toBe(PresenceStatus.Active);
    await t.clock.advance(6 * 60_000 + 1_000);
    expect(t.server.fake.to('POST', /compositions$/)).toHaveLength(1);
    expect(t.presences.at(-1)?.[1].status).toBe(PresenceStatus.Inactive);
  });

  it('re-reads everyone on a sequence gap', async () => {
    const t = setup();
    t.source.watch([A, B]);
    await t.source.start();
    const ws = FakeWebSocket.last;
    ws.serverSend({ id: 'x1', data: { eventType: 'noop' }, sequenceNumber: 1 });
    ws.serverSend({ id: 'x3', data: { eventType: 'noop' }, sequenceNumber: 3 });
    await settle();
    const reads = t.server.fake.to('POST', /compositions$/);
    expect(reads.map((r) => (r.body as { subjects: string[] }).subjects)).toEqual([[A, B]]);
  });
});

describe('WebexPresenceSource: staying alive', () => {
  it('reconnects at once after a drop and subscribes everyone again', async () => {
    const t = setup();
    t.source.watch([A]);
    await t.source.start();
    FakeWebSocket.last.serverClose(1006);
    await settle();
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(t.states.map((s) => s.phase)).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    expect(t.subscribeCalls().map((c) => c.subjects)).toEqual([[A], [A]]);
  });

  it('stays down on a no-reconnect close until checkHealth', async () => {
    const t = setup();
    t.source.watch([A]);
    await t.source.start();
    FakeWebSocket.last.serverClose(4000, 'replaced');
    await t.clock.advance(60_000);
    expect(t.states.at(-1)?.phase).toBe('error');
    expect(FakeWebSocket.instances).toHaveLength(1);
    await t.source.checkHealth();
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(t.states.at(-1)?.phase).toBe('live');
  });

  it('opens a new socket before dropping the old one on shutdown', async () => {
    const t = setup();
    t.source.watch([A]);
    await t.source.start();
    const old = FakeWebSocket.last;
    old.serverSend({ type: 'shutdown' });
    await settle();
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(old.closedWith).toEqual({ code: 1000, reason: 'done' });
    expect(t.states.map((s) => s.phase)).toEqual(['connecting', 'live']);
  });

  it('stop closes the socket and cancels the timers', async () => {
    const t = setup();
    t.source.watch([A]);
    await t.source.start();
    await t.source.stop();
    expect(FakeWebSocket.last.closedWith).toEqual({ code: 1000, reason: 'done' });
    expect(t.states.at(-1)?.phase).toBe('idle');
    await t.clock.advance(3_000);
    expect(t.clock.pendingCount).toBe(0);
    expect(t.subscribeCalls()).toHaveLength(1); // no unsubscribe: subscriptions lapse
  });
});
