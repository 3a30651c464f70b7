/**
 * The two recovery paths of docs/protocol.md §5.3 and §6.1, on the fake server and clock: the
 * audit that finds lost subscriptions, and REST polling while real time is refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PresenceStatus } from '../../../src/core/presence';
import type { FakeReply } from './fakes';
import { FakeWebSocket } from './fakes';
import { A, B, fakeServer, setup } from './source-harness';

beforeEach(() => {
  FakeWebSocket.reset();
  FakeWebSocket.autoServer = true;
});
afterEach(() => FakeWebSocket.reset());

const lastStatus = (t: ReturnType<typeof setup>, uuid: string) =>
  t.presences.filter(([u]) => u === uuid).at(-1)?.[1].status;

describe('the subscription audit', () => {
  it('finds a status the pushes never told, corrects it and subscribes that batch again', async () => {
    const t = setup({ auditCycleMs: 60_000 });
    t.source.watch([A, B]);
    await t.source.start();
    expect(t.subscribeCalls()).toHaveLength(1);
    // The server lost the subscription: the change happens, no push comes.
    t.server.status.set(A, { subject: A, status: 'dnd' });
    await t.clock.advance(59_000);
    expect(lastStatus(t, A)).toBe(PresenceStatus.Active);
    await t.clock.advance(1_000);
    expect(lastStatus(t, A)).toBe(PresenceStatus.Dnd);
    expect(t.subscribeCalls().at(-1)?.subjects).toEqual([A, B]);
    expect(t.logs.some((line) => line.includes('differed from what the pushes said'))).toBe(true);
  });

  it('reads every person once a cycle, in batches spread over it, and leaves agreeing ones be', async () => {
    const t = setup({ auditCycleMs: 60_000 });
    const people = Array.from(
      { length: 120 },
      (_, i) => `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
    );
    t.source.watch(people);
    await t.source.start();
    const reads = () => t.server.fake.to('POST', /compositions$/);
    await t.clock.advance(20_000);
    expect(reads()).toHaveLength(1);
    await t.clock.advance(40_000);
    const subjects = reads().flatMap((r) => (r.body as { subjects: string[] }).subjects);
    expect(reads().map((r) => (r.body as { subjects: string[] }).subjects.length)).toEqual([
      50, 50, 20,
    ]);
    expect(new Set(subjects).size).toBe(120);
    expect(t.subscribeCalls()).toHaveLength(3); // the first subscribe only (3 batches of ≤ 50)
  });
});

describe('the REST fallback', () => {
  it('polls People per person while device registration is refused, then goes back to live', async () => {
    const server = fakeServer();
    let refuse = true;
    const register = server.fake;
    register.on('POST', /\/wdm\/api\/v1\/devices$/, (): FakeReply =>
      refuse
        ? { status: 403, body: { message: 'Device registration is not allowed' } }
        : {
            body: {
              url: 'http://127.0.0.1:8787/wdm/api/v1/devices/d9',
              webSocketUrl: 'ws://127.0.0.1:8787/v1/apps/wx2/registrations/r9/messages',
              userId: 'me',
            },
          },
    );
    server.restStatus.set(A, 'DoNotDisturb');
    const t = setup({ server });
    t.source.watch([A, B]);
    await t.source.start();
    expect(t.source.state.phase).toBe('polling');
    expect(t.source.state.message).toMatch(/^Updating every 75 s \(real-time unavailable: /);
    await t.clock.advance(0);
    expect(lastStatus(t, A)).toBe(PresenceStatus.Dnd);
    const polls = () => server.fake.to('GET', /\/v1\/people\/[^/]+$/).length;
    expect(polls()).toBe(1);
    await t.clock.advance(37_500);
    expect(polls()).toBe(2);
    expect(lastStatus(t, B)).toBe(PresenceStatus.Active);
    // A change shows on the next round.
    server.restStatus.set(A, 'meeting');
    await t.clock.advance(37_500);
    expect(lastStatus(t, A)).toBe(PresenceStatus.Meeting);
    // Real time works again: the next retry goes live and polling stops.
    refuse = false;
    await t.clock.advance(32_000);
    expect(t.source.state.phase).toBe('live');
    const after = polls();
    await t.clock.advance(300_000);
    expect(polls()).toBe(after);
  });

  it('falls back after three connect failures in a row, and keeps trying real time', async () => {
    const server = fakeServer();
    server.fake.on('GET', /catalog$/, { status: 503 });
    const t = setup({ server });
    t.source.watch([A]);
    await t.source.start();
    expect(t.source.state.phase).toBe('reconnecting');
    await t.clock.advance(1_000);
    expect(t.source.state.phase).toBe('reconnecting');
    await t.clock.advance(2_000);
    expect(t.source.state.phase).toBe('polling');
    const catalogs = server.fake.to('GET', /catalog$/).length;
    await t.clock.advance(60_000);
    expect(server.fake.to('GET', /catalog$/).length).toBeGreaterThan(catalogs);
  });

  it('polls when Apheleia has refused every subscription for minutes, and stops when it recovers', async () => {
    const server = fakeServer();
    let down = true;
    server.fake.on('POST', /\/subscriptions$/, (r): FakeReply => {
      if (down) return { status: 503 };
      const body = r.body as { subjects: string[]; subscriptionTtl: number };
      return {
        body: {
          responses: body.subjects.map((subject) => ({
            subject,
            responseCode: 200,
            subscriptionTtl: body.subscriptionTtl,
            status: { subject, status: 'active' },
          })),
        },
      };
    });
    const t = setup({ server });
    t.source.watch([A]);
    await t.source.start();
    expect(t.source.state.phase).toBe('live');
    await t.clock.advance(60_000);
    await t.source.checkHealth();
    expect(t.source.state.phase).toBe('live');
    await t.clock.advance(70_000);
    await t.source.checkHealth();
    expect(t.source.state.phase).toBe('polling');
    down = false;
    await t.clock.advance(600_000);
    await t.source.checkHealth();
    expect(t.source.state.phase).toBe('live');
  });
});
