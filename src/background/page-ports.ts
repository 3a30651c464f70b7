/**
 * The worker's end of every page annotator's port (src/shared/page-protocol.ts). A port is
 * answered only when it comes from this extension's content script in a tab of an allowed site,
 * or of a tab the user granted from the popup; any other is told to stop and dropped. A page gets
 * the watched contacts' names and match terms, then what the badges of the contacts it shows say
 * (badge-views.ts), and every later change to them (batched per task).
 */
import type { Presence } from '../core/presence';
import {
  parsePageToWorker,
  type BadgeView,
  type PageToWorker,
  type WorkerToPage,
} from '../shared/page-protocol';
import { badgeView } from './badge-views';
import { toPageContacts, type PageContactsBuild } from './page-contacts';
import { PAGE_STYLES } from './page-styles';

const MAX_TIMER_MS = 2 ** 31 - 1;

/** What the hub needs of a `runtime.Port` (the polyfill's and Chrome's both fit). */
export interface PagePort {
  readonly sender?: {
    readonly id?: string;
    readonly url?: string;
    readonly tab?: { readonly id?: number };
  };
  postMessage(message: WorkerToPage): void;
  disconnect(): void;
  readonly onMessage: { addListener(listener: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(listener: () => void): void };
}

export interface PagePortsDeps {
  readonly extensionId: string;
  /** Whether a page at `url` in tab `tabId` may show badges (allowed site or granted tab). */
  readonly allows: (tabId: number, url: string) => Promise<boolean>;
  /** Resolves once the worker has rebuilt its state (a page's port may be what woke it). */
  readonly ready: () => Promise<void>;
  readonly contacts: () => Promise<{ build: PageContactsBuild; focusable: boolean }>;
  readonly presenceOf: (contactId: string) => Presence | undefined;
  readonly now?: () => number;
}

interface PageEntry {
  readonly port: PagePort;
  readonly tabId: number;
  readonly url: string;
  /** The contacts it shows, by id: kept across revisions (keys are not). */
  wanted: ReadonlySet<string>;
}

export class PagePorts {
  private readonly pages = new Map<PagePort, PageEntry>();
  private readonly changed = new Map<string, Presence>();
  private flushQueued = false;
  /** The watched contacts as last sent to pages, and each one's key. */
  private current: PageContactsBuild = toPageContacts([]);
  private keys = new Map<string, string>();
  /** The earliest end of a status ("until 15:30") among the views sent, and its timer. */
  private untilAt = Infinity;
  private untilTimer: ReturnType<typeof setTimeout> | undefined;
  /** Statuses that ended up to this time have had their views made again. */
  private untilCheckedAt = 0;

  constructor(private readonly deps: PagePortsDeps) {}

  get size(): number {
    return this.pages.size;
  }

  /** A new port named PAGE_PORT_NAME. Listeners are added at once so nothing sent early is lost. */
  accept(port: PagePort): void {
    const sender = port.sender;
    const entry: PageEntry = {
      port,
      tabId: sender?.tab?.id ?? -1,
      url: sender?.url ?? '',
      wanted: new Set(),
    };
    let admitted = false;
    let early: PageToWorker | undefined; // a watch sent before the page was admitted
    port.onMessage.addListener((raw) => {
      const message = parsePageToWorker(raw);
      if (!message.ok) return;
      if (admitted) this.watch(entry, message.value);
      else early = message.value;
    });
    port.onDisconnect.addListener(() => this.pages.delete(port));
    this.admit(entry)
      .then((ok) => {
        admitted = ok;
        if (ok && early) this.watch(entry, early);
      })
      .catch((error: unknown) => {
        // The worker could not rebuild its state: the page retries when its port drops.
        console.warn('Presence Lens: could not answer a page', error);
        this.pages.delete(port);
        port.disconnect();
      });
  }

  /** The watch list or the badge settings changed: every page gets the new contacts. */
  async contactsChanged(): Promise<void> {
    if (this.pages.size === 0) return;
    const message = await this.contactsMessage();
    // Each page starts its badges over and watches again, with the new keys: it then gets the
    // views (names may have changed, and the views say them).
    for (const entry of this.pages.values()) this.post(entry, message);
  }

  /** Allowed sites, permissions or tab grants changed: pages no longer allowed are stopped. */
  async accessChanged(): Promise<void> {
    for (const entry of [...this.pages.values()]) {
      if (!(await this.deps.allows(entry.tabId, entry.url))) this.refuse(entry.port);
    }
  }

  presenceChanged(presence: Presence): void {
    if (this.pages.size === 0) return;
    this.changed.set(presence.contactId, presence);
    if (this.flushQueued) return;
    this.flushQueued = true;
    setTimeout(() => this.flushChanges(), 0);
  }

