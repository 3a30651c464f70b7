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
}

/**
 * The worker's in-memory presence, mirrored to `storage.session` (what the popup paints from)
 * and, less often, to `storage.local` (what is shown as stale after a browser restart).
 * Writes are coalesced: a burst of updates becomes one write, and the newest state always wins.
 */
export class PresenceMirror {
  private readonly presences = new Map<string, Presence>();
  private dirty = false;
  private writing: Promise<void> | null = null;
  private lastKnownTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<(presence: Presence) => void>();

  constructor(private readonly options: PresenceMirrorOptions) {}

  /** Calls back with each presence set from now on (pages with badges follow changes this way). */
  onSet(listener: (presence: Presence) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
    let changed = false;
    for (const id of [...this.presences.keys()]) {
      if (!contactIds.has(id)) changed = this.presences.delete(id) || changed;
    }
    if (changed) this.schedule();
  }

  clear(): void {
    this.presences.clear();
    this.schedule();
  }

  snapshot(): PresenceMap {
    return Object.fromEntries(this.presences);
  }

  /** Resolves when everything set so far is in `storage.session`. */
  flush(): Promise<void> {
    return this.writing ?? Promise.resolve();
  }

  private schedule(): void {
    this.dirty = true;
    this.writing ??= this.drain();
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
