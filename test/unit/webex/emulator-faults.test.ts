/**
 * The real WebexPresenceSource against the real emulator's fault knobs (`/_emu/faults`,
 * `/_emu/sockets/...`): a dropped socket, a shutdown notice, a rate-limited subscribe and a
 * device WDM forgot. Each must end with the feed live and presence changes arriving.
 */
import { describe, expect, it } from 'vitest';
import { PresenceStatus } from '../../../src/core/presence';
import type { Feed } from './emulator-harness';
import { useEmulator, waitFor } from './emulator-harness';

const emu = useEmulator();

async function watchedLive(n: number): Promise<{ feed: Feed; uuid: string }> {
  const { uuid } = await emu.addPerson(n);
  const feed = emu.startSource();
  feed.source.watch([uuid]);
  await feed.source.start();
  await waitFor(() => feed.presences.find(([u]) => u === uuid), 'the initial presence');
  return { feed, uuid };
}

function setStatus(uuid: string, status: string): Promise<unknown> {
  return emu.control('PUT', `/_emu/presence/${uuid}`, { status });
}

function arrives(feed: Feed, uuid: string, status: PresenceStatus): Promise<unknown> {
  return waitFor(
    () => feed.presences.find(([u, p]) => u === uuid && p.status === status),
    `${status} for ${uuid}`,
  );
}

const SUBSCRIBE = 'POST /apheleia/api/v1/subscriptions';

function indexesOf(timeline: readonly string[], entry: string): number[] {
  return timeline.flatMap((e, i) => (e === entry ? [i] : []));
}

describe('WebexPresenceSource against emulator faults', () => {
  it('reconnects after a 1006 drop and delivers a change made while it was down', async () => {
    const { feed, uuid } = await watchedLive(1);
    // The first reconnect fails, so the feed stays down for the 1 s backoff.
    await emu.control('POST', '/_emu/faults', {
      http: [{ method: 'PUT', path: '/wdm/api/v1/devices/:id', status: 503, times: 1 }],
    });
    await emu.control('POST', '/_emu/sockets/close', { code: 1006 });
    await waitFor(
      () => feed.states.find((s) => s.message?.includes('Trying again in 1 s')),
      'the failed reconnect',
    );
    expect((await emu.stats()).sockets).toHaveLength(0);
    await setStatus(uuid, 'dnd');
    await arrives(feed, uuid, PresenceStatus.Dnd);
    expect(feed.source.state.phase).toBe('live');
    expect((await emu.stats()).sockets).toHaveLength(1);
    await setStatus(uuid, 'meeting');
    await arrives(feed, uuid, PresenceStatus.Meeting);
  });

  it('answers a shutdown notice with make-before-break and loses no update', async () => {
    const { feed, uuid } = await watchedLive(2);
    const [first] = (await emu.stats()).sockets;
    await emu.control('POST', '/_emu/sockets/shutdown', { afterMs: 300 });
    await setStatus(uuid, 'dnd'); // during the handover
    await arrives(feed, uuid, PresenceStatus.Dnd);
    await waitFor(async () => {
      const { sockets } = await emu.stats();
      return sockets.length === 1 && sockets[0]?.connectedAt !== first?.connectedAt
        ? sockets
        : undefined;
    }, 'only the new socket left');
    await new Promise((resolve) => setTimeout(resolve, 350)); // past the server's 4001
    await setStatus(uuid, 'meeting');
    await arrives(feed, uuid, PresenceStatus.Meeting);
    expect(feed.states.map((s) => s.phase)).toEqual(['connecting', 'live']);
    // The replacement's resubscribe (includeStatus) would deliver the DND too; it must have come
    // earlier, as a push on the old socket, or pushes during a handover would be lost.
    const subscribes = indexesOf(feed.timeline, SUBSCRIBE);
    expect(subscribes).toHaveLength(2);
    const firstDnd = feed.timeline.indexOf(`presence ${uuid} ${PresenceStatus.Dnd}`);
    expect(firstDnd).toBeGreaterThan(subscribes[0]!);
    expect(firstDnd).toBeLessThan(subscribes[1]!);
  });

  it('takes a 4001 on the old socket before the replacement is up in its stride', async () => {
    const { feed, uuid } = await watchedLive(3);
    await emu.control('POST', '/_emu/sockets/shutdown', { afterMs: 0 });
    await waitFor(async () => {
      const { subscriptionCalls } = await emu.stats();
      return subscriptionCalls.length >= 2 ? subscriptionCalls : undefined;
    }, 'the resubscribe on the new socket');
    await setStatus(uuid, 'dnd');
    await arrives(feed, uuid, PresenceStatus.Dnd);
    expect(feed.states.map((s) => s.phase)).not.toContain('error');
    expect(feed.source.state.phase).toBe('live');
  });

  it('subscribes after the Retry-After of a 429, but never sooner than 5 s', async () => {
    const { uuid } = await emu.addPerson(4);
    await emu.control('POST', '/_emu/faults', {
      http: [
        {
          method: 'POST',
          path: '/apheleia/api/v1/subscriptions',
          status: 429,
          retryAfter: 1,
          times: 1,
        },
      ],
    });
    const feed = emu.startSource();
    feed.source.watch([uuid]);
    const startedAt = Date.now();
    await feed.source.start();
    expect(feed.presences).toEqual([]);
    await waitFor(() => feed.presences.find(([u]) => u === uuid), 'the subscription', 10_000);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(4_950);
    const stats = await emu.stats();
    expect(stats.requests['POST /apheleia/api/v1/subscriptions']).toBe(2);
    expect(stats.subscriptions.map((s) => s.subject)).toEqual([uuid]);
    await setStatus(uuid, 'dnd');
    await arrives(feed, uuid, PresenceStatus.Dnd);
  }, 15_000);

  it('registers again on the next refresh after WDM forgot the device, and resubscribes', async () => {
    const { uuid } = await emu.addPerson(5);
    const feed = emu.startSource({ deviceRefreshMs: 300 });
    feed.source.watch([uuid]);
    await feed.source.start();
    const firstUrl = feed.stored()?.url;
    expect(firstUrl).toBeDefined();
    await emu.control('POST', '/_emu/faults', { forgetDevices: true });
    const newUrl = await waitFor(() => {
      const url = feed.stored()?.url;
      return url !== firstUrl ? url : undefined;
    }, 'a new registration');
    await waitFor(async () => {
      const { subscriptions } = await emu.stats();
      return subscriptions.find((s) => s.deviceUrl === newUrl && s.subject === uuid);
    }, 'the subscription of the new device');
    const { sockets } = await emu.stats();
    expect(sockets.map((s) => s.deviceUrl)).toEqual([newUrl]);
    await setStatus(uuid, 'dnd');
    await arrives(feed, uuid, PresenceStatus.Dnd);
    expect(feed.states.map((s) => s.phase)).toEqual(['connecting', 'live']);
  });
});
