/**
 * The background's feed controller against the real emulator, in Node: Node's fetch, the `ws`
 * WebSocket, fake-browser storage and an in-memory IndexedDB stand in for the browser.
 */
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { WebSocket } from 'ws';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { saveCredentials } from '../../../src/background/credentials';
import { FeedController } from '../../../src/background/feed-controller';
import { PresenceMirror } from '../../../src/background/presence-mirror';
import { createIdbSecretStore } from '../../../src/background/secret-store';
import { uuidToPersonId } from '../../../src/core/hydra-id';
import { PresenceStatus } from '../../../src/core/presence';
import type { WebSocketConstructor } from '../../../src/webex/mercury';
import {
  connectionItem,
  lastKnownPresenceItem,
  livePresenceItem,
  settingsItem,
  watchListItem,
} from '../../../src/shared/storage-items';
import { emulatorControl } from '../../support/emulator-control';

const TOKEN = 'unit-token';
let emulator: RunningEmulator;
let control: ReturnType<typeof emulatorControl>;
let controllers: FeedController[];
let idb: IDBFactory;

function newController() {
  const controller = new FeedController({
    secrets: createIdbSecretStore(idb),
    mirror: new PresenceMirror({ live: livePresenceItem, lastKnown: lastKnownPresenceItem }),
    fetch: (input, init) => fetch(input, init),
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    audience: { allowLoopback: true },
  });
  watchListItem.watch(() => void controller.onWatchListChanged());
  controllers.push(controller);
  return controller;
}

beforeEach(async () => {
  emulator = await startEmulator({ port: 0, tokens: [TOKEN] });
  control = emulatorControl(emulator.baseUrl);
  controllers = [];
  idb = new IDBFactory();
});

afterEach(async () => {
  for (const c of controllers) await c.suspend();
  await emulator.close();
});