  private async admit(entry: PageEntry): Promise<boolean> {
    const { sender } = entry.port;
    const fromUs = sender?.id === this.deps.extensionId && entry.tabId >= 0;
    if (!fromUs || !(await this.deps.allows(entry.tabId, entry.url))) {
      this.refuse(entry.port);
      return false;
    }
    await this.deps.ready();
    const message = await this.contactsMessage();
    this.pages.set(entry.port, entry);
    this.post(entry, message);
    return true;
  }

  private async contactsMessage(): Promise<WorkerToPage> {
    const { build, focusable } = await this.deps.contacts();
    if (build !== this.current) {
      this.current = build;
      this.keys = new Map(build.people.map((person, key) => [person.id, String(key)]));
    }
    return { type: 'contacts', ...build.contacts, focusable, styles: PAGE_STYLES };
  }

  private watch(entry: PageEntry, watch: PageToWorker): void {
    // Made for an older revision: the page watches again once it has the new one.
    if (watch.revision !== this.current.contacts.revision) return;
    entry.wanted = this.idsOf(watch);
    this.sendViews(entry, entry.wanted);
  }

  /** The ids of a watch's keys (it is for the current revision). */
  private idsOf(watch: PageToWorker): Set<string> {
    const ids = new Set<string>();
    for (const key of watch.keys) {
      const person = this.current.people[Number(key)];
      if (person && String(Number(key)) === key) ids.add(person.id);
    }
    return ids;
  }

  private flushChanges(): void {
    this.flushQueued = false;
    const changed = [...this.changed.values()];
    this.changed.clear();
    // Each view is made once, however many pages show that contact.
    const views = new Map<string, BadgeView | null>();
    const viewOf = (presence: Presence) => {
      if (!views.has(presence.contactId)) views.set(presence.contactId, this.view(presence));
      return views.get(presence.contactId) ?? null;
    };
    for (const entry of this.pages.values()) {
      const shown: BadgeView[] = [];
      for (const presence of changed) {
        const view = entry.wanted.has(presence.contactId) ? viewOf(presence) : null;
        if (view) shown.push(view);
      }
      if (shown.length > 0) this.post(entry, { type: 'views', views: shown });
    }
  }

  private sendViews(entry: PageEntry, ids: Iterable<string>): void {
    const views: BadgeView[] = [];
    for (const id of ids) {
      const presence = this.deps.presenceOf(id);
      const view = presence && this.view(presence);
      if (view) views.push(view);
    }
    if (views.length > 0) this.post(entry, { type: 'views', views });
  }

  /** Null for someone no longer watched. */
  private view(presence: Presence): BadgeView | null {
    const key = this.keys.get(presence.contactId);
    const person = key === undefined ? undefined : this.current.people[Number(key)];
    if (key === undefined || !person) return null;
    const now = this.now();
    this.remakeAt(presence.expiresTime, now);
    return badgeView(key, person, presence, now);
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /**
   * A view that says "until 15:30" is made again at 15:30. The worker re-reads a presence when
   * its status ends, but when that read fails (offline) no news comes, and a page must not go on
   * saying "until 15:30" at 16:00: it then says what the popup says, the status without "until".
   */
  private remakeAt(expiresTime: number, now: number): void {
    if (!(expiresTime > now) || expiresTime >= this.untilAt) return;
    clearTimeout(this.untilTimer);
    this.untilAt = expiresTime;
    // A timer holds at most 2^31 - 1 ms (24.8 days): a later end is looked at again then.
    const delay = Math.min(expiresTime - now, MAX_TIMER_MS);
    this.untilTimer = setTimeout(() => this.untilPassed(), delay);
  }

  private untilPassed(): void {
    const now = this.now();
    const since = this.untilCheckedAt;
    this.untilCheckedAt = now;
    this.untilAt = Infinity;
    for (const entry of this.pages.values()) {
      const ended: string[] = [];
      for (const id of entry.wanted) {
        const expiresTime = this.deps.presenceOf(id)?.expiresTime ?? 0;
        if (expiresTime > since && expiresTime <= now) ended.push(id);
        else this.remakeAt(expiresTime, now); // the next one to end
      }
      this.sendViews(entry, ended);
    }
  }

  private post(entry: PageEntry, message: WorkerToPage): void {
    try {
      entry.port.postMessage(message);
    } catch {
      this.pages.delete(entry.port); // the page went away in between
    }
  }

  private refuse(port: PagePort): void {
    this.pages.delete(port);
    try {
      port.postMessage({ type: 'stop' });
      port.disconnect();
    } catch {
      // Already closed.
    }
  }
}
