/**
 * What the PageAnnotator unit tests share: the contacts, what the worker sends a page for them,
 * an annotator over happy-dom's document, and what the page shows.
 */
import { vi } from 'vitest';
import { unknownPresence } from '../../../src/core/presence';
import { PageAnnotator } from '../../../src/content/page-annotator';
import { BADGE_ATTRIBUTE } from '../../../src/content/dom-marks';
import { PageBadges } from '../../../src/content/page-badges';
import { PresenceCard } from '../../../src/content/presence-card';
import { badgeView } from '../../../src/background/badge-views';
import { toPageContacts } from '../../../src/background/page-contacts';
import type { WatchedContact } from '../../../src/shared/contact';
import type { PageContacts } from '../../../src/shared/page-protocol';

// Every browser the content script targets has requestIdleCallback, which happy-dom lacks: the
// annotator's idle flush runs here after a short timeout instead.
globalThis.requestIdleCallback ??= (callback) => Number(setTimeout(callback, 50));

export const ana: WatchedContact = {
  contactId: 'ana',
  displayName: 'Ana Silva',
  emails: ['ana@example.com'],
  addedAt: 0,
};
export const li: WatchedContact = {
  contactId: 'li',
  displayName: '王小明',
  emails: [],
  addedAt: 0,
};
/** What the worker sends a page for these contacts, through JSON as a port does. */
export const sent = (contacts: readonly WatchedContact[]) =>
  JSON.parse(JSON.stringify(toPageContacts(contacts).contacts)) as PageContacts;

/** The views the worker sends for these contacts (keys are places in the list), all Unknown. */
export const viewsOf = (contacts: readonly WatchedContact[]) =>
  toPageContacts(contacts).people.map((person, key) =>
    badgeView(String(key), person, unknownPresence(person.id), 0),
  );

const running: PageAnnotator[] = [];

export function annotate(
  contacts: readonly WatchedContact[],
  onShown: (keys: string[]) => void = () => {},
) {
  const badges = new PageBadges(document, new PresenceCard(document));
  const annotator = new PageAnnotator(document, badges, (_revision, keys) => onShown(keys));
  running.push(annotator);
  annotator.setContacts(sent(contacts), false);
  return { annotator, badges };
}

export function setup(html: string, contacts: readonly WatchedContact[] = [ana, li]) {
  document.body.innerHTML = html;
  const shown: string[][] = [];
  const { annotator, badges } = annotate(contacts, (keys) => shown.push(keys));
  annotator.start();
  return { annotator, badges, shown };
}

export const allBadges = (root: ParentNode = document) => [
  ...root.querySelectorAll<HTMLElement>(`[${BADGE_ATTRIBUTE}]`),
];
export const labels = (root: ParentNode = document) =>
  allBadges(root).map((b) => b.getAttribute('aria-label'));
/** What a reader of the page sees as text, badges left out (they hold no light-DOM text). */
export const pageText = () => document.body.textContent;

/** Stops every annotator a test started and empties the page (each file's afterEach). */
export function cleanUp(): void {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  for (const annotator of running.splice(0)) annotator.stop();
  document.body.innerHTML = '';
}
