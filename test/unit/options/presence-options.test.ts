// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { PresenceOptions } from '../../../src/options/presence-options';
import '../../../src/options/presence-options';
import { mount, readText } from '../ui/fixtures';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('<presence-options>', () => {
  it('shows the Connection and Watched contacts sections', async () => {
    const page = await mount<PresenceOptions>('presence-options');
    const root = page.shadowRoot!;
    const connection = root.querySelector('presence-connection-panel')!;
    const contacts = root.querySelector('presence-contacts-panel')!;
    await connection.updateComplete;
    await contacts.updateComplete;
    expect(readText(connection.shadowRoot!.querySelector('h2'))).toBe('Connection');
    expect(readText(contacts.shadowRoot!.querySelector('h2'))).toBe('Watched contacts');
  });
});
