/**
 * Keeps the popup's first rows in `storage.session` (src/shared/list-head.ts): rewritten after
 * presence, watch-list and sort-order changes, at most every `delayMs` (a reconnect delivers
 * dozens of presences at once). The watch list is sorted by name once per watch list; a change of
 * presence costs a stable sort by state at most.
 */
import type { WatchedContact } from '../shared/contact';
import { sortContactsByName, type SortOrder } from '../shared/contact-list';
import { listHeadOf, type ListHead } from '../shared/list-head';
import type { PresenceMap } from '../shared/presence-map';

/** Within the lag of the session presence copy (presence-mirror.ts), which the head goes with. */
const DELAY_MS = 500;

export interface ListHeadWriterDeps {
  readonly watchList: () => Promise<readonly WatchedContact[]>;
  readonly order: () => Promise<SortOrder>;
  readonly presences: () => PresenceMap;
  readonly write: (head: ListHead) => Promise<void>;
  readonly collator: Intl.Collator;
  readonly delayMs?: number;
}

export class ListHeadWriter {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private byName: Promise<readonly WatchedContact[]> | null = null;
  private writing: Promise<void> = Promise.resolve();
  /** What was written last, as JSON: a head that did not change is not written again. */
  private written: string | null = null;

  constructor(private readonly deps: ListHeadWriterDeps) {}

  /** Something the head shows may have changed. */
  schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.writing = this.writing.then(() => this.write());
    }, this.deps.delayMs ?? DELAY_MS);
  }

  watchListChanged(): void {
    this.byName = null;
    this.schedule();
  }

  private async write(): Promise<void> {
    try {
      this.byName ??= this.deps
        .watchList()
        .then((list) => sortContactsByName(list, this.deps.collator));
      const [byName, order] = await Promise.all([this.byName, this.deps.order()]);
      const head = listHeadOf(byName, this.deps.presences(), order, this.deps.collator);
      // Most presence changes are of people below the first rows: nothing to write then (every
      // write is copied to each extension page listening to storage changes).
      const text = JSON.stringify(head);
      if (text === this.written) return;
      await this.deps.write(head);
      this.written = text;
    } catch (error) {
      this.byName = null;
      this.written = null;
      // The popup then paints from the whole list, as it would without a head.
      console.warn('Presence Lens: could not write the list head', error);
    }
  }
}
