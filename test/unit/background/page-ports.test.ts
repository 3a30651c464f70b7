import { describe, expect, test, vi } from 'vitest';
import { badgeView } from '../../../src/background/badge-views';
import type { PageContactsBuild } from '../../../src/background/page-contacts';
import { PAGE_STYLES } from '../../../src/background/page-styles';
import { PagePorts, type PagePort, type PagePortsDeps } from '../../../src/background/page-ports';
import { PresenceStatus, type Presence } from '../../../src/core/presence';
import { buildTermIndex } from '../../../src/core/term-index';
import type { WorkerToPage } from '../../../src/shared/page-protocol';
import { presence } from '../ui/fixtures';

const EXTENSION_ID = 'our-extension';
const ALLOWED_URL = 'https://jira.example.com/browse/X-1';
const ANA = { id: 'ana', name: 'Ana Silva', email: 'ana@example.com' };
/** Ana is key 0 of revision r1. */
const build: PageContactsBuild = {
  contacts: { revision: 'r1', index: buildTermIndex([{ key: '0', text: 'Ana Silva' }]) },
  people: [ANA],
};
const contacts = build.contacts;
const none: PageContactsBuild = {
  contacts: { revision: 'r0', index: buildTermIndex([]) },
  people: [],
};
const NOW = Date.UTC(2026, 11, 4, 12);
/** What a page is told about Ana in `status`. */
const anaView = (status: Presence['status']) => badgeView('0', ANA, presence('ana', status), NOW);
const watchAna = { type: 'watch', revision: 'r1', keys: ['0'] };

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
    contacts: async () => ({ build, focusable: false }),
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
    port.receive(watchAna); // sent early, before the worker answered
    await settle();
    expect(allows).toHaveBeenCalledWith(4, ALLOWED_URL);
    expect(port.sent).toEqual([
      { type: 'contacts', ...contacts, focusable: false, styles: PAGE_STYLES },
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
    port.receive(watchAna);
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
    showsAna.receive(watchAna);
    showsNobody.receive({ type: 'watch', revision: 'r1', keys: [] });
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
    port.receive({ type: 'watch', revision: 'r1', keys: '0' });
    port.receive({ type: 'watch', revision: 'r1', keys: Array(6_000).fill('0') });
    port.receive({ type: 'watch', keys: ['0'] }); // no revision
    port.receive({ type: 'watch', revision: 'r0', keys: ['0'] }); // an older one
    port.receive({ type: 'watch', revision: 'r1', keys: ['00', '7', '-1', 'ana', '1e0'] });
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

  test('a watch-list change reaches every open page, whose watch is then of the new keys', async () => {
    // Ana moves to key 1 when Bo is added before her, and is renamed.
    const BO = { id: 'bo', name: 'Bo Chen', email: '' };
    const next: PageContactsBuild = {
      contacts: { revision: 'r2', index: buildTermIndex([{ key: '1', text: 'Ana Souza' }]) },
      people: [BO, { ...ANA, name: 'Ana Souza' }],
    };
    let current = build;
    const { ports } = hub({ contacts: async () => ({ build: current, focusable: true }) });
    const port = fromTab(ALLOWED_URL);
    ports.accept(port);
    port.receive(watchAna);
    await settle();
    current = next;
    await ports.contactsChanged();
    expect(port.sent.at(-1)).toEqual({
      type: 'contacts',
      ...next.contacts,
      focusable: true,
      styles: PAGE_STYLES,
    });
    // Changes go on to the page meanwhile, with the new key and name.
    ports.presenceChanged(presence('ana', PresenceStatus.Busy));
    await settle();
    const busy = badgeView('1', next.people[1]!, presence('ana', PresenceStatus.Busy), NOW);
    expect(port.sent.at(-1)).toEqual({ type: 'views', views: [busy] });
    // A watch the page made before it heard of r2 is ignored; its new one is answered.
    const sentBefore = port.sent.length;
    port.receive(watchAna);
    expect(port.sent).toHaveLength(sentBefore);
    port.receive({ type: 'watch', revision: 'r2', keys: ['1'] });
    const dnd = badgeView('1', next.people[1]!, presence('ana', PresenceStatus.Dnd), NOW);
    expect(port.sent.at(-1)).toEqual({ type: 'views', views: [dnd] });
    current = none;
    await ports.contactsChanged();
    expect(port.sent.at(-1)).toEqual({
      type: 'contacts',
      ...none.contacts,
      focusable: true,
      styles: PAGE_STYLES,
    });
  });

  test('a view that says "until" is made again when the status ends, with no news from Webex', async () => {
    vi.useFakeTimers({ now: NOW });
    try {
      const until = { ...presence('ana', PresenceStatus.Dnd), expiresTime: NOW + 60_000 };
      const presences = new Map([['ana', until]]);
      const { ports } = hub({ presenceOf: (id) => presences.get(id), now: () => Date.now() });
      const port = fromTab(ALLOWED_URL);
      ports.accept(port);
      port.receive(watchAna);
      await vi.advanceTimersByTimeAsync(10);
      const label = () => {
        const last = port.sent.at(-1);
        return last?.type === 'views' ? last.views[0]?.label : undefined;
      };
      expect(label()).toMatch(/^Ana Silva: Do not disturb until /);
      const sent = port.sent.length;
      await vi.advanceTimersByTimeAsync(59_000);
      expect(port.sent).toHaveLength(sent); // not before it ends
      await vi.advanceTimersByTimeAsync(1_000);
      expect(label()).toBe('Ana Silva: Do not disturb');
      await vi.advanceTimersByTimeAsync(600_000);
      expect(port.sent).toHaveLength(sent + 1); // once
    } finally {
      vi.useRealTimers();
    }
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
