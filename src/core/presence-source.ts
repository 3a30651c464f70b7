import type { Presence } from './presence';

/** What a source knows about one person, before it is tied to the contact id a watcher used. */
export type SourcePresence = Omit<Presence, 'contactId'>;

/** `uuid` is the person's raw CI user UUID (lower case), the id Apheleia speaks. */
export type SourceListener = (uuid: string, presence: SourcePresence) => void;

/**
 * Where presence comes from (the Webex real-time path, a REST poller, a test fake).
 * The watcher calls `watch` when a person gains their first watcher and `unwatch` when the last
 * one stops, so a source never sees duplicates and never has to count.
 */
export interface PresenceSource {
  watch(uuids: readonly string[]): void;
  unwatch(uuids: readonly string[]): void;
  /** Returns a function that removes the listener. */
  onPresence(listener: SourceListener): () => void;
}
