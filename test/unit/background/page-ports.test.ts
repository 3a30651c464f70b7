import { describe, expect, test, vi } from 'vitest';
import { PagePorts, type PagePort, type PagePortsDeps } from '../../../src/background/page-ports';
import { buildTermIndex } from '../../../src/core/term-index';
import { PresenceStatus, type Presence } from '../../../src/core/presence';
import { presence } from '../ui/fixtures';
import { badgeView } from '../../../src/background/badge-views';
import { encodePeople } from '../../../src/shared/page-people';
import type { PageContacts, WorkerToPage } from '../../../src/shared/page-protocol';

const EXTENSION_ID = 'our-extension';
const ALLOWED_URL = 'https://jira.example.com/browse/X-1';
const contacts: PageContacts = {
  revision: 'r1',
  people: encodePeople([{ id: 'ana', name: 'Ana Silva', email: 'ana@example.com' }]).encoded,
  index: buildTermIndex([{ key: '0', text: 'Ana Silva' }]),
};
const none: PageContacts = { revision: 'r0', people: '', index: buildTermIndex([]) };
const NOW = Date.UTC(2026, 11, 4, 12);
/** What a page is told about Ana in `status`: her view, with the name from the contacts sent. */
const anaView = (status: Presence['status']) =>
  badgeView('Ana Silva', presence('ana', status), NOW);

class FakePort implements PagePort {
  readonly sent: WorkerToPage[] = [];
  disconnected = false;
  private messageListener: (message: unknown) => void = () => {};
  private disconnectListener: () => void = () => {};
  readonly onMessage = { addListener: (l: (m: unknown) => void) => (this.messageListener = l) };
  readonly onDisconnect = { addListener: (l: () => void) => (this.disconnectListener = l) };

  constructor(readonly sender: PagePort['sender']) {}

