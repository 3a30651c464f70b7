/**
 * The real WebexPresenceSource, with Node's fetch and the `ws` WebSocket, against the real
 * emulator (an independent implementation of the protocol) on 127.0.0.1.
 */
import { describe, expect, it } from 'vitest';
import { PresenceStatus } from '../../../src/core/presence';
import { useEmulator, waitFor } from './emulator-harness';

const emu = useEmulator();

describe('WebexPresenceSource against the emulator', () => {
  it('watches a person and sees DND with a custom status and expiry arrive live', async () => {
    const person = await emu.addPerson(1);
    const feed = emu.startSource();
    feed.source.watch([person.uuid]);
    await feed.source.start();
    expect(feed.states.at(-1)?.phase).toBe('live');
    expect(feed.stored()?.webSocketUrl).toMatch(/^ws:\/\/127\.0\.0\.1:/);
    await waitFor(() => feed.presences.find(([u]) => u === person.uuid), 'the initial presence');

    const before = Date.now();
    await emu.control('PUT', `/_emu/presence/${person.uuid}`, {
      status: 'dnd',
      customStatus: 'Focus time',
      ttl: 1800,
    });
    const [, dnd] = await waitFor(
      () => feed.presences.find(([, p]) => p.status === PresenceStatus.Dnd),
      'the DND push',
    );
    expect(dnd.customStatus).toBe('Focus time');
    expect(dnd.expiresTime).toBeGreaterThanOrEqual(before + 1_795_000);
    expect(dnd.expiresTime).toBeLessThanOrEqual(Date.now() + 1_805_000);
  });

  it('sends TTL 0 when a person is unwatched', async () => {
    const person = await emu.addPerson(2);
    const feed = emu.startSource();
    feed.source.watch([person.uuid]);
    await feed.source.start();
    feed.source.unwatch([person.uuid]);
    const call = await waitFor(
      async () => (await emu.stats()).subscriptionCalls.find((c) => c.subscriptionTtl === 0),
      'the unsubscribe call',
    );
    expect(call.subjects).toEqual([person.uuid]);
  });

  it('subscribes 120 people in batches of at most 50 and reports each one', async () => {
    const people = [];
    for (let i = 0; i < 120; i++) people.push(await emu.addPerson(100 + i));
    const feed = emu.startSource();
    feed.source.watch(people.map((p) => p.uuid));
    await feed.source.start();
    const stats = await emu.stats();
    const sizes = stats.subscriptionCalls.map((c) => c.subjects.length);
    expect(sizes.sort((a, b) => b - a)).toEqual([50, 50, 20]);
    expect(stats.subscriptionCalls.every((c) => c.subscriptionTtl === 600)).toBe(true);
    expect(new Set(feed.presences.map(([u]) => u)).size).toBe(120);
  });

  it('goes signed-out with a token the server does not accept', async () => {
    const feed = emu.startSource({ token: 'wrong' });
    await feed.source.start();
    expect(feed.states.at(-1)?.phase).toBe('signed-out');
    expect(feed.states.at(-1)?.message).toMatch(/sign in again/i);
  });
});
