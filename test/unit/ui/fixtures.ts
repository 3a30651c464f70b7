// Shared test data and DOM helpers for the UI, popup and options tests.
import type { LitElement } from 'lit';
import type { Presence, PresenceStatus } from '../../../src/core/presence';
import type { ConnectionInfo } from '../../../src/shared/connection';
import type { WatchedContact } from '../../../src/shared/contact';

export const ada: WatchedContact = {
  contactId: 'ada-id',
  displayName: 'Ada Lovelace',
  emails: ['ada@example.com'],
  addedAt: 1,
};

export const grace: WatchedContact = {
  contactId: 'grace-id',
  displayName: 'Grace Hopper',
  emails: ['grace@example.com', 'ghopper@example.com'],
  addedAt: 2,
};

/** A live connection to the emulator, signed in as the demo user. */
export const liveConnection: ConnectionInfo = {
  phase: 'live',
  message: '',
  since: 1,
  account: { displayName: 'Demo User', email: 'demo.user@example.com' },
  serverUrl: 'http://127.0.0.1:8787',
};

export function presence(
  contactId: string,
  status: PresenceStatus,
  extra: Partial<Omit<Presence, 'contactId' | 'status'>> = {},
): Presence {
  return { contactId, status, customStatus: '', lastActiveTime: 0, expiresTime: 0, ...extra };
}

/** Mounts an element and waits until it has rendered. */
export async function mount<T extends LitElement>(tag: string): Promise<T> {
  const element = document.createElement(tag) as T;
  document.body.append(element);
  await element.updateComplete;
  return element;
}

/** Lets pending storage reads and Lit updates settle. */
export async function settle(element: LitElement, rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
  }
}

/** Text with runs of whitespace collapsed, as a screen reader or Playwright would read it. */
export function readText(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
