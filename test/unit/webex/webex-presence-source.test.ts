import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PresenceStatus } from '../../../src/core/presence';
import type { StoredDevice } from '../../../src/webex/device';
import type { FakeReply } from './fakes';
import { FakeWebSocket, settle } from './fakes';
import { A, APHELEIA, B, C, ORIGIN, fakeServer, setup } from './source-harness';

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

  it.each([
    [1008, 'authentication failed'],
    [1005, 'authentication failed'],
    [1005, 'authentication did not happen within the timeout window of 30000 seconds.'],
  ])(
    'checks the token once when Mercury closes %i %j while connecting: 401 signs out',
    async (code, reason) => {
      FakeWebSocket.autoServer = false;
      const server = fakeServer();
      server.fake.on('GET', /\/v1\/people\/me$/, { status: 401 });
      const t = setup({ server });
      const started = t.source.start();
      await settle();
      FakeWebSocket.last.serverClose(code, reason);
      await started;
      await settle();
      expect(server.fake.to('GET', /people\/me$/)).toHaveLength(1);
      expect(t.states.at(-1)?.phase).toBe('signed-out');
      await t.clock.advance(120_000);
      expect(FakeWebSocket.instances).toHaveLength(1);
    },
  );

  it('reconnects with backoff when the token check after a 1008 succeeds', async () => {
    FakeWebSocket.autoServer = false;
    const server = fakeServer();
    server.fake.on('GET', /\/v1\/people\/me$/, { body: { id: 'me' } });
    const t = setup({ server });
    const started = t.source.start();
    await settle();
    FakeWebSocket.last.serverClose(1008, 'authentication failed');
    await started;
    await settle();
    expect(t.states.at(-1)?.phase).toBe('reconnecting');
    FakeWebSocket.autoServer = true;
    await t.clock.advance(999);
    expect(FakeWebSocket.instances).toHaveLength(1);
    await t.clock.advance(1);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(t.states.at(-1)?.phase).toBe('live');
  });

  it('keeps a live feed signed in after a 1008 authentication-timeout close, if REST takes the token', async () => {
    const server = fakeServer();
    server.fake.on('GET', /\/v1\/people\/me$/, { body: { id: 'me' } });
    const t = setup({ server });
    t.source.watch([A]);
    await t.source.start();
    FakeWebSocket.last.serverClose(
      1005,
      'authentication did not happen within the timeout window of 30000 seconds.',
    );
    await t.clock.advance(2_000);
    expect(t.states.map((s) => s.phase)).not.toContain('signed-out');
    expect(t.states.at(-1)?.phase).toBe('live');
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('signs out when a live socket closes 1005 "authentication failed" and REST says 401', async () => {
    const server = fakeServer();
    server.fake.on('GET', /\/v1\/people\/me$/, { status: 401 });
    const t = setup({ server });
    t.source.watch([A]);
    await t.source.start();
    FakeWebSocket.last.serverClose(1005, 'authentication failed');
    await t.clock.advance(120_000);
    expect(t.states.at(-1)?.phase).toBe('signed-out');
    expect(FakeWebSocket.instances).toHaveLength(1);
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

describe('WebexPresenceSource: staying alive', () => {
  it('reconnects at once after a drop of a connection that was up 60 s, and subscribes again', async () => {
    const t = setup();
    t.source.watch([A]);
    await t.source.start();
    await t.clock.advance(60_000);
    FakeWebSocket.last.serverClose(1006);
    await settle();
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(t.states.map((s) => s.phase)).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    expect(t.subscribeCalls().map((c) => c.subjects)).toEqual([[A], [A]]);
  });

  it('backs off 1, 2, 4 s when connections keep dropping within 60 s of going up', async () => {
    const t = setup();
    await t.source.start();
    for (const wait of [1_000, 2_000, 4_000]) {
      const before = FakeWebSocket.instances.length;
      await t.clock.advance(30_000);
      FakeWebSocket.last.serverClose(1006);
      await t.clock.advance(wait - 1);
      expect(FakeWebSocket.instances).toHaveLength(before);
      await t.clock.advance(1);
      expect(FakeWebSocket.instances).toHaveLength(before + 1);
    }
    // Up for 60 s this time: the backoff starts over, and the next drop reconnects at once.
    await t.clock.advance(60_000);
    FakeWebSocket.last.serverClose(1006);
    await settle();
    expect(FakeWebSocket.instances).toHaveLength(5);
  });

  it('stays off after a 4000 "replaced" close, health checks included, until started again', async () => {
    const t = setup();
    t.source.watch([A]);
    await t.source.start();
    FakeWebSocket.last.serverClose(4000, 'replaced');
    await t.clock.advance(60_000);
    await t.source.checkHealth();
    expect(t.states.at(-1)).toMatchObject({
      phase: 'error',
      message: expect.stringContaining('replaced this one (code 4000)') as unknown,
    });
    expect(FakeWebSocket.instances).toHaveLength(1);
    await t.source.start();
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(t.states.at(-1)?.phase).toBe('live');
  });

  it('treats a browser 1005 "replaced" like 4000: no reconnect', async () => {
    const t = setup();
    t.source.watch([A]);
    await t.source.start();
    FakeWebSocket.last.serverClose(1005, 'replaced');
    await t.clock.advance(60_000);
    expect(t.states.at(-1)?.phase).toBe('error');
    expect(FakeWebSocket.instances).toHaveLength(1);
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
