import type {
  PresenceSource,
  SourceListener,
  SourcePresence,
} from '../../../src/core/presence-source';

/** A PresenceSource that records calls and lets a test push presences. */
export class FakeSource implements PresenceSource {
  readonly calls: Array<{ op: 'watch' | 'unwatch'; uuids: string[] }> = [];
  private readonly listeners = new Set<SourceListener>();

  watch(uuids: readonly string[]): void {
    this.calls.push({ op: 'watch', uuids: [...uuids] });
  }

  unwatch(uuids: readonly string[]): void {
    this.calls.push({ op: 'unwatch', uuids: [...uuids] });
  }

  onPresence(listener: SourceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(uuid: string, presence: SourcePresence): void {
    for (const listener of [...this.listeners]) listener(uuid, presence);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
