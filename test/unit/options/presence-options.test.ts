// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PresenceOptions } from '../../../src/options/presence-options';
import '../../../src/options/presence-options';
import { mount, readText } from '../ui/fixtures';
import { fakePermissions } from './fake-permissions';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('<presence-options>', () => {
  it('shows the Connection, Watched contacts and Sites sections', async () => {
    fakePermissions();
    const page = await mount<PresenceOptions>('presence-options');
    const root = page.shadowRoot!;
    const connection = root.querySelector('presence-connection-panel')!;
    const contacts = root.querySelector('presence-contacts-panel')!;
    const sites = root.querySelector('presence-sites-panel')!;
    await connection.updateComplete;
    await contacts.updateComplete;
    await sites.updateComplete;
    expect(readText(connection.shadowRoot!.querySelector('h2'))).toBe('Connection');
    expect(readText(contacts.shadowRoot!.querySelector('h2'))).toBe('Watched contacts');
    expect(readText(sites.shadowRoot!.querySelector('h2'))).toBe('Sites');
  });
});
