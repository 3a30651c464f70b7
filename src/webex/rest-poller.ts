/**
 * The REST fallback (docs/protocol.md §6.1): while the real-time path is refused, each watched
 * person's presence is read with `GET /v1/people/{id}` (a batch `?id=` lookup never carries
 * `status`), one person at a time, spread evenly over a cycle that fits the read budget and
 * 4 requests a second. The public API knows only its nine statuses and `lastActivity`.
 */
import type { SourcePresence } from '../core/presence-source';
import { compositionToSourcePresence } from '../core/composition';
import type { WebexError } from './errors';
import { toWebexError } from './errors';
import type { Logger } from './log';
import type { Person } from './person';
import type { ReadBudget } from './read-budget';
import type { TimerId, Timers } from './timers';

/** Each person is asked about once per cycle, at least this long (75 % of the read budget). */
const MIN_CYCLE_MS = 75_000;
/** Leaves room under the 5 requests a second of the request gate. */
const MAX_POLLS_PER_SECOND = 4;

export interface RestPollerHooks {
  readonly timers: Timers;
  readonly now: () => number;
  readonly log: Logger;
  readonly budget: ReadBudget;
  /** Everyone watched (CI UUIDs), in a stable order. */
  watched(): readonly string[];
  /** `GET /v1/people/{id}` for this UUID. */
  fetchPerson(uuid: string): Promise<Person>;
  emit(uuid: string, presence: SourcePresence): void;
  /** A 401: the token is dead. */
  signOut(error: WebexError): void;
}

/** The poll cycle for this many people: how often each one's status is read. */
export function pollCycleMs(count: number): number {
  return Math.max(MIN_CYCLE_MS, Math.ceil((count * 1000) / MAX_POLLS_PER_SECOND));
}

/** A person's presence from REST, or undefined when the API did not say (another org, hidden). */
export function personPresence(
  uuid: string,
  person: Person,
  now: number,
): SourcePresence | undefined {
  if (person.status === undefined) return undefined;
  const lastActive = person.lastActivity === undefined ? NaN : Date.parse(person.lastActivity);
  return compositionToSourcePresence(
    {
      subject: uuid,
      status: person.status,
      ...(Number.isFinite(lastActive) && lastActive > 0 ? { lastActiveTime: lastActive } : {}),
    },
    now,
  );
}

export class RestPoller {
  private timer: TimerId | undefined;
  private cursor = 0;

  constructor(private readonly hooks: RestPollerHooks) {}

  get running(): boolean {
    return this.timer !== undefined;
  }

  /** How often each person is read right now, in ms. */
  get cycleMs(): number {
    return pollCycleMs(this.hooks.watched().length);
  }

  /** Starts polling (the first person at once); a running poller keeps its rota. */
  start(): void {
    if (this.running) return;
    this.timer = this.hooks.timers.setTimeout(() => void this.tick(), 0);
  }

  stop(): void {
    if (this.timer !== undefined) this.hooks.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async tick(): Promise<void> {
    const watched = this.hooks.watched();
    if (watched.length > 0) {
      if (this.cursor >= watched.length) this.cursor = 0;
      const uuid = watched[this.cursor++];
      if (uuid !== undefined && this.hooks.budget.tryTake(1)) await this.poll(uuid);
    }
    if (this.timer === undefined) return;
    const gap = this.cycleMs / Math.max(1, watched.length);
    this.timer = this.hooks.timers.setTimeout(() => void this.tick(), gap);
  }

  private async poll(uuid: string): Promise<void> {
    try {
      const person = await this.hooks.fetchPerson(uuid);
      if (!this.running) return;
      const presence = personPresence(uuid, person, this.hooks.now());
      if (presence !== undefined) this.hooks.emit(uuid, presence);
    } catch (error) {
      const failure = toWebexError(error);
      if (!this.running || failure.kind === 'cancelled') return;
      if (failure.kind === 'auth') this.hooks.signOut(failure);
      else this.hooks.log('debug', `Polling ${uuid} failed: ${failure.message}`);
    }
  }
}
