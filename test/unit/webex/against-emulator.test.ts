/**
 * The real WebexPresenceSource, with Node's fetch and the `ws` WebSocket, against the real
 * emulator (an independent implementation of the protocol) on 127.0.0.1.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startEmulator } from '../../../emulator/server';
import type { RunningEmulator } from '../../../emulator/server';
import { PresenceStatus } from '../../../src/core/presence';
import type { SourcePresence } from '../../../src/core/presence-source';
import type { StoredDevice } from '../../../src/webex/device';
import { resolveEndpoints } from '../../../src/webex/endpoints';
import type { FeedState } from '../../../src/webex/webex-presence-source';
import { WebexPresenceSource } from '../../../src/webex/webex-presence-source';

let emulator: RunningEmulator;
let source: WebexPresenceSource | undefined;

beforeEach(async () => {
  emulator = await startEmulator({ port: 0, tokens: ['t1'] });
});

afterEach(async () => {
  await source?.stop();
  source = undefined;
  await emulator.close();
});

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulator.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function addPerson(n: number): Promise<{ id: string; uuid: string }> {
  return (await control('POST', '/_emu/people', {
    displayName: `Person ${n}`,
    emails: [`person${n}@example.com`],
  })) as { id: string; uuid: string };
}

interface Stats {
  subscriptionCalls: Array<{ subscriptionTtl: unknown; subjects: unknown[] }>;
}

async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function startSource(token = 't1') {
  const endpoints = resolveEndpoints(emulator.baseUrl);
  if (!endpoints.ok) throw new Error(endpoints.error);
  const presences: Array<[string, SourcePresence]> = [];
  const states: FeedState[] = [];
  let stored: StoredDevice | null = null;
  source = new WebexPresenceSource({
    fetch,
    WebSocket,
    endpoints: endpoints.value,
    getToken: async () => token,
    deviceStore: {
      load: async () => stored,
      save: async (device) => {
        stored = device;
      },
    },
    onState: (s) => states.push(s),
  });
  source.onPresence((uuid, presence) => presences.push([uuid, presence]));
  return { source, presences, states, stored: () => stored };
}

describe('WebexPresenceSource against the emulator', () => {
  it('watches a person and sees DND with a custom status and expiry arrive live', async () => {
    const person = await addPerson(1);
    const feed = startSource();
    feed.source.watch([person.uuid]);
    await feed.source.start();
    expect(feed.states.at(-1)?.phase).toBe('live');
    expect(feed.stored()?.webSocketUrl).toMatch(/^ws:\/\/127\.0\.0\.1:/);
    await waitFor(() => feed.presences.find(([u]) => u === person.uuid), 'the initial presence');

    const before = Date.now();
    await control('PUT', `/_emu/presence/${person.uuid}`, {
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
    const person = await addPerson(2);
    const feed = startSource();
    feed.source.watch([person.uuid]);
    await feed.source.start();
    feed.source.unwatch([person.uuid]);
    const call = await waitFor(async () => {
      const stats = (await control('GET', '/_emu/stats')) as Stats;
      return stats.subscriptionCalls.find((c) => c.subscriptionTtl === 0);
    }, 'the unsubscribe call');
    expect(call.subjects).toEqual([person.uuid]);
  });

  it('subscribes 120 people in batches of at most 50 and reports each one', async () => {
    const people = [];
    for (let i = 0; i < 120; i++) people.push(await addPerson(100 + i));
    const feed = startSource();
    feed.source.watch(people.map((p) => p.uuid));
    await feed.source.start();
    const stats = (await control('GET', '/_emu/stats')) as Stats;
    const sizes = stats.subscriptionCalls.map((c) => c.subjects.length);
    expect(sizes.sort((a, b) => b - a)).toEqual([50, 50, 20]);
    expect(stats.subscriptionCalls.every((c) => c.subscriptionTtl === 600)).toBe(true);
    expect(new Set(feed.presences.map(([u]) => u)).size).toBe(120);
  });

  it('goes signed-out with a token the server does not accept', async () => {
    const feed = startSource('wrong');
    await feed.source.start();
    expect(feed.states.at(-1)?.phase).toBe('signed-out');
    expect(feed.states.at(-1)?.message).toMatch(/sign in again/i);
  });
});