describe('FeedController', () => {
  test('wakes signed out when no credentials are stored', async () => {
    await newController().wake();
    expect(await connectionItem.get()).toMatchObject({ phase: 'signed-out', account: null });
  });

  test('connect verifies the token and reports who is signed in', async () => {
    const controller = newController();
    expect(await controller.connect(emulator.baseUrl, TOKEN)).toEqual({
      ok: true,
      account: { displayName: 'Demo User', email: 'demo.user@example.com' },
    });
    expect(await settingsItem.get()).toEqual({ serverUrl: emulator.baseUrl });
    await expect.poll(async () => (await connectionItem.get()).phase).toBe('live');
  });

  test('a rejected token, a bad URL and an unreachable server each give a clear error', async () => {
    const controller = newController();
    expect(await controller.connect(emulator.baseUrl, 'wrong')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/token/i),
    });
    expect(await controller.connect('ftp://example', TOKEN)).toMatchObject({ ok: false });
    expect(await controller.connect('http://127.0.0.1:9', TOKEN)).toMatchObject({ ok: false });
    expect(await controller.connect(emulator.baseUrl, '  ')).toEqual({
      ok: false,
      error: 'Enter an access token.',
    });
  });

  test('adding contacts: by email, by person id, unknown, bot, invalid, duplicate', async () => {
    const ada = await control.createPerson('Ada Lovelace', 'ada@example.com');
    const grace = await control.createPerson('Grace Hopper', 'grace@example.com');
    await control.createPerson('Build Bot', 'bot@example.com', 'bot');
    const controller = newController();
    expect(await controller.addContact('ada@example.com')).toMatchObject({
      ok: false,
      error: expect.stringContaining('Connect'),
    });
    await controller.connect(emulator.baseUrl, TOKEN);

    expect(await controller.addContact(' ada@example.com ')).toMatchObject({
      ok: true,
      // The People API's first and last name are kept: pages find the person by them too.
      contact: { contactId: ada.id, firstName: 'Ada', lastName: 'Lovelace' },
    });
    expect(await controller.addContact(grace.id)).toMatchObject({
      ok: true,
      contact: { displayName: 'Grace Hopper' },
    });
    expect(await controller.addContact('nobody@example.com')).toEqual({
      ok: false,
      error: 'No one with the email nobody@example.com was found.',
    });
    expect(await controller.addContact('bot@example.com')).toMatchObject({
      ok: false,
      error: expect.stringContaining('bot'),
    });
    expect(await controller.addContact('not an id')).toEqual({
      ok: false,
      error: 'Enter an email address or a Webex person id.',
    });
    expect(await controller.addContact('ada@example.com')).toMatchObject({
      ok: false,
      error: expect.stringContaining('already'),
    });
    expect((await watchListItem.get()).map((c) => c.displayName)).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
    ]);
  });

  test('presence flows to storage.session, and removal unsubscribes', async () => {
    const ada = await control.createPerson('Ada Lovelace', 'ada@example.com');
    const controller = newController();
    await controller.connect(emulator.baseUrl, TOKEN);
    await controller.addContact('ada@example.com');
    await control.setPresence(ada.id, { status: 'dnd', customStatus: 'Focus time', ttl: 1800 });
    await expect
      .poll(async () => (await livePresenceItem.get())[ada.id])
      .toMatchObject({
        status: PresenceStatus.Dnd,
        customStatus: 'Focus time',
        expiresTime: expect.any(Number),
      });

    await controller.removeContact(ada.id);
    await expect
      .poll(async () =>
        (await control.stats()).subscriptionCalls.some(
          (c) => c.subscriptionTtl === 0 && c.subjects.includes(ada.uuid),
        ),
      )
      .toBe(true);
    await expect.poll(async () => (await livePresenceItem.get())[ada.id]).toBeUndefined();
  });

  test('a new controller over the same storage (a restarted worker) reuses the device and resumes', async () => {
    const ada = await control.createPerson('Ada Lovelace', 'ada@example.com');
    const first = newController();
    await first.connect(emulator.baseUrl, TOKEN);
    await first.addContact('ada@example.com');
    await expect.poll(async () => (await connectionItem.get()).phase).toBe('live');
    await first.suspend();

    const second = newController();
    await second.wake();
    await control.setPresence(ada.id, { status: 'presenting' });
    await expect
      .poll(async () => (await livePresenceItem.get())[ada.id]?.status)
      .toBe(PresenceStatus.Presenting);
    expect((await control.stats()).requests['POST /wdm/api/v1/devices']).toBe(1);
  });

  test('on connect the watch list is checked: bots and vanished people are not subscribed, names refresh', async () => {
    const ada = await control.createPerson('Ada Lovelace', 'ada@example.com', 'person', true);
    const bot = await control.createPerson('Build Bot', 'bot@example.com', 'bot');
    const goneUuid = '0f0f0f0f-1111-4222-8333-444455556666';
    const gone = uuidToPersonId(goneUuid);
    const entry = (contactId: string, displayName: string) => ({
      contactId,
      displayName,
      emails: [],
      addedAt: 1,
    });
    await watchListItem.set([
      { ...entry(ada.id, 'Ada (old name)'), group: 'Team', notify: true },
      entry(bot.id, 'Build Bot'),
      entry(gone, 'Gone'),
    ]);
    const controller = newController();
    await controller.connect(emulator.baseUrl, TOKEN);

    await expect.poll(async () => (await watchListItem.get())[0]?.displayName).toBe('Ada Lovelace');
    // Names, emails and the picture come from the People API; the user's group and notify stay.
    expect((await watchListItem.get())[0]).toEqual({
      contactId: ada.id,
      displayName: 'Ada Lovelace',
      emails: ['ada@example.com'],
      firstName: 'Ada',
      lastName: 'Lovelace',
      avatar: `${emulator.baseUrl}/avatars/${ada.uuid}~1600`,
      addedAt: 1,
      group: 'Team',
      notify: true,
    });
    await control.setPresence(ada.id, { status: 'call' });
    await expect
      .poll(async () => (await livePresenceItem.get())[ada.id]?.status)
      .toBe(PresenceStatus.Call);
    // Ada's presence came from the first subscribe call: by then the check was done.
    const everSubscribed = async () =>
      (await control.stats()).subscriptionCalls
        .filter((call) => call.subscriptionTtl > 0)
        .flatMap((call) => call.subjects);
    expect(await everSubscribed()).toContain(ada.uuid);
    expect(await everSubscribed()).not.toContain(bot.uuid);
    expect(await everSubscribed()).not.toContain(goneUuid);
    expect((await watchListItem.get()).map((c) => c.contactId)).toEqual([ada.id, bot.id, gone]);
  });

  test('a restarted worker keeps the check’s verdicts without asking the People API again', async () => {
    const ada = await control.createPerson('Ada Lovelace', 'ada@example.com');
    const bot = await control.createPerson('Build Bot', 'bot@example.com', 'bot');
    const entry = (contactId: string) => ({ contactId, displayName: 'x', emails: [], addedAt: 1 });
    await watchListItem.set([entry(ada.id), entry(bot.id)]);
    const first = newController();
    await first.connect(emulator.baseUrl, TOKEN);
    await expect.poll(async () => (await connectionItem.get()).phase).toBe('live');
    const lookups = (await control.stats()).requests['GET /v1/people'];
    expect(lookups).toBe(1);
    await first.suspend();

    const second = newController();
    await second.wake();
    await control.setPresence(ada.id, { status: 'meeting' });
    // A new worker's first request waits out the second its predecessor may have used.
    await expect
      .poll(async () => (await livePresenceItem.get())[ada.id]?.status, { timeout: 5_000 })
      .toBe(PresenceStatus.Meeting);
    const stats = await control.stats();
    expect(stats.requests['GET /v1/people']).toBe(lookups);
    const subscribed = stats.subscriptionCalls.filter((c) => c.subscriptionTtl > 0);
    expect(subscribed.flatMap((c) => c.subjects)).not.toContain(bot.uuid);
    expect(subscribed.length).toBeGreaterThanOrEqual(2);
  });

  test('adding a contact right as a message wakes the worker waits for the session', async () => {
    await control.createPerson('Ada Lovelace', 'ada@example.com');
    await newController().connect(emulator.baseUrl, TOKEN);
    await controllers[0]?.suspend();
    const woken = newController();
    void woken.wake();
    expect(await woken.addContact('ada@example.com')).toMatchObject({ ok: true });
  });

  test('a token the server no longer accepts signs out with the reason, and shows nobody signed in', async () => {
    const controller = newController();
    await controller.connect(emulator.baseUrl, TOKEN);
    await expect.poll(async () => (await connectionItem.get()).phase).toBe('live');
    await controller.suspend();
    await saveCredentials(createIdbSecretStore(idb), {
      serverUrl: emulator.baseUrl,
      accessToken: 'revoked-token',
      account: { displayName: 'Demo User', email: 'demo.user@example.com' },
    });
    await newController().wake();
    await expect.poll(async () => (await connectionItem.get()).phase).toBe('signed-out');
    expect(await connectionItem.get()).toMatchObject({
      account: null,
      message: expect.stringMatching(/token/i),
    });
  });

  test('a signed-out worker woken again and again writes its state once', async () => {
    const controller = newController();
    const writes = vi.spyOn(fakeBrowser.storage.session, 'set');
    await controller.wake();
    await newController().wake();
    await newController().wake();
    const connectionWrites = writes.mock.calls.filter(([items]) => 'connection' in items);
    expect(connectionWrites).toHaveLength(1);
  });

  test('disconnect forgets the token and the live presence but keeps the watch list', async () => {
    await control.createPerson('Ada Lovelace', 'ada@example.com');
    const controller = newController();
    await controller.connect(emulator.baseUrl, TOKEN);
    await controller.addContact('ada@example.com');
    expect(await controller.signOut()).toEqual({ ok: true });
    expect(await connectionItem.get()).toMatchObject({ phase: 'signed-out' });
    expect(await livePresenceItem.get()).toEqual({});
    expect(await watchListItem.get()).toHaveLength(1);
    const again = newController();
    await again.wake();
    expect(await connectionItem.get()).toMatchObject({ phase: 'signed-out' });
    // Signing in again registers a fresh device: the old one left with the old sign-in.
    await again.connect(emulator.baseUrl, TOKEN);
    await expect
      .poll(async () => (await control.stats()).requests['POST /wdm/api/v1/devices'])
      .toBe(2);
  });
});
