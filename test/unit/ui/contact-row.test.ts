// @vitest-environment happy-dom
import { render } from 'lit';
import { describe, expect, it } from 'vitest';
import { PresenceStatus, type PresenceStatus as Status } from '../../../src/core/presence';
import { contactEntries, type ContactEntry } from '../../../src/shared/contact-entry';
import { contactRow } from '../../../src/ui/contact-row';
import { ada, grace, presence, readText } from './fixtures';

const NOW = new Date(2025, 11, 1, 10, 0).getTime();

function rowFor(entry: ContactEntry): HTMLElement {
  const host = document.createElement('div');
  render(contactRow(entry, NOW), host);
  return host;
}

function part(host: HTMLElement, name: string): string | null {
  const el = host.querySelector(`[data-part="${name}"]`);
  return el ? readText(el) : null;
}

function liveEntry(status: Status, extra: Parameters<typeof presence>[2] = {}): ContactEntry {
  return { contact: ada, presence: presence('ada-id', status, extra), source: 'live' };
}

describe('contactRow', () => {
  it('reads as one sentence: name, status, custom status, until', () => {
    const host = rowFor(
      liveEntry(PresenceStatus.Dnd, {
        customStatus: 'Focus time',
        expiresTime: new Date(2025, 11, 1, 15, 30).getTime(),
      }),
    );
    expect(readText(host)).toBe('Ada Lovelace, Do not disturb, Focus time, until 15:30');
    expect(part(host, 'until')).toBe('until 15:30');
  });

  it('leaves out "until" when the expiry has passed or is unknown', () => {
    expect(part(rowFor(liveEntry(PresenceStatus.Dnd, { expiresTime: NOW - 1 })), 'until')).toBe(
      null,
    );
    expect(part(rowFor(liveEntry(PresenceStatus.Dnd)), 'until')).toBe(null);
  });

  it('shows last active for Inactive and Out of office people only', () => {
    const lastActiveTime = NOW - 2 * 3_600_000;
    expect(
      part(rowFor(liveEntry(PresenceStatus.Inactive, { lastActiveTime })), 'last-active'),
    ).toBe('active 2 hours ago');
    expect(
      part(rowFor(liveEntry(PresenceStatus.OutOfOffice, { lastActiveTime })), 'last-active'),
    ).toBe('active 2 hours ago');
    expect(part(rowFor(liveEntry(PresenceStatus.Active, { lastActiveTime })), 'last-active')).toBe(
      null,
    );
    expect(part(rowFor(liveEntry(PresenceStatus.OutOfOffice)), 'last-active')).toBe(null);
  });

  it('marks last-known presence and shows Unknown when there is none', () => {
    const [adaEntry, graceEntry] = contactEntries(
      [ada, grace],
      {},
      { 'ada-id': presence('ada-id', PresenceStatus.Call) },
    );
    expect(readText(rowFor(adaEntry!))).toBe('Ada Lovelace, In a call (last known)');
    expect(readText(rowFor(graceEntry!))).toBe('Grace Hopper, Unknown');
    expect(graceEntry!.source).toBe('none');
  });
});
