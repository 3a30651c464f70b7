import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PresenceStatus } from '../../../src/core/presence';
import { FakeWebSocket, settle } from './fakes';
import { A, B, C, deferred, setup, subscriptionsReply } from './source-harness';

beforeEach(() => {
  FakeWebSocket.reset();
  FakeWebSocket.autoServer = true;
});
afterEach(() => FakeWebSocket.reset());

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

  it('sends TTL 0 once for someone unwatched while their subscribe is in flight', async () => {
    const t = setup();
    t.source.watch([A]);
    await t.source.start();
    const gate = deferred();
    t.server.fake.on('POST', /\/subscriptions$/, async (r) => {
      if ((r.body as { subscriptionTtl: number }).subscriptionTtl > 0) await gate.promise;
      return subscriptionsReply(t.server, r);
    });
    t.source.watch([B]);
    await settle();
    t.source.unwatch([B]);
    await settle();
    gate.resolve();
    await settle();
    const cancels = t.subscribeCalls().filter((c) => c.subscriptionTtl === 0);
    expect(cancels.map((c) => c.subjects)).toEqual([[B]]);
    expect(t.presences.filter(([u]) => u === B)).toEqual([]);
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
    // A malformed status is treated as absent (Unknown); the rest of the push still counts.
    ws.push({
      eventType: 'apheleia.subscription_update',
      subject: A,
      status: 42,
      customStatus: 'Back Monday',
    });
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
      [
        A,
        {
          status: PresenceStatus.Unknown,
          customStatus: 'Back Monday',
          lastActiveTime: 0,
          expiresTime: 0,
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

  it('folds gaps within 30 s into one later re-read', async () => {
    const t = setup();
    t.source.watch([A, B]);
    await t.source.start();
    const ws = FakeWebSocket.last;
    const reads = () => t.server.fake.to('POST', /compositions$/).length;
    let seq = 0;
    const gap = async () => {
      seq += 2;
      ws.serverSend({ id: `g${seq}`, data: { eventType: 'noop' }, sequenceNumber: seq });
      await settle();
    };
    await gap();
    expect(reads()).toBe(0); // the first numbered frame sets the count
    await gap();
    expect(reads()).toBe(1);
    await t.clock.advance(10_000);
    await gap();
    await t.clock.advance(5_000);
    await gap();
    expect(reads()).toBe(1);
    await t.clock.advance(15_000);
    expect(reads()).toBe(2);
    await t.clock.advance(60_000);
    expect(reads()).toBe(2);
  });

  it('shows an unknown status as Unknown and logs the raw value; a missing custom status is fine', async () => {
    const t = setup();
    t.source.watch([A]);
    await t.source.start();
    FakeWebSocket.last.push({
      eventType: 'apheleia.subscription_update',
      subject: A,
      status: 'vacationing',
    });
    await settle();
    expect(t.presences.at(-1)?.[1].status).toBe(PresenceStatus.Unknown);
    expect(t.logs).toContain('info: Unknown presence status "vacationing" shown as Unknown');
    FakeWebSocket.last.push({
      eventType: 'apheleia.subscription_update',
      subject: A,
      status: 'busy',
    });
    await settle();
    expect(t.presences.at(-1)?.[1]).toMatchObject({ status: PresenceStatus.Busy });
  });
});
