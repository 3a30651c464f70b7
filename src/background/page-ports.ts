/**
 * The worker's end of every page annotator's port (src/shared/page-protocol.ts). A port is
 * answered only when it comes from this extension's content script in a tab of an allowed site,
 * or of a tab the user granted from the popup; any other is told to stop and dropped. A page gets
 * the watched contacts' names and match terms, then what the badges of the contacts it shows say
 * (badge-views.ts), and every later change to them (batched per task).
 */
import type { Presence } from '../core/presence';
import { PagePeople } from '../shared/page-people';
import {
  parsePageToWorker,
  type BadgeView,
  type PageContacts,
  type WorkerToPage,
} from '../shared/page-protocol';
import { badgeView } from './badge-views';

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
  readonly contacts: () => Promise<{ contacts: PageContacts; focusable: boolean }>;
  readonly presenceOf: (contactId: string) => Presence | undefined;
  readonly now?: () => number;
}

interface PageEntry {
  readonly port: PagePort;
  readonly tabId: number;
  readonly url: string;
  wanted: ReadonlySet<string>;
}

export class PagePorts {
  private readonly pages = new Map<PagePort, PageEntry>();
  private readonly changed = new Map<string, Presence>();
  private flushQueued = false;
  /** The watched contacts as last sent to pages: their names go into the badge views. */
  private people = new PagePeople('');

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
    port.onMessage.addListener((raw) => {
      const message = parsePageToWorker(raw);
      if (!message.ok) return;
      entry.wanted = new Set(message.value.ids);
      if (admitted) this.sendViews(entry, entry.wanted);
    });
    port.onDisconnect.addListener(() => this.pages.delete(port));
    this.admit(entry)
      .then((ok) => {
        admitted = ok;
        if (ok) this.sendViews(entry, entry.wanted);
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
    for (const entry of this.pages.values()) {
      this.post(entry, message);
      // Names may have changed, and the views' labels say them.
      this.sendViews(entry, entry.wanted);
    }
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
    const { contacts, focusable } = await this.deps.contacts();
    this.people = new PagePeople(contacts.people);
    return { type: 'contacts', ...contacts, focusable };
  }

  private flushChanges(): void {
    this.flushQueued = false;
    const changed = [...this.changed.values()];
    this.changed.clear();
    const views = new Map<string, BadgeView>();
    for (const entry of this.pages.values()) {
      const wanted = changed.filter((p) => entry.wanted.has(p.contactId));
      for (const p of wanted) if (!views.has(p.contactId)) views.set(p.contactId, this.view(p));
      if (wanted.length > 0) {
        this.post(entry, { type: 'views', views: wanted.map((p) => views.get(p.contactId)!) });
      }
    }
  }

  private sendViews(entry: PageEntry, ids: Iterable<string>): void {
    const views: BadgeView[] = [];
    for (const id of ids) {
      const presence = this.deps.presenceOf(id);
      if (presence) views.push(this.view(presence));
    }
    if (views.length > 0) this.post(entry, { type: 'views', views });
  }

  private view(presence: Presence): BadgeView {
    const name = this.people.byId(presence.contactId)?.name ?? '';
    return badgeView(name, presence, (this.deps.now ?? Date.now)());
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
