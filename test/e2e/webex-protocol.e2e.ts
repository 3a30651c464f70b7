/**
 * The protocol points of issue 7 end to end: the built extension in Chromium against the
 * emulator, each scenario in a session of its own (docs/protocol.md §2–§4, §7).
 */
import { afterEach, describe, expect, test } from 'vitest';
import {
  addContactViaOptions,
  popupItem,
  rowText,
  startSession,
  TOKEN,
  type E2eSession,
  type SessionSetup,
} from './support/session';

let current: E2eSession | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

async function session(setup: SessionSetup = {}): Promise<E2eSession> {
  current = await startSession(setup);
  return current;
}

const phaseLine = (s: E2eSession) => () =>
  s.options
    .locator('[data-part="phase"]')
    .innerText()
    .catch(() => '');

async function registerDevice(baseUrl: string): Promise<void> {
  const res = await fetch(`${baseUrl}/wdm/api/v1/devices`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ deviceType: 'WEB', name: 'another browser' }),
  });
  if (res.status !== 200) throw new Error(`registering a device: ${res.status}`);
}

describe('speaking Webex as its own client does', () => {
  test('with maxDevices 2 and two devices already registered, connecting goes live', async () => {
    const s = await session({
      beforeSignIn: async (control, baseUrl) => {
        await control.faults({ maxDevices: 2 });
        await registerDevice(baseUrl);
        await registerDevice(baseUrl);
      },
    });
    await expect.poll(phaseLine(s), { timeout: 10_000 }).toContain('Live');
    const stats = await s.control.stats();
    expect(stats.devices).toMatchObject({ rejected: 1, deleted: 1 });
  });

  test('a 1008 authentication-timeout close with a valid token does not sign out', async () => {
    const s = await session();
    const ada = await s.control.createPerson('Ada Lovelace', 'ada@example.com');
    await addContactViaOptions(s.options, 'ada@example.com', 'Ada Lovelace');
    const popup = await s.extension.openPage('src/popup/index.html');
    await popupItem(popup, 'Ada Lovelace').waitFor();
    await expect.poll(phaseLine(s), { timeout: 10_000 }).toContain('Live');
    await s.control.closeSockets(
      1008,
      'authentication did not happen within the timeout window of 30000 seconds.',
    );
    await expect
      .poll(async () => (await s.control.stats()).requests['GET /v1/people/me'] ?? 0)
      .toBeGreaterThanOrEqual(2); // sign-in, then the token check after the close
    await expect.poll(phaseLine(s), { timeout: 10_000 }).toContain('Live');
    expect(await s.options.getByText('Signed in as Demo User').count()).toBeGreaterThan(0);
    await s.control.setPresence(ada.id, { status: 'meeting' });
    await expect.poll(rowText(popup, 'Ada Lovelace'), { timeout: 5_000 }).toContain('In a meeting');
  });

  test('a 4000 "replaced" close stays off, says so in the popup, and Reconnect takes over', async () => {
    const s = await session();
    await expect.poll(phaseLine(s), { timeout: 10_000 }).toContain('Live');
    const popup = await s.extension.openPage('src/popup/index.html');
    const line = popup.locator('[data-part="connection"]');
    await s.control.closeSockets(4000, 'replaced');
    await expect.poll(() => line.innerText(), { timeout: 5_000 }).toContain('replaced this one');
    await popup.waitForTimeout(3_000); // no reconnect of its own, not even from the health alarm
    expect(await line.innerText()).toContain('Offline');
    await popup.getByRole('button', { name: 'Reconnect' }).click();
    await expect.poll(() => line.innerText(), { timeout: 10_000 }).toBe('Live');
    expect(await popup.getByRole('button', { name: 'Reconnect' }).count()).toBe(0);
  });

  test('the Sign out button deletes the device', async () => {
    const s = await session();
    await expect.poll(phaseLine(s), { timeout: 10_000 }).toContain('Live');
    expect((await s.control.stats()).devices.deleted).toBe(0);
    await s.options.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(async () => (await s.control.stats()).devices.deleted).toBe(1);
    await expect.poll(() => s.options.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
  });

  test('a catalog pointing outside the Webex domains is refused, and the token never goes there', async () => {
    let evil = '';
    const s = await session({
      beforeSignIn: async (control, baseUrl) => {
        evil = `http://evil.test:${new URL(baseUrl).port}`;
        await control.faults({ catalogLinks: { wdm: `${evil}/wdm/api/v1` } });
      },
      // evil.test reaches the emulator too: if the token were sent there, the stats would show it.
      extraArgs: ['--host-resolver-rules=MAP evil.test 127.0.0.1'],
    });
    await expect.poll(phaseLine(s), { timeout: 10_000 }).toContain('Offline');
    const line = await phaseLine(s)();
    expect(line).toContain(evil);
    expect(line).toContain('Refused to send the access token');
    const stats = await s.control.stats();
    expect(Object.keys(stats.hosts).filter((host) => host.startsWith('evil.test'))).toEqual([]);
    expect(stats.requests['POST /wdm/api/v1/devices']).toBeUndefined();
  });

  test('a hung subscribe request is abandoned and retried, and the feed goes live', async () => {
    const s = await session({
      beforeSignIn: async (control) => {
        await control.faults({
          http: [{ method: 'POST', path: '/apheleia/api/v1/subscriptions', hang: true, times: 1 }],
        });
      },
    });
    const ada = await s.control.createPerson('Ada Lovelace', 'ada@example.com');
    await s.control.setPresence(ada.id, { status: 'dnd' });
    await addContactViaOptions(s.options, 'ada@example.com', 'Ada Lovelace');
    await expect.poll(phaseLine(s), { timeout: 10_000 }).toContain('Live');
    const popup = await s.extension.openPage('src/popup/index.html');
    await expect
      .poll(rowText(popup, 'Ada Lovelace'), { timeout: 45_000, interval: 500 })
      .toContain('Do not disturb');
    expect(
      (await s.control.stats()).requests['POST /apheleia/api/v1/subscriptions'],
    ).toBeGreaterThanOrEqual(2);
  }, 90_000);
});
