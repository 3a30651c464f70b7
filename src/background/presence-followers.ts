/**
 * The extension pages that follow presence (the open popup). A page paints from `storage.session`
 * first; that copy lags the worker's memory by up to a second (presence-mirror.ts). So when a page
 * asks to follow, it gets what changed in the last `RECENT_MS` (far longer than that lag), and from
 * then on only what changes. Changes made in one task (a push batch, a re-read) are sent as one
 * message per page, after the task: a burst of 50 updates is one message, not 50.
 */
import type { Presence } from '../core/presence';
import {
  isFollowPresence,
  presenceChanges,
  type ConnectionChanged,
  type PresenceChanges,
  type WatchListChanged,
} from '../shared/presence-changes';

export interface FollowerPort {
  readonly sender?: { readonly url?: string };
  postMessage(message: unknown): void;
  readonly onMessage: { addListener(callback: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(callback: () => void): void };
}

export interface PresenceFollowersOptions {
  /** `runtime.getURL('')`: only the extension's own pages may follow (never a content script). */
  readonly extensionOrigin: string;
  /** The worker's presence of one contact; undefined when it holds none. */
  readonly presenceOf: (contactId: string) => Presence | undefined;
  readonly now?: () => number;
  /** Where the batch is sent from; a microtask by default (tests may run it at once). */
  readonly defer?: (send: () => void) => void;
}

/** Changes older than this are in `storage.session` by the time a page has read it. */
export const RECENT_MS = 10_000;

export class PresenceFollowers {
  private readonly ports = new Set<FollowerPort>();
  /** When each contact last changed, for the pages that follow from now on. */
  private readonly recent = new Map<string, number>();
  private changed = new Map<string, Presence>();
  private removed = new Set<string>();
  private scheduled = false;

  constructor(private readonly options: PresenceFollowersOptions) {}

  /** For a UI port: it becomes a follower once it posts the follow request. */
  accept(port: FollowerPort): void {
    if (!port.sender?.url?.startsWith(this.options.extensionOrigin)) return;
    port.onMessage.addListener((message) => {
      if (!isFollowPresence(message) || this.ports.has(port)) return;
      this.ports.add(port);
      this.post(port, this.recentChanges());
    });
    port.onDisconnect.addListener(() => this.ports.delete(port));
  }

  set(presence: Presence): void {
    this.remember([presence.contactId]);
    if (this.ports.size === 0) return;
    this.removed.delete(presence.contactId);
    this.changed.set(presence.contactId, presence);
    this.schedule();
  }

  remove(contactIds: readonly string[]): void {
    this.remember(contactIds);
    if (this.ports.size === 0 || contactIds.length === 0) return;
    for (const id of contactIds) {
      this.changed.delete(id);
      this.removed.add(id);
    }
    this.schedule();
  }

  private remember(contactIds: readonly string[]): void {
    const now = this.options.now?.() ?? Date.now();
    for (const id of contactIds) {
      this.recent.delete(id); // re-inserted last: the map stays in time order
      this.recent.set(id, now);
    }
    for (const [id, at] of this.recent) {
      if (now - at < RECENT_MS) break;
      this.recent.delete(id);
    }
  }

  private recentChanges(): PresenceChanges {
    const now = this.options.now?.() ?? Date.now();
    const changed: Record<string, Presence> = {};
    const removed: string[] = [];
    for (const [id, at] of this.recent) {
      if (now - at >= RECENT_MS) continue;
      const presence = this.options.presenceOf(id);
      if (presence) changed[id] = presence;
      else removed.push(id);
    }
    return presenceChanges(changed, removed);
  }

  /** For every follower at once, e.g. "the connection changed" (small messages only). */
  broadcast(message: ConnectionChanged | WatchListChanged): void {
    for (const port of this.ports) this.post(port, message);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const defer = this.options.defer ?? queueMicrotask;
    defer(() => this.send());
  }

  private send(): void {
    this.scheduled = false;
    const message = presenceChanges(Object.fromEntries(this.changed), [...this.removed]);
    this.changed = new Map();
    this.removed = new Set();
    for (const port of this.ports) this.post(port, message);
  }

  private post(port: FollowerPort, message: unknown): void {
    try {
      port.postMessage(message);
    } catch {
      // The page went away between its disconnect and our send.
      this.ports.delete(port);
    }
  }
}
