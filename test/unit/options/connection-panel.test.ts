// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { PresenceConnectionPanel } from '../../../src/options/connection-panel';
import '../../../src/options/connection-panel';
import { SERVER_URL_ERROR, TOKEN_ERROR } from '../../../src/options/connection-form';
import type { ConnectionInfo } from '../../../src/shared/connection';
import { WEBEX_CLOUD_URL } from '../../../src/shared/settings';
import { connectionItem, settingsItem } from '../../../src/shared/storage-items';
import { mount, readText, settle } from '../ui/fixtures';
import { fakeBackground } from './fake-background';

const EMULATOR = 'http://127.0.0.1:8787';
const demoAccount = { displayName: 'Demo User', email: 'demo.user@example.com' };

async function open(): Promise<PresenceConnectionPanel> {
  const panel = await mount<PresenceConnectionPanel>('presence-connection-panel');
  await settle(panel);
  return panel;
}

function field(panel: PresenceConnectionPanel, label: string): HTMLInputElement {
  const root = panel.shadowRoot!;
  const labelEl = [...root.querySelectorAll('label')].find((l) => readText(l) === label);
  if (!labelEl) throw new Error(`no label "${label}"`);
  const input = root.getElementById(labelEl.htmlFor);
  if (!(input instanceof HTMLInputElement)) throw new Error(`label "${label}" points at nothing`);
  return input;
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function button(panel: PresenceConnectionPanel, name: string): HTMLButtonElement | undefined {
  return [...panel.shadowRoot!.querySelectorAll('button')].find((b) => readText(b) === name);
}

function region(panel: PresenceConnectionPanel, role: 'status' | 'alert'): string {
  return readText(panel.shadowRoot!.querySelector(`[role="${role}"]`));
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('<presence-connection-panel>', () => {
  it('prefills the server URL with the Webex cloud by default, and from settings', async () => {
    expect(field(await open(), 'Server URL').value).toBe(WEBEX_CLOUD_URL);
    document.body.innerHTML = '';
    await settingsItem.set({ serverUrl: EMULATOR });
    const panel = await open();
    expect(field(panel, 'Server URL').value).toBe(EMULATOR);
    expect(field(panel, 'Access token').type).toBe('password');
  });

  it('connects with the trimmed values and says who is signed in', async () => {
    const background = fakeBackground(() => ({ ok: true, account: demoAccount }));
    const panel = await open();
    type(field(panel, 'Server URL'), `  ${EMULATOR}  `);
    type(field(panel, 'Access token'), ' secret-token \n');
    background.hold();
    button(panel, 'Connect')!.click();
    await settle(panel);

    const pending = button(panel, 'Connecting…');
    expect(pending?.disabled).toBe(true);
    expect(background.requests).toEqual([
      { type: 'connect', serverUrl: EMULATOR, token: 'secret-token' },
    ]);

    background.release();
    await settle(panel);
    expect(region(panel, 'status')).toBe('Signed in as Demo User (demo.user@example.com)');
    expect(region(panel, 'alert')).toBe('');
    expect(button(panel, 'Connect')?.disabled).toBe(false);
    expect(field(panel, 'Access token').value).toBe('');
    expect(button(panel, 'Sign out')).toBeDefined();
  });

  it('shows a failed connection in an alert and keeps the form', async () => {
    fakeBackground(() => ({ ok: false, error: 'The access token was rejected.' }));
    const panel = await open();
    type(field(panel, 'Access token'), 'bad-token');
    button(panel, 'Connect')!.click();
    await settle(panel);

    expect(region(panel, 'alert')).toBe('The access token was rejected.');
    expect(region(panel, 'status')).toBe('');
    expect(field(panel, 'Access token').value).toBe('bad-token');
    expect(button(panel, 'Sign out')).toBeUndefined();
  });

  it('says so when the background does not answer', async () => {
    const panel = await open(); // no onMessage listener at all
    type(field(panel, 'Access token'), 'token');
    button(panel, 'Connect')!.click();
    await settle(panel);
    expect(region(panel, 'alert')).toContain('did not answer');
  });

  it('checks the fields inline without sending anything', async () => {
    const background = fakeBackground();
    const panel = await open();
    const url = field(panel, 'Server URL');
    const token = field(panel, 'Access token');

    type(url, 'ftp://example.com');
    type(token, '   ');
    button(panel, 'Connect')!.click();
    await settle(panel);

    expect(background.requests).toEqual([]);
    const urlError = panel.shadowRoot!.getElementById(url.getAttribute('aria-describedby')!);
    const tokenError = panel.shadowRoot!.getElementById(token.getAttribute('aria-describedby')!);
    expect(readText(urlError)).toBe(SERVER_URL_ERROR);
    expect(readText(tokenError)).toBe(TOKEN_ERROR);
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(token.getAttribute('aria-invalid')).toBe('true');
    expect(panel.shadowRoot!.activeElement).toBe(url);

    type(url, 'not a url');
    button(panel, 'Connect')!.click();
    await settle(panel);
    expect(background.requests).toEqual([]);

    type(url, EMULATOR);
    await settle(panel);
    expect(url.getAttribute('aria-invalid')).toBe('false');
    expect(panel.shadowRoot!.getElementById('server-url-error')).toBeNull();
    expect(token.getAttribute('aria-invalid')).toBe('true');
  });

  it('reflects the connection item live and disconnects', async () => {
    const background = fakeBackground();
    const panel = await open();
    expect(button(panel, 'Sign out')).toBeUndefined();

    const live: ConnectionInfo = {
      phase: 'live',
      message: '',
      since: 1,
      account: demoAccount,
      serverUrl: EMULATOR,
    };
    await connectionItem.set(live);
    await settle(panel);
    expect(region(panel, 'status')).toBe('Signed in as Demo User (demo.user@example.com)');
    expect(readText(panel.shadowRoot!.querySelector('[data-part="phase"]'))).toBe(
      'Connection: Live',
    );

    await connectionItem.set({ ...live, phase: 'reconnecting' });
    await settle(panel);
    expect(readText(panel.shadowRoot!.querySelector('[data-part="phase"]'))).toBe(
      'Connection: Reconnecting…',
    );

    button(panel, 'Sign out')!.click();
    await settle(panel);
    expect(background.requests).toEqual([{ type: 'signOut' }]);
    expect(region(panel, 'status')).toBe('');
    expect(button(panel, 'Sign out')).toBeUndefined();
  });

  it('after a rejected token says why, and shows nobody signed in', async () => {
    const panel = await open();
    const rejected: ConnectionInfo = {
      phase: 'signed-out',
      message: 'The access token was rejected (401). Sign in again.',
      since: 1,
      account: null,
      serverUrl: EMULATOR,
    };
    await connectionItem.set(rejected);
    await settle(panel);
    const phase = readText(panel.shadowRoot!.querySelector('[data-part="phase"]'));
    expect(phase).toContain('Signed out — The access token was rejected (401). Sign in again.');
    expect(region(panel, 'status')).toBe('');
    expect(button(panel, 'Sign out')).toBeUndefined();
  });
});
