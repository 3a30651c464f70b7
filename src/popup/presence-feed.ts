/**
 * Where the popup hears from the worker: the UI port (main.ts) delivers each raw message here, it
 * is validated, and every subscriber gets the parsed message (presence changes, a new connection
 * state, "the watch list changed"). Messages that arrive before the popup subscribes are kept for
 * it, so nothing sent at the port's opening is lost.
 */
import { parseFollowerMessage, type FollowerMessage } from '../shared/presence-changes';

export type ChangeListener = (message: FollowerMessage) => void;

export class PresenceFeed {
  private readonly listeners = new Set<ChangeListener>();
  private pending: FollowerMessage[] = [];

  /** For the port: anything that is not a valid change is dropped (and said so in the console). */
  readonly deliver = (raw: unknown): void => {
    const parsed = parseFollowerMessage(raw);
    if (!parsed.ok) {
      console.warn(`Presence Lens: ignored a message from the background: ${parsed.error}`);
      return;
    }
    if (this.listeners.size === 0) this.pending.push(parsed.value);
    for (const listener of this.listeners) listener(parsed.value);
  };

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    const pending = this.pending;
    this.pending = [];
    for (const message of pending) listener(message);
    return () => this.listeners.delete(listener);
  }
}

/** The popup page's one feed. */
export const popupPresenceFeed = new PresenceFeed();
