/**
 * What the popup shows, and how it gets it: storage once, for the first paint, then what the
 * worker says over the UI port (presence changes, the new connection state, "the watch list
 * changed", which is read again then). No `storage.onChanged` listener: it would copy every large
 * write of any item (every contact's presence, the notification book) into the popup. Whatever
 * the port says before a read lands wins over it: the read may be older than the worker's state.
 *
 * The first paint waits for the small items only: the connection, the sort order and, while
 * presence is live, the list's first rows as the worker keeps them (src/shared/list-head.ts). The
 * whole watch list and live presence from `storage.session` are read once those rows are on
 * screen (at once when there is no usable head): at 1,000 contacts those reads are most of the time to the
 * first row. Last known presence (every contact, from disk) is only a fallback while the feed is
 * live, so it is read after the first paint then; otherwise it is waited for.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SIGNED_OUT, type ConnectionInfo } from '../shared/connection';
import type { WatchedContact } from '../shared/contact';
import { sortContactsByName, type SortOrder } from '../shared/contact-list';
import type { ListHead } from '../shared/list-head';
import type { PresenceChanges } from '../shared/presence-changes';
import type { PresenceMap } from '../shared/presence-map';
import {
  connectionItem,
  lastKnownPresenceItem,
  listHeadItem,
  listOrderItem,
  livePresenceItem,
  watchListItem,
  type LastKnownPresence,
} from '../shared/storage-items';
import type { PresenceFeed } from './presence-feed';

export class PopupData implements ReactiveController {
  /** Set once the first paint has what it needs (no flash of an empty list). */
  loaded = false;
  /** The watch list, in name order (sorted once per watch list, never per presence change). */
  byName: readonly WatchedContact[] = [];
  live: PresenceMap = {};
  lastKnown: LastKnownPresence = { presence: {}, savedAt: 0 };
  connection: ConnectionInfo = SIGNED_OUT;
  /** The worker's first rows, shown until the whole watch list has been read; then null. */
  head: ListHead | null = null;
  order: SortOrder = 'name';
  /** Bumped on every change of the above, so the popup knows when to rebuild its list. */
  version = 0;

  private heard = new Set<string>();
  private connectionHeard = false;
  private watchListReads = 0;
  private stopFeed: (() => void) | null = null;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly feed: () => PresenceFeed,
    /** Resolves once the first rows are on screen: the large reads wait for it. */
    private readonly painted: () => Promise<void>,
    private readonly collator: Intl.Collator,
  ) {
    host.addController(this);
  }

  /** Only a working feed makes presence fresh; otherwise what it said last is last known. */
  get fresh(): boolean {
    return this.connection.phase === 'live' || this.connection.phase === 'polling';
  }

  hostConnected(): void {
    this.connected = true;
    this.heard = new Set();
    this.connectionHeard = false;
    this.stopFeed = this.feed().subscribe((message) => {
      if (message.type === 'watchListChanged') void this.readWatchList();
      else if (message.type === 'connectionChanged') {
        this.connectionHeard = true;
        const wasFresh = this.fresh;
        this.change(() => (this.connection = message.connection));
        if (wasFresh && !this.fresh) void this.readLastKnown();
      } else this.apply(message);
    });
    void this.firstPaint();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stopFeed?.();
    this.stopFeed = null;
  }

  setOrder(order: SortOrder): void {
    this.change(() => (this.order = order));
    listOrderItem.set(order).catch((error: unknown) => {
      console.warn('Presence Lens: could not remember the sort order', error);
    });
  }

  private async firstPaint(): Promise<void> {
    const [head] = await Promise.all([
      listHeadItem.get().catch(() => null),
      connectionItem.get().then(
        (value) => {
          if (!this.connectionHeard) this.change(() => (this.connection = value));
        },
        () => undefined,
      ),
      listOrderItem.get().then(
        (value) => this.change(() => (this.order = value)),
        () => undefined,
      ),
    ]);
    // Only a head of live presence in the order shown stands in for the whole list.
    const useHead = head !== null && head.total > 0 && head.order === this.order && this.fresh;
    if (useHead) {
      this.change(() => {
        this.head = head;
        this.live = this.withHeard(head.presence);
      });
    } else await this.readRest();
    const fresh = this.fresh;
    if (!fresh) await this.readLastKnown();
    this.change(() => (this.loaded = true));
    // Their answers take the main thread for tens of ms at 1,000 contacts: after the first rows.
    await this.painted();
    if (useHead) void this.readRest();
    if (fresh) void this.readLastKnown();
  }

  private readRest(): Promise<unknown> {
    return Promise.all([this.readWatchList(), this.readLive()]);
  }

  private readWatchList(): Promise<void> {
    const read = ++this.watchListReads;
    return watchListItem.get().then(
      (contacts) => {
        if (read !== this.watchListReads) return;
        this.change(() => {
          this.byName = sortContactsByName(contacts, this.collator);
          this.head = null;
        });
      },
      () => undefined,
    );
  }

  private readLive(): Promise<void> {
    return livePresenceItem.get().then(
      (stored) => this.change(() => (this.live = this.withHeard(stored))),
      () => undefined, // Storage unavailable: changes still arrive.
    );
  }

  private readLastKnown(): Promise<void> {
    return lastKnownPresenceItem.get().then(
      (value) => this.change(() => (this.lastKnown = value)),
      () => undefined,
    );
  }

  /** Stored presence, under what the port said since the popup opened. */
  private withHeard(stored: PresenceMap): PresenceMap {
    const merged: Record<string, PresenceMap[string]> = { ...stored };
    for (const id of this.heard) {
      const newer = this.live[id];
      if (newer) merged[id] = newer;
      else delete merged[id];
    }
    return merged;
  }

  private apply(changes: PresenceChanges): void {
    const next: Record<string, PresenceMap[string]> = { ...this.live, ...changes.changed };
    for (const id of changes.removed) delete next[id];
    for (const id of Object.keys(changes.changed)) this.heard.add(id);
    for (const id of changes.removed) this.heard.add(id);
    this.change(() => (this.live = next));
  }

  private change(update: () => unknown): void {
    if (!this.connected) return;
    update();
    this.version++;
    this.host.requestUpdate();
  }
}
