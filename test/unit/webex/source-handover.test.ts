/**
 * WebexPresenceSource when sockets come and go at awkward moments: a drop or a shutdown notice
 * while the first subscriptions are out, a replacement that fails, and the old socket closing
 * during make-before-break.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PresenceStatus } from '../../../src/core/presence';
import type { RecordedRequest } from './fakes';
import { FakeWebSocket, settle } from './fakes';
import type { Server } from './source-harness';
import { A, deferred, refreshReply, setup, subscriptionsReply } from './source-harness';

beforeEach(() => {
  FakeWebSocket.reset();
  FakeWebSocket.autoServer = true;
});
afterEach(() => FakeWebSocket.reset());

/** Holds the next `POST subscriptions` until `release()`; later ones are answered at once. */
function holdNextSubscribe(server: Server): { release: () => void } {
  const gate = deferred();
  let held = false;
  server.fake.on('POST', /\/subscriptions$/, async (r) => {
    if (!held) {
      held = true;
      await gate.promise;
    }
    return subscriptionsReply(server, r);
  });
  return { release: () => gate.resolve() };
}

/** The next `times` device refreshes (PUT) fail with 503; `held` holds the next one instead. */
function troubleWithRefresh(server: Server, times: number, held?: Promise<void>): () => number {
  let count = 0;
  server.fake.on('PUT', /\/devices\/d\d+$/, async (r: RecordedRequest) => {
    count++;
    if (count <= times) return { status: 503 };
    if (count === times + 1 && held !== undefined) await held;
    return refreshReply(r);
  });
  return () => count;
}

function pushDnd(socket: FakeWebSocket): void {
  socket.push({ eventType: 'apheleia.subscription_update', subject: A, status: 'dnd' });
}

describe('WebexPresenceSource: trouble during the first subscribe', () => {
  it('reconnects when the socket drops while the first subscribe call is out', async () => {
    const t = setup();
    const first = holdNextSubscribe(t.server);
    t.source.watch([A]);
    const started = t.source.start();
    await settle();
    expect(t.phases()).toEqual(['connecting', 'live']);
    await t.clock.advance(60_000); // up long enough to earn an immediate reconnect
    FakeWebSocket.last.serverClose(1006);
    await settle();
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(t.phases()).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    first.release();
    await started;
    await settle();
    expect(t.source.state.phase).toBe('live');
    expect(t.subscribeCalls().map((c) => c.subjects)).toEqual([[A], [A]]);
    pushDnd(FakeWebSocket.last);
    await settle();
    expect(t.presences.at(-1)?.[1].status).toBe(PresenceStatus.Dnd);
  });

  it('backs off 1 s when that reconnect fails too', async () => {
    const t = setup();
    const first = holdNextSubscribe(t.server);
    t.source.watch([A]);
    const started = t.source.start();
    await settle();
    await t.clock.advance(60_000);
    const refreshes = troubleWithRefresh(t.server, 1);
    FakeWebSocket.last.serverClose(1006);
    await settle();
    first.release();
    await started;
    expect(refreshes()).toBe(1);
    expect(t.source.state.phase).toBe('reconnecting');
    expect(t.source.state.message).toContain('Trying again in 1 s');
    await t.clock.advance(999);
    expect(FakeWebSocket.instances).toHaveLength(1);
    await t.clock.advance(1);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(t.source.state.phase).toBe('live');
  });

  it('answers a shutdown notice that arrives while the first subscribe call is out', async () => {
    const t = setup();
    const first = holdNextSubscribe(t.server);
    t.source.watch([A]);
    const started = t.source.start();
    await settle();
    const old = FakeWebSocket.last;
    old.serverSend({ type: 'shutdown' });
    await settle();
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(old.closedWith).toEqual({ code: 1000, reason: 'done' });
    first.release();
    await started;
    expect(t.phases()).toEqual(['connecting', 'live']);
  });
});

describe('WebexPresenceSource: make-before-break', () => {
  it('stays live on the old socket and retries a failed replacement with backoff', async () => {
    const t = setup();
    t.source.watch([A]);
    await t.source.start();
    const old = FakeWebSocket.last;
    const refreshes = troubleWithRefresh(t.server, 2);
    old.serverSend({ type: 'shutdown' });
    await settle();
    expect(refreshes()).toBe(1);
    expect(t.phases()).toEqual(['connecting', 'live']);
    pushDnd(old); // the old socket still carries pushes
    await settle();
    expect(t.presences.at(-1)?.[1].status).toBe(PresenceStatus.Dnd);
    await t.clock.advance(1_000);
    expect(refreshes()).toBe(2);
    expect(FakeWebSocket.instances).toHaveLength(1);
    await t.clock.advance(1_999);
    expect(refreshes()).toBe(2);
    await t.clock.advance(1);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(old.closedWith).toEqual({ code: 1000, reason: 'done' });
    expect(t.phases()).toEqual(['connecting', 'live']);
    expect(t.subscribeCalls().map((c) => c.subjects)).toEqual([[A], [A]]);
  });

  it('reconnects at once when the old socket closes after a failed replacement', async () => {
    const t = setup();
    t.source.watch([A]);
    await t.source.start();
    await t.clock.advance(60_000);
    const old = FakeWebSocket.last;
    troubleWithRefresh(t.server, 1);
    old.serverSend({ type: 'shutdown' });
    await settle();
    expect(t.source.state.phase).toBe('live');
    old.serverClose(4001, 'shutdown');
    await settle();
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(t.phases()).toEqual(['connecting', 'live', 'reconnecting', 'live']);
  });

  it('expects the old socket to close with 4001 before the replacement is up', async () => {
    const t = setup();
    t.source.watch([A]);
    await t.source.start();
    const old = FakeWebSocket.last;
    const gate = deferred();
    troubleWithRefresh(t.server, 0, gate.promise);
    old.serverSend({ type: 'shutdown' });
    await settle();
    old.serverClose(4001, 'shutdown');
    await settle();
    expect(t.phases()).toEqual(['connecting', 'live']);
    gate.resolve();
    await settle();
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(t.phases()).toEqual(['connecting', 'live']);
    expect(t.subscribeCalls().map((c) => c.subjects)).toEqual([[A], [A]]);
    // The new socket is the current one: its pushes arrive and its drop is acted on.
    pushDnd(FakeWebSocket.last);
    await settle();
    expect(t.presences.at(-1)?.[1].status).toBe(PresenceStatus.Dnd);
    await t.clock.advance(60_000);
    FakeWebSocket.last.serverClose(1006);
    await settle();
    expect(FakeWebSocket.instances).toHaveLength(3);
    expect(t.source.state.phase).toBe('live');
  });

  it('ignores the close of a replaced socket', async () => {
    const t = setup();
    t.source.watch([A]);
    await t.source.start();
    const old = FakeWebSocket.last;
    // The client's close must not close the fake first, or the server's 4001 would never arrive.
    old.close = (code, reason) => (old.closedWith = { code, reason });
    old.serverSend({ type: 'shutdown' });
    await settle();
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(old.closedWith).toEqual({ code: 1000, reason: 'done' });
    expect(old.readyState).toBe(1);
    old.serverClose(4001, 'shutdown');
    await t.clock.advance(60_000);
    expect(old.readyState).toBe(3);
    expect(t.phases()).toEqual(['connecting', 'live']);
    expect(t.phases()).not.toContain('error');
    expect(FakeWebSocket.instances).toHaveLength(2);
  });
});
