/**
 * When real time is refused, presence from REST meanwhile (docs/protocol.md §6.1): the poller, and
 * the feed saying why ("polling"). Real time is retried all the while; once a socket is live
 * again, or Apheleia answers again, polling stops.
 */
import { uuidToPersonId } from '../core/hydra-id';
import type { SourcePresence } from '../core/presence-source';
import { t } from '../ui/i18n';
import type { WebexError } from './errors';
import type { FeedStateReporter } from './feed-state';
import type { Logger } from './log';
import type { PeopleApi } from './people-api';
import type { ReadBudget } from './read-budget';
import { RestPoller } from './rest-poller';
import type { Timers } from './timers';

/** Apheleia refusing every subscription this long counts as real time being unavailable. */
const APHELEIA_OUTAGE_MS = 2 * 60_000;

export interface RestFallbackDeps {
  readonly timers: Timers;
  readonly now: () => number;
  readonly log: Logger;
  readonly budget: ReadBudget;
  readonly feed: FeedStateReporter;
  readonly people: () => PeopleApi;
  /** Everyone watched (CI UUIDs), in a stable order. */
  readonly watched: () => readonly string[];
  readonly emit: (uuid: string, presence: SourcePresence) => void;
  /** Since when Apheleia has refused every subscription; undefined while it answers. */
  readonly subscriptionsFailingSince: () => number | undefined;
  readonly signOut: (error: WebexError) => void;
}

export class RestFallback {
  private readonly poller: RestPoller;

  constructor(private readonly deps: RestFallbackDeps) {
    this.poller = new RestPoller({
      timers: deps.timers,
      now: deps.now,
      log: deps.log,
      budget: deps.budget,
      watched: deps.watched,
      fetchPerson: (uuid) => deps.people().get(uuidToPersonId(uuid)),
      emit: deps.emit,
      signOut: deps.signOut,
    });
  }

  get running(): boolean {
    return this.poller.running;
  }

  /** Presence from REST until real time works again; the feed says why. */
  start(why: string): void {
    this.poller.start();
    const every = Math.round(this.poller.cycleMs / 1000);
    this.deps.feed.set('polling', t('webex_polling', [String(every), why]));
  }

  stop(): void {
    this.poller.stop();
  }

  /** Live, but Apheleia has refused every subscription for minutes: poll until it recovers. */
  checkApheleia(): void {
    const since = this.deps.subscriptionsFailingSince();
    const failing = since !== undefined && this.deps.now() - since >= APHELEIA_OUTAGE_MS;
    if (failing && !this.running) {
      this.start(t('webex_polling_reason_presence_failing'));
    } else if (!failing && this.running) {
      this.stop();
      this.deps.feed.set('live');
    }
  }
}
