import type { Presence } from '../core/presence';
import type { PresenceMap } from '../shared/presence-map';
import type { StorageItem } from '../shared/typed-storage';
import type { LastKnownPresence } from '../shared/storage-items';

export interface PresenceMirrorOptions {
  readonly live: StorageItem<PresenceMap>;
  readonly lastKnown: StorageItem<LastKnownPresence>;
  readonly now?: () => number;
  /** How long the last-known copy in `storage.local` may lag behind; it only serves restarts. */
  readonly lastKnownDelayMs?: number;
  /**
   * How long the `storage.session` copy may lag behind. It serves a popup's first paint and a
   * restarted worker; an open popup gets changes over its port (presence-followers.ts), and a
   * popup that opens during the lag gets the recent ones there too. Every write of the whole map
   * (old and new value) is copied into every extension page listening to `storage.onChanged`.
   */
  readonly sessionDelayMs?: number;
}

/** Default lag of the session copy. */
const SESSION_DELAY_MS = 1_000;

/**
 * The worker's in-memory presence, mirrored to `storage.session` (what the popup paints from)
 * and, less often, to `storage.local` (what is shown as stale after a browser restart).
 * Writes are coalesced: a burst of updates becomes one write, and the newest state always wins.
 * Listeners hear each change at once (pages with badges, the open popup).
 */
export class PresenceMirror {
  private readonly presences = new Map<string, Presence>();
  private dirty = false;
  private writing: Promise<void> | null = null;
  private sessionTimer: ReturnType<typeof setTimeout> | null = null;
  private lastKnownTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<(presence: Presence) => void>();
  private readonly removeListeners = new Set<(contactIds: readonly string[]) => void>();

  constructor(private readonly options: PresenceMirrorOptions) {}

  /** Calls back with each presence set from now on (pages with badges follow changes this way). */
  onSet(listener: (presence: Presence) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls back with the contacts forgotten from now on (unwatched, or everyone on sign-out). */
  onRemove(listener: (contactIds: readonly string[]) => void): () => void {
    this.removeListeners.add(listener);
    return () => this.removeListeners.delete(listener);
  }

  get(contactId: string): Presence | undefined {
    return this.presences.get(contactId);
  }

  /** Starts from what the session already holds, so a restarted worker changes nothing. */
  async restore(): Promise<void> {
    const stored = await this.options.live.get();
    for (const [id, presence] of Object.entries(stored)) {
      if (!this.presences.has(id)) this.presences.set(id, presence);
    }
  }

  set(presence: Presence): void {
    this.presences.set(presence.contactId, presence);
    this.schedule();
    for (const listener of this.listeners) listener(presence);
  }

  /** Keeps only these contacts (the watch list); forgets the rest. */
  retain(contactIds: ReadonlySet<string>): void {
    const removed = [...this.presences.keys()].filter((id) => !contactIds.has(id));
    for (const id of removed) this.presences.delete(id);
    if (removed.length > 0) this.removed(removed);
  }

  clear(): void {
    const removed = [...this.presences.keys()];
    this.presences.clear();
    this.schedule();
    if (removed.length > 0) for (const listener of this.removeListeners) listener(removed);
  }

  snapshot(): PresenceMap {
    return Object.fromEntries(this.presences);
  }

  /** Writes what is pending now; resolves when everything set so far is in `storage.session`. */
  flush(): Promise<void> {
    if (this.sessionTimer !== null) {
      clearTimeout(this.sessionTimer);
      this.sessionTimer = null;
      this.writing ??= this.drain();
    }
    return this.writing ?? Promise.resolve();
  }

  private removed(contactIds: readonly string[]): void {
    this.schedule();
    for (const listener of this.removeListeners) listener(contactIds);
  }

  private schedule(): void {
    this.dirty = true;
    if (this.writing === null) {
      this.sessionTimer ??= setTimeout(() => {
        this.sessionTimer = null;
        this.writing ??= this.drain();
      }, this.options.sessionDelayMs ?? SESSION_DELAY_MS);
    }
    this.lastKnownTimer ??= setTimeout(() => {
      this.lastKnownTimer = null;
      const now = this.options.now?.() ?? Date.now();
      void this.options.lastKnown.set({ presence: this.snapshot(), savedAt: now });
    }, this.options.lastKnownDelayMs ?? 2_000);
  }

  private async drain(): Promise<void> {
    await Promise.resolve(); // let a burst of set() calls land first
    try {
      while (this.dirty) {
        this.dirty = false;
        await this.options.live.set(this.snapshot());
      }
    } catch (error) {
      console.error('Presence Lens: could not write live presence', error);
    } finally {
      this.writing = null;
    }
  }
}
