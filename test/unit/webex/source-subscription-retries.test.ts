/**
 * WebexPresenceSource asking Apheleia again: people a compositions reply left out, whole
 * subscribe calls refused, and two subscribe calls for one person at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PresenceStatus } from '../../../src/core/presence';
import { FAILED_CALL_RETRY_MS, FORBIDDEN_RETRY_MS } from '../../../src/webex/subscription-retry';
import type { FakeReply } from './fakes';
import { FakeWebSocket, settle } from './fakes';
import { A, B, deferred, setup, subscriptionsReply } from './source-harness';

beforeEach(() => {
  FakeWebSocket.reset();
  FakeWebSocket.autoServer = true;
});
afterEach(() => FakeWebSocket.reset());

describe('WebexPresenceSource: reads that leave people out', () => {
  it('re-reads a watched person the compositions reply left out, like a failed read', async () => {
    const t = setup();
    t.source.watch([A, B]);
    await t.source.start();
    for (const subject of [A, B]) {
      FakeWebSocket.last.push({
        eventType: 'apheleia.subscription_update',
        subject,
        status: 'dnd',
        expiresTTL: 60,
      });
    }
    await settle();
    let leaveOutA = true;
    t.server.fake.on('POST', /\/compositions$/, (r) => ({
      body: {
        statusList: (r.body as { subjects: string[] }).subjects
          .filter((s) => !(leaveOutA && s === A))
          .map((subject) => ({ subject, status: 'active' })),
      },
    }));
    const reads = () =>
      t.server.fake
        .to('POST', /\/compositions$/)
        .map((r) => (r.body as { subjects: string[] }).subjects);
    await t.clock.advance(61_000);
    expect(reads()).toEqual([[A, B]]);
    const statusOf = (uuid: string) => t.presences.filter(([u]) => u === uuid).at(-1)?.[1].status;
    expect(statusOf(A)).toBe(PresenceStatus.Dnd); // expired, but not read yet
    expect(statusOf(B)).toBe(PresenceStatus.Active);
    leaveOutA = false;
    await t.clock.advance(FAILED_CALL_RETRY_MS - 1);
    expect(reads()).toHaveLength(1);
    await t.clock.advance(1);
    expect(reads()).toEqual([[A, B], [A]]);
    expect(statusOf(A)).toBe(PresenceStatus.Active);
  });
});

describe('WebexPresenceSource: refused subscribe calls', () => {
  function refuseFirst(t: ReturnType<typeof setup>, reply: FakeReply, times = 1): void {
    let refused = 0;
    t.server.fake.on('POST', /\/subscriptions$/, (r) =>
      refused++ < times ? reply : subscriptionsReply(t.server, r),
    );
  }

  it('reports Unknown and waits 10 minutes after a whole call refused with 403', async () => {
    const t = setup();
    refuseFirst(t, { status: 403, body: { message: 'Presence is not enabled' } });
    t.source.watch([A]);
    await t.source.start();
    expect(t.presences).toEqual([[A, expect.objectContaining({ status: PresenceStatus.Unknown })]]);
    await t.clock.advance(FORBIDDEN_RETRY_MS - 1);
    expect(t.subscribeCalls()).toHaveLength(1);
    await t.clock.advance(1);
    expect(t.subscribeCalls()).toHaveLength(2);
    expect(t.presences.at(-1)?.[1].status).toBe(PresenceStatus.Active);
  });

  it('waits Retry-After after a 429', async () => {
    const t = setup();
    refuseFirst(t, { status: 429, headers: { 'retry-after': '20' } });
    t.source.watch([A]);
    await t.source.start();
    await t.clock.advance(19_999);
    expect(t.subscribeCalls()).toHaveLength(1);
    await t.clock.advance(1);
    expect(t.subscribeCalls()).toHaveLength(2);
    expect(t.presences.at(-1)?.[1].status).toBe(PresenceStatus.Active);
  });

  it('backs off 30 s, 60 s, 120 s after 5xx replies', async () => {
    const t = setup();
    refuseFirst(t, { status: 503 }, 3);
    t.source.watch([A]);
    await t.source.start();
    const callsAt = async (ms: number) => {
      await t.clock.advance(ms);
      return t.subscribeCalls().length;
    };
    expect(await callsAt(FAILED_CALL_RETRY_MS)).toBe(2);
    expect(await callsAt(2 * FAILED_CALL_RETRY_MS - 1)).toBe(2);
    expect(await callsAt(1)).toBe(3);
    expect(await callsAt(4 * FAILED_CALL_RETRY_MS - 1)).toBe(3);
    expect(await callsAt(1)).toBe(4);
    expect(t.presences.at(-1)?.[1].status).toBe(PresenceStatus.Active);
  });
});

describe('WebexPresenceSource: overlapping subscribe calls', () => {
  it('lets the latest call for a person decide, even when an older one finishes first', async () => {
    const t = setup();
    await t.source.start();
    const gates = [deferred(), deferred()];
    let call = 0;
    t.server.fake.on('POST', /\/subscriptions$/, async (r): Promise<FakeReply> => {
      const mine = call++;
      await gates[mine]?.promise;
      return mine === 0 ? { status: 503 } : subscriptionsReply(t.server, r);
    });
    t.source.watch([A]);
    await settle(); // first call out
    t.source.unwatch([A]);
    t.source.watch([A]);
    await settle(); // second call out, the first still open
    expect(t.subscribeCalls().map((c) => c.subjects)).toEqual([[A], [A]]);
    gates[0]?.resolve();
    await t.clock.advance(FAILED_CALL_RETRY_MS);
    await t.source.checkHealth();
    expect(t.subscribeCalls()).toHaveLength(2); // A still has a call out: no third one
    gates[1]?.resolve();
    await settle();
    expect(t.presences.at(-1)?.[1].status).toBe(PresenceStatus.Active);
    await t.clock.advance(540_000 - FAILED_CALL_RETRY_MS - 1);
    expect(t.subscribeCalls()).toHaveLength(2);
    await t.clock.advance(FAILED_CALL_RETRY_MS + 1);
    expect(t.subscribeCalls()).toHaveLength(3); // the renewal of the latest call's subscription
  });
});