  postMessage(message: WorkerToPage): void {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(message);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  /** The page sends a message. */
  receive(message: unknown): void {
    this.messageListener(message);
  }
  /** The page goes away. */
  close(): void {
    this.disconnected = true;
    this.disconnectListener();
  }
}

function hub(overrides: Partial<PagePortsDeps> = {}) {
  const presences = new Map<string, Presence>([['ana', presence('ana', PresenceStatus.Dnd)]]);
  const allows = vi.fn(async (_tabId: number, url: string) => url === ALLOWED_URL);
  const ports = new PagePorts({
    extensionId: EXTENSION_ID,
    allows,
    ready: async () => {},
    contacts: async () => ({ contacts, focusable: false }),
    presenceOf: (id) => presences.get(id),
    now: () => NOW,
    ...overrides,
  });
  return { ports, allows, presences };
}

const fromTab = (url: string, id = EXTENSION_ID, tabId: number | null = 4) =>
  new FakePort({ id, url, ...(tabId === null ? {} : { tab: { id: tabId } }) });

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('PagePorts: who gets an answer', () => {
  test('a page of an allowed site gets the contacts, then the views of what it shows', async () => {
    const { ports, allows } = hub();
    const port = fromTab(ALLOWED_URL);
    ports.accept(port);
    port.receive({ type: 'watch', ids: ['ana'] }); // sent early, before the worker answered
    await settle();
    expect(allows).toHaveBeenCalledWith(4, ALLOWED_URL);
    expect(port.sent).toEqual([
      { type: 'contacts', ...contacts, focusable: false },
      { type: 'views', views: [anaView(PresenceStatus.Dnd)] },
    ]);
    expect(anaView(PresenceStatus.Dnd).label).toMatch(/^Ana Silva: /);
    expect(ports.size).toBe(1);
  });

  test.each([
    ['a site nobody allowed', fromTab('https://evil.example/')],
    ['another extension', fromTab(ALLOWED_URL, 'someone-else')],
    ['a sender that is not a tab', fromTab(ALLOWED_URL, EXTENSION_ID, null)],
    ['a sender without a URL', new FakePort({ id: EXTENSION_ID, tab: { id: 4 } })],
  ])('%s is told to stop and gets nothing else', async (_what, port) => {
    const { ports } = hub();
    ports.accept(port);
    port.receive({ type: 'watch', ids: ['ana'] });
    await settle();
    expect(port.sent).toEqual([{ type: 'stop' }]);
    expect(port.disconnected).toBe(true);
    expect(ports.size).toBe(0);
    ports.presenceChanged(presence('ana', PresenceStatus.Active));
    await settle();
    expect(port.sent).toEqual([{ type: 'stop' }]);
  });

  test('changes go only to pages that show that contact, batched', async () => {
    const { ports } = hub();
    const showsAna = fromTab(ALLOWED_URL);
    const showsNobody = fromTab(ALLOWED_URL);
    ports.accept(showsAna);
    ports.accept(showsNobody);
    showsAna.receive({ type: 'watch', ids: ['ana'] });
    showsNobody.receive({ type: 'watch', ids: [] });
    await settle();
    ports.presenceChanged(presence('ana', PresenceStatus.Meeting));
    ports.presenceChanged(presence('ana', PresenceStatus.Active));
    ports.presenceChanged(presence('bo', PresenceStatus.Active));
    await settle();
    expect(showsAna.sent.at(-1)).toEqual({
      type: 'views',
      views: [anaView(PresenceStatus.Active)],
    });
    expect(showsAna.sent.filter((m) => m.type === 'views')).toHaveLength(2);
    expect(showsNobody.sent.filter((m) => m.type === 'views')).toEqual([]);
  });

  test('a malformed or oversized message from a page is ignored', async () => {
    const { ports } = hub();
    const port = fromTab(ALLOWED_URL);
    ports.accept(port);
    await settle();
    port.receive({ type: 'watch', ids: 'ana' });
    port.receive({ type: 'watch', ids: Array(6_000).fill('ana') });
    port.receive({ type: 'getToken' });
    port.receive(null);
    await settle();
    expect(port.sent.map((m) => m.type)).toEqual(['contacts']);
  });

  test('when access is taken back, open pages are stopped; a closed page is forgotten', async () => {
    const { ports, allows } = hub();
    const stays = fromTab(ALLOWED_URL);
    const closes = fromTab(ALLOWED_URL);
    ports.accept(stays);
    ports.accept(closes);
    await settle();
    closes.close();
    expect(ports.size).toBe(1);
    allows.mockResolvedValue(false);
    await ports.accessChanged();
    expect(stays.sent.at(-1)).toEqual({ type: 'stop' });
    expect(stays.disconnected).toBe(true);
    expect(ports.size).toBe(0);
  });

  test('a watch-list change reaches every open page', async () => {
    let current: PageContacts = contacts;
    const { ports } = hub({ contacts: async () => ({ contacts: current, focusable: true }) });
    const port = fromTab(ALLOWED_URL);
    ports.accept(port);
    await settle();
    current = none;
    await ports.contactsChanged();
    expect(port.sent.at(-1)).toEqual({ type: 'contacts', ...none, focusable: true });
  });

  test('a renamed contact: the page gets the new contacts, then views that say the new name', async () => {
    const renamed: PageContacts = {
      revision: 'r2',
      people: encodePeople([{ id: 'ana', name: 'Ana Souza', email: 'ana@example.com' }]).encoded,
      index: buildTermIndex([{ key: '0', text: 'Ana Souza' }]),
    };
    let current: PageContacts = contacts;
    const { ports } = hub({ contacts: async () => ({ contacts: current, focusable: false }) });
    const port = fromTab(ALLOWED_URL);
    ports.accept(port);
    port.receive({ type: 'watch', ids: ['ana'] });
    await settle();
    current = renamed;
    await ports.contactsChanged();
    const dnd = presence('ana', PresenceStatus.Dnd);
    expect(port.sent.slice(-2)).toEqual([
      { type: 'contacts', ...renamed, focusable: false },
      { type: 'views', views: [badgeView('Ana Souza', dnd, NOW)] },
    ]);
  });

  test('a worker that cannot rebuild its state drops the port, so the page tries again later', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { ports } = hub({ ready: () => Promise.reject(new Error('storage is gone')) });
    const port = fromTab(ALLOWED_URL);
    ports.accept(port);
    await settle();
    expect(port.sent).toEqual([]);
    expect(port.disconnected).toBe(true);
    expect(ports.size).toBe(0);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
