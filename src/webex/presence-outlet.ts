/**
 * Where presence leaves the subscriptions: the listeners, what each person was last shown as
 * (the audit compares with it), and when pushes came (a read answers for the time it was asked:
 * a push that came after it is newer and wins).
 */
import type { Composition } from '../core/composition';
import { compositionToSourcePresence } from '../core/composition';
import { PresenceStatus } from '../core/presence';
import type { SourceListener, SourcePresence } from '../core/presence-source';
import type { Logger } from './log';

export class PresenceOutlet {
  private readonly listeners = new Set<SourceListener>();
  private readonly shown = new Map<string, PresenceStatus>();
  /** Counts pushes; `pushedAt` holds the count at each person's latest push. */
  private pushes = 0;
  private readonly pushedAt = new Map<string, number>();

  constructor(private readonly log: Logger) {}

  onPresence(listener: SourceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A push about `uuid` arrived. */
  pushed(uuid: string): void {
    this.pushedAt.set(uuid, ++this.pushes);
  }

  /** What a read notes when it is asked, for `pushedSince`. */
  get mark(): number {
    return this.pushes;
  }

  pushedSince(uuid: string, mark: number): boolean {
    return (this.pushedAt.get(uuid) ?? 0) > mark;
  }

  shownAs(uuid: string): PresenceStatus | undefined {
    return this.shown.get(uuid);
  }

  /** No longer watched. */
  forget(uuid: string): void {
    this.shown.delete(uuid);
    this.pushedAt.delete(uuid);
  }

  /** A composition as presence; a status this client does not know is logged, not hidden. */
  presenceOf(composition: Composition, now: number): SourcePresence {
    const presence = compositionToSourcePresence(composition, now);
    const raw = composition.status;
    if (presence.status === PresenceStatus.Unknown && raw !== undefined && raw !== 'unknown') {
      this.log('info', `Unknown presence status "${raw.slice(0, 40)}" shown as Unknown`);
    }
    return presence;
  }

  tell(uuid: string, presence: SourcePresence): void {
    this.shown.set(uuid, presence.status);
    for (const listener of [...this.listeners]) {
      try {
        listener(uuid, presence);
      } catch (error) {
        this.log('error', 'A presence listener threw', error);
      }
    }
  }
}
