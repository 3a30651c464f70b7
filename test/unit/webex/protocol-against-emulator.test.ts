/**
 * The protocol points of docs/protocol.md, each pinned against the real emulator: numbered pongs,
 * device lifecycle, close codes, where the token may go, and requests that hang.
 */
import { describe, expect, it } from 'vitest';
import { PresenceStatus } from '../../../src/core/presence';
import { useEmulator, waitFor } from './emulator-harness';

const emu = useEmulator();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function registerDeviceDirectly(): Promise<void> {
  const res = await fetch(`${emu.baseUrl()}/wdm/api/v1/devices`, {
    method: 'POST',
    headers: { authorization: 'Bearer t1', 'content-type': 'application/json' },
    body: JSON.stringify({ deviceType: 'WEB', name: 'another tab' }),
  });
  expect(res.status).toBe(200);
}

describe('the protocol against the emulator', () => {
  it('counts numbered pongs in the sequence: many ping cycles and pushes, no re-read', async () => {
    const person = await emu.addPerson(1);
    const feed = emu.startSource({ pingIntervalMs: 150 });
    feed.source.watch([person.uuid]);
    await feed.source.start();
    for (const status of ['dnd', 'meeting', 'active', 'call', 'inactive']) {
      await sleep(400); // two or three ping/pong cycles between pushes
      await emu.control('PUT', `/_emu/presence/${person.uuid}`, { status });
    }
    await waitFor(
      () => feed.presences.find(([, p]) => p.status === PresenceStatus.Inactive),
      'the last push',
    );
    const stats = await emu.stats();
    expect(stats.requests['POST /apheleia/api/v1/compositions']).toBeUndefined();
    expect(feed.logs.filter((line) => line.includes('sequence gap'))).toEqual([]);
    expect(feed.states.map((s) => s.phase)).toEqual(['connecting', 'live']);
  });

  it('re-reads after a real gap', async () => {
    const person = await emu.addPerson(2);
    const feed = emu.startSource();
    feed.source.watch([person.uuid]);
    await feed.source.start();
    await emu.control('PUT', `/_emu/presence/${person.uuid}`, { status: 'dnd' });
    await waitFor(() => feed.presences.find(([, p]) => p.status === PresenceStatus.Dnd), 'dnd');
    await emu.control('POST', '/_emu/sequence/skip');
    await emu.control('PUT', `/_emu/presence/${person.uuid}`, { status: 'meeting' });
    await waitFor(
      async () => (await emu.stats()).requests['POST /apheleia/api/v1/compositions'],
      'the re-read',
    );
  });

  it('prunes old devices and registers once more when WDM says there are too many', async () => {
    await emu.control('POST', '/_emu/faults', { maxDevices: 2 });
    await registerDeviceDirectly();
    await registerDeviceDirectly();
    const feed = emu.startSource();
    await feed.source.start();
    expect(feed.states.at(-1)?.phase).toBe('live');
    const stats = await emu.stats();
    expect(stats.devices).toMatchObject({ rejected: 1, deleted: 1, registered: 3 });
  });

  it('deletes the device on sign-out, and a device already gone is fine', async () => {
    const feed = emu.startSource();
    await feed.source.start();
    await feed.source.unregister();
    expect((await emu.stats()).devices.deleted).toBe(1);
    expect(feed.stored()).toBeNull();

    const again = emu.startSource();
    await again.source.start();
    await emu.control('POST', '/_emu/faults', { forgetDevices: true });
    await again.source.unregister();
    expect((await emu.stats()).requests['DELETE /wdm/api/v1/devices/:id']).toBe(2);
    expect(again.logs.filter((line) => line.startsWith('warn'))).toEqual([]);
  });

  it('stays signed in after a 1008 close when REST still takes the token, and reconnects', async () => {
    const person = await emu.addPerson(3);
    const feed = emu.startSource();
    feed.source.watch([person.uuid]);
    await feed.source.start();
    await emu.control('POST', '/_emu/sockets/close', {
      code: 1008,
      reason: 'authentication did not happen within the timeout window of 30000 seconds.',
    });
    await waitFor(
      () => (feed.states.length > 2 && feed.source.state.phase === 'live' ? true : undefined),
      'the reconnect',
    );
    expect(feed.states.map((s) => s.phase)).not.toContain('signed-out');
    expect((await emu.stats()).requests['GET /v1/people/me']).toBe(1);
    await emu.control('PUT', `/_emu/presence/${person.uuid}`, { status: 'presenting' });
    await waitFor(
      () => feed.presences.find(([, p]) => p.status === PresenceStatus.Presenting),
      'the next change',
    );
  });

  it('signs out after a 1008 close when REST says 401 too', async () => {
    const feed = emu.startSource();
    await feed.source.start();
    await emu.control('POST', '/_emu/faults', { revokeTokens: ['t1'] });
    await emu.control('POST', '/_emu/sockets/close', {
      code: 1008,
      reason: 'authentication failed',
    });
    await waitFor(
      () => (feed.source.state.phase === 'signed-out' ? true : undefined),
      'signed-out',
    );
  });

  it('refuses a catalog pointing outside the Webex domains, and sends nothing there', async () => {
    const port = new URL(emu.baseUrl()).port;
    await emu.control('POST', '/_emu/faults', {
      catalogLinks: { wdm: `http://evil.test:${port}/wdm/api/v1` },
    });
    const feed = emu.startSource();
    await feed.source.start();
    expect(feed.source.state.phase).toBe('error');
    expect(feed.source.state.message).toContain(`http://evil.test:${port}`);
    expect(feed.source.state.message).toContain('wdm');
    const stats = await emu.stats();
    expect(Object.keys(stats.hosts)).toEqual([new URL(emu.baseUrl()).host]);
    expect(stats.requests['POST /wdm/api/v1/devices']).toBeUndefined();
  });

  it('abandons a hung subscribe request and retries it', async () => {
    const person = await emu.addPerson(4);
    await emu.control('POST', '/_emu/faults', {
      http: [{ method: 'POST', path: '/apheleia/api/v1/subscriptions', hang: true, times: 1 }],
    });
    const feed = emu.startSource({ requestTimeoutMs: 300 });
    feed.source.watch([person.uuid]);
    await feed.source.start();
    expect(feed.source.state.phase).toBe('live');
    await waitFor(
      () => feed.presences.find(([uuid]) => uuid === person.uuid),
      'the retried subscription',
      15_000,
    );
    expect((await emu.stats()).requests['POST /apheleia/api/v1/subscriptions']).toBe(2);
  }, 20_000);

  it('abandons a hung catalog request and reconnects', async () => {
    await emu.control('POST', '/_emu/faults', {
      http: [{ method: 'GET', path: '/u2c/api/v1/catalog', hang: true, times: 1 }],
    });
    const feed = emu.startSource({ requestTimeoutMs: 300 });
    await feed.source.start();
    expect(feed.source.state.phase).toBe('reconnecting');
    expect(feed.source.state.message).toContain('did not answer within 0.3 s');
    await waitFor(() => (feed.source.state.phase === 'live' ? true : undefined), 'live', 5_000);
  });

  it('finds subscriptions the server lost silently within one audit cycle', async () => {
    const people = [];
    for (let i = 0; i < 60; i++) people.push(await emu.addPerson(300 + i));
    const feed = emu.startSource({ auditCycleMs: 3_000 });
    feed.source.watch(people.map((p) => p.uuid));
    await feed.source.start();
    await waitFor(() => (feed.presences.length >= 60 ? true : undefined), 'first presences');
    await emu.control('POST', '/_emu/faults', { loseSubscriptions: true });
    const changed = [people[3], people[29], people[55]].map((p) => p?.uuid ?? '');
    const lostAt = Date.now();
    for (const uuid of changed) {
      await emu.control('PUT', `/_emu/presence/${uuid}`, { status: 'presenting' });
    }
    await waitFor(
      () =>
        changed.every((uuid) =>
          feed.presences.some(([u, p]) => u === uuid && p.status === PresenceStatus.Presenting),
        )
          ? true
          : undefined,
      'the corrected presences',
      8_000,
    );
    expect(Date.now() - lostAt).toBeLessThan(3_000 + 1_500);
    const stats = await emu.stats();
    expect(stats.subscriptions.length).toBeGreaterThan(0); // subscribed again
  }, 20_000);
});
