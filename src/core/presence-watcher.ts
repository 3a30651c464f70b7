/**
 * The SDK's `startWatchingPresences` / `stopWatchingPresences` over a `PresenceSource`.
 *
 * Watchers are counted per person (CI UUID), so a source sees `watch` only when someone gains
 * their first watcher and `unwatch` when the last one stops; handle numbers are one per person.
 */
import { looksLikeUuid, personIdToUuid } from './hydra-id';
import type { Presence, PresenceCallback, PresenceHandle } from './presence';
import type { PresenceSource, SourcePresence } from './presence-source';

export interface PresenceWatcherOptions {
  /** People the caller already knows are not watchable (bots, not found): their handles are invalid. */
  readonly isKnownInvalid?: (uuid: string) => boolean;
  /** Where a throwing callback's error goes; it never reaches other callbacks. Default: console.error. */
  readonly onCallbackError?: (error: unknown) => void;
}

interface Watch {
  readonly uuid: string;
  readonly contactId: string;
  readonly callback: PresenceCallback;
  active: boolean;
  /** The source presence this watch last saw, so a queued first delivery is not repeated. */
  lastDelivered: SourcePresence | undefined;
}

function samePresence(a: SourcePresence, b: SourcePresence): boolean {
  return (
    a.status === b.status &&
    a.customStatus === b.customStatus &&
    a.lastActiveTime === b.lastActiveTime &&
    a.expiresTime === b.expiresTime
  );
}

export class PresenceWatcher {
  private readonly watchesByUuid = new Map<string, Watch[]>();
  private readonly watchByHandle = new WeakMap<PresenceHandle, Watch>();
  private readonly numberByKey = new Map<string, number>();
  private readonly uuidByNumber = new Map<number, string>();
  private readonly latest = new Map<string, SourcePresence>();
  private readonly removeListener: () => void;
  private nextNumber = 1;
  private disposed = false;

  constructor(
    private readonly source: PresenceSource,
    private readonly options: PresenceWatcherOptions = {},
  ) {
    this.removeListener = source.onPresence((uuid, presence) => this.receive(uuid, presence));
  }

  startWatchingPresences(
    contactIds: readonly string[],
    onUpdate: PresenceCallback,
  ): PresenceHandle[] {
    if (this.disposed) throw new Error('This PresenceWatcher has been disposed.');
    const firstWatched: string[] = [];
    const handles = contactIds.map((contactId) => {
      const decoded = personIdToUuid(contactId);
      if (!decoded.ok) {
        return this.makeHandle(`invalid:${contactId}`, contactId, false);
      }
      const uuid = decoded.value;
      if (this.options.isKnownInvalid?.(uuid) === true) {
        return this.makeHandle(uuid, contactId, false);
      }
      const handle = this.makeHandle(uuid, contactId, true);
      const watch: Watch = {
        uuid,
        contactId,
        callback: onUpdate,
        active: true,
        lastDelivered: undefined,
      };
      this.watchByHandle.set(handle, watch);
      const list = this.watchesByUuid.get(uuid);
      if (list === undefined) {
        this.watchesByUuid.set(uuid, [watch]);
        firstWatched.push(uuid);
      } else {
        list.push(watch);
      }
      if (this.latest.has(uuid)) queueMicrotask(() => this.deliverLatest(watch));
      return handle;
    });
    if (firstWatched.length > 0) this.source.watch(firstWatched);
    return handles;
  }

  stopWatchingPresences(handles: readonly PresenceHandle[]): void {
    const lastGone: string[] = [];
    for (const handle of handles) {
      const watch = this.findWatch(handle);
      if (watch === undefined || !watch.active) continue;
      watch.active = false;
      const list = this.watchesByUuid.get(watch.uuid) ?? [];
      const remaining = list.filter((w) => w !== watch);
      if (remaining.length > 0) {
        this.watchesByUuid.set(watch.uuid, remaining);
      } else {
        this.watchesByUuid.delete(watch.uuid);
        this.latest.delete(watch.uuid);
        lastGone.push(watch.uuid);
      }
    }
    if (lastGone.length > 0) this.source.unwatch(lastGone);
  }

  /** The last known presence of a watched person, by Hydra id or UUID; the `contactId` is `id`. */
  current(contactIdOrUuid: string): Presence | undefined {
    const uuid = looksLikeUuid(contactIdOrUuid)
      ? contactIdOrUuid.toLowerCase()
      : personIdToUuid(contactIdOrUuid);
    const key = typeof uuid === 'string' ? uuid : uuid.ok ? uuid.value : undefined;
    if (key === undefined) return undefined;
    const presence = this.latest.get(key);
    return presence === undefined ? undefined : { contactId: contactIdOrUuid, ...presence };
  }

  watchedUuids(): string[] {
    return [...this.watchesByUuid.keys()];
  }

  /** Ends every watch, tells the source, and stops listening. The watcher cannot be used again. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.removeListener();
    const uuids = this.watchedUuids();
    for (const list of this.watchesByUuid.values()) for (const w of list) w.active = false;
    this.watchesByUuid.clear();
    this.latest.clear();
    if (uuids.length > 0) this.source.unwatch(uuids);
  }

  private makeHandle(key: string, contactId: string, isValid: boolean): PresenceHandle {
    let handle = this.numberByKey.get(key);
    if (handle === undefined) {
      handle = this.nextNumber++;
      this.numberByKey.set(key, handle);
      if (!key.startsWith('invalid:')) this.uuidByNumber.set(handle, key);
    }
    return Object.freeze({ handle, contactId, isValid });
  }

  /** Our own handle object, else the most recent watch of the person with that handle number. */
  private findWatch(handle: PresenceHandle): Watch | undefined {
    if (typeof handle !== 'object' || handle === null) return undefined;
    const own = this.watchByHandle.get(handle);
    if (own !== undefined) return own;
    const uuid = this.uuidByNumber.get(handle.handle);
    if (uuid === undefined) return undefined;
    const list = this.watchesByUuid.get(uuid);
    return list?.[list.length - 1];
  }

  private receive(uuid: string, presence: SourcePresence): void {
    const key = uuid.toLowerCase();
    const list = this.watchesByUuid.get(key);
    if (list === undefined) return;
    const previous = this.latest.get(key);
    if (previous !== undefined && samePresence(previous, presence)) return;
    const stored: SourcePresence = { ...presence };
    this.latest.set(key, stored);
    // Copy: a callback may stop watches (its own or others') while we iterate.
    for (const watch of [...list]) this.deliver(watch, stored);
  }

  private deliverLatest(watch: Watch): void {
    const presence = this.latest.get(watch.uuid);
    if (presence !== undefined) this.deliver(watch, presence);
  }

  private deliver(watch: Watch, presence: SourcePresence): void {
    if (!watch.active || watch.lastDelivered === presence) return;
    watch.lastDelivered = presence;
    try {
      watch.callback({ contactId: watch.contactId, ...presence });
    } catch (error) {
      (this.options.onCallbackError ?? console.error)(error);
    }
  }
}
