/**
 * The subscription side of the real-time feed (docs/protocol.md §5): whom
 * to watch, Apheleia subscriptions renewed in batches, per-person retries, re-reads when a status
 * expires, and every result or push turned into a `SourcePresence` for the listeners.
 * `WebexPresenceSource` owns it and says when the feed goes live; nothing here throws.
 */
import type { Composition } from '../core/composition';
import {
  SUBSCRIPTION_UPDATE_EVENT,
  compositionToSourcePresence,
  parseComposition,
} from '../core/composition';
import { UNKNOWN_SOURCE_PRESENCE } from '../core/presence';
import type { SourceListener, SourcePresence } from '../core/presence-source';
import { presenceRecheckAt } from '../core/presence-recheck';
import { readCompositions, subscribe, unsubscribe } from './apheleia';
import type { MercuryEnvelope } from './mercury-envelope';
import { eventTypeOf } from './mercury-envelope';
import { MAX_SUBJECTS_PER_CALL } from './apheleia';
import { GapReread } from './gap-reread';
import { PresenceOutlet } from './presence-outlet';
import { SubscriptionAudit } from './subscription-audit';
import type { SubscriptionContext } from './subscription-context';
import { SubscriptionBook } from './subscription-book';
import { backoffMs } from './subscription-retry';
import { SubscribeResults } from './subscribe-results';
import type { TimerId } from './timers';

/** Re-read a little after the expiry, so the server has moved on too. */
const RECHECK_MARGIN_MS = 1_000;

export class PresenceSubscriptions {
  private readonly watched = new Set<string>();
  private readonly book = new SubscriptionBook();
  private readonly toSubscribe = new Set<string>();
  private readonly toUnsubscribe = new Set<string>();
  /** Who has a subscribe call out, and the number of the latest such call. */
  private readonly inFlight = new Map<string, number>();
  private calls = 0;
  private flushQueued = false;
  private wakeTimer: TimerId | undefined;
  private readonly gaps: GapReread;
  private readonly audit: SubscriptionAudit;
  private readonly results: SubscribeResults;
  private readonly outlet: PresenceOutlet;

  constructor(private readonly context: SubscriptionContext) {
    this.outlet = new PresenceOutlet(context.log);
    this.results = new SubscribeResults(this.book, context.ttl, context.log);
    this.gaps = new GapReread(
      context.timers,
      context.now,
      () => void this.readNow([...this.watched]),
    );
    this.audit = new SubscriptionAudit({
      timers: context.timers,
      ...(context.auditCycleMs === undefined ? {} : { cycleMs: context.auditCycleMs }),
      watched: () => [...this.watched],
      audit: (batch) => this.auditBatch(batch),
    });
  }

  /** How many people are watched (the read budget's allowance). */
  get watchedCount(): number {
    return this.watched.size;
  }

  /** Everyone watched, in the order they were added. */
  get watchedList(): readonly string[] {
    return [...this.watched];
  }

  /** Since when every subscribe call has failed on the server's side (5xx, network), if so. */
  get failingSince(): number | undefined {
    return this.results.failingSince;
  }

  /** A presence learnt another way (REST polling) goes to the listeners like a push. */
  report(uuid: string, presence: SourcePresence): void {
    if (this.watched.has(uuid)) this.emit(uuid, presence, this.context.now());
  }

  watch(uuids: readonly string[]): void {
    for (const raw of uuids) {
      const uuid = raw.toLowerCase();
      if (this.watched.has(uuid)) continue;
      this.watched.add(uuid);
      this.toUnsubscribe.delete(uuid);
      this.toSubscribe.add(uuid);
    }
    this.scheduleFlush();
  }

  unwatch(uuids: readonly string[]): void {
    for (const raw of uuids) {
      const uuid = raw.toLowerCase();
      if (!this.watched.delete(uuid)) continue;
      this.book.forget(uuid);
      this.outlet.forget(uuid);
      // Never sent: nothing to cancel. In flight: its reply cancels it (TTL 0) if it succeeded.
      // Otherwise tell Apheleia with TTL 0.
      if (!this.toSubscribe.delete(uuid) && !this.inFlight.has(uuid)) this.toUnsubscribe.add(uuid);
    }
    this.scheduleFlush();
  }

  onPresence(listener: SourceListener): () => void {
    return this.outlet.onPresence(listener);
  }

  /** The feed went live: pushes may have been missed, and a new device has no subscriptions. */
  async resubscribeAll(): Promise<void> {
    this.book.clear();
    this.toSubscribe.clear();
    this.audit.start();
    await this.subscribeNow([...this.watched]);
  }

  /** Mercury lost a push (sequence gap): everyone is read again, at most every 30 s. */
  readAllAfterGap(): void {
    this.gaps.gap();
  }

  /** Renews what is due and subscribes again whoever was lost (for the health check). */
  async catchUp(): Promise<void> {
    // Before wake(): it takes the due people out of the book.
    const lost = [...this.watched].filter((u) => !this.book.has(u) && !this.inFlight.has(u));
    const work: Promise<void>[] = [this.wake()];
    if (lost.length > 0) work.push(this.subscribeNow(lost));
    await Promise.all(work);
  }

  /** The socket is gone: no wake-ups until the feed is live again. */
  pause(): void {
    this.clearWakeTimer();
    this.gaps.cancel();
    this.audit.stop();
  }

  /** The feed stopped: forget all timing. Subscriptions are not cancelled: they lapse. */
  stop(): void {
    this.clearWakeTimer();
    this.gaps.cancel();
    this.audit.stop();
    this.book.clear();
  }

  handleEnvelope(envelope: MercuryEnvelope): void {
    if (eventTypeOf(envelope) !== SUBSCRIPTION_UPDATE_EVENT) return;
    const parsed = parseComposition(envelope.data);
    if (!parsed.ok) {
      this.context.log('warn', `Ignored a presence update: ${parsed.error}`);
      return;
    }
    const composition = parsed.value;
    if (!this.watched.has(composition.subject)) return;
    if (composition.status?.toLowerCase() === 'clear') {
      // `clear` is an operation, not a state (docs/protocol.md §8): ask what the status is now.
      void this.readNow([composition.subject]);
      return;
    }
    this.outlet.pushed(composition.subject);
    this.emitComposition(composition, this.context.now());
    this.reschedule();
  }

  // ---- subscribing and reading ----------------------------------------------------------------

  /** Batches watch/unwatch calls made in the same tick into one request each. */
  private scheduleFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      if (!this.context.isLive()) {
        // Going live subscribes everyone watched; unwatched subscriptions lapse on their own.
        this.toSubscribe.clear();
        this.toUnsubscribe.clear();
        return;
      }
      const gone = [...this.toUnsubscribe];
      const fresh = [...this.toSubscribe];
      this.toUnsubscribe.clear();
      this.toSubscribe.clear();
      if (gone.length > 0) void this.unsubscribeNow(gone);
      if (fresh.length > 0) void this.subscribeNow(fresh);
    });
  }

  private async unsubscribeNow(uuids: string[]): Promise<void> {
    const base = this.context.apheleiaBase();
    if (base === undefined) return;
    try {
      await unsubscribe(this.context.http, base, uuids);
    } catch (error) {
      this.context.log('warn', 'Unsubscribing failed; the subscriptions will lapse', error);
    }
  }

  private async subscribeNow(uuids: string[]): Promise<void> {
    const base = this.context.apheleiaBase();
    if (uuids.length === 0 || base === undefined) return;
    const run = this.context.runSignal();
    const call = ++this.calls;
    for (const uuid of uuids) this.inFlight.set(uuid, call);
    const results = await subscribe(this.context.http, base, uuids, this.context.ttl);
    // Only the latest call for a person speaks for them: an older one may finish first.
    const latest = new Set(uuids.filter((uuid) => this.inFlight.get(uuid) === call));
    for (const uuid of latest) this.inFlight.delete(uuid);
    if (run.aborted) return;
    const now = this.context.now();
    this.results.noteHealth(results, now);
    const toRead: string[] = [];
    const stale: string[] = [];
    for (const result of results) {
      if (!latest.has(result.subject)) continue;
      if (!this.watched.has(result.subject)) {
        if (result.responseCode === 200) stale.push(result.subject);
        continue;
      }
      if (result.error?.kind === 'auth') {
        this.context.signOut(result.error.message);
        return;
      }
      const outcome = this.results.record(result, now);
      if (outcome === 'retry-unknown') this.emit(result.subject, UNKNOWN_SOURCE_PRESENCE, now);
      if (outcome !== 'subscribed') continue;
      if (result.status !== undefined) this.emitComposition(result.status, now);
      else toRead.push(result.subject);
    }
    if (stale.length > 0) void this.unsubscribeNow(stale);
    this.reschedule();
    if (toRead.length > 0) await this.readNow(toRead);
  }

  private async readNow(uuids: string[]): Promise<void> {
    const base = this.context.apheleiaBase();
    if (uuids.length === 0 || base === undefined || !this.context.isLive()) return;
    const requests = Math.ceil(uuids.length / MAX_SUBJECTS_PER_CALL);
    if (!this.context.budget.tryTake(requests)) {
      // Over the budget: the same people are read as soon as it allows.
      const now = this.context.now();
      const at = now + this.context.budget.waitMs(requests);
      for (const uuid of uuids) this.book.recheck(uuid, at, now);
      this.reschedule();
      return;
    }
    const run = this.context.runSignal();
    const asked = this.outlet.mark;
    const { compositions, failures } = await readCompositions(this.context.http, base, uuids);
    if (run.aborted) return;
    const now = this.context.now();
    for (const composition of compositions) {
      const uuid = composition.subject;
      if (this.watched.has(uuid) && !this.outlet.pushedSince(uuid, asked)) {
        this.emitComposition(composition, now);
      }
    }
    for (const failure of failures) {
      if (failure.error.kind === 'auth') {
        this.context.signOut(failure.error.message);
        return;
      }
      for (const uuid of failure.subjects) {
        // Like subscribe failures: 10 s doubling to 10 min, or what Retry-After asked.
        const wait = failure.error.retryAfterMs ?? backoffMs(this.book.readFailed(uuid));
        this.book.recheck(uuid, now + wait, now);
      }
    }
    this.reschedule();
  }

  private emitComposition(composition: Composition, now: number): void {
    this.emit(composition.subject, this.outlet.presenceOf(composition, now), now);
  }

  /**
   * One audit batch: read it, and where the status differs from what the pushes said, correct it
   * and subscribe the batch again. A read that fails or does not fit the budget waits for the
   * next round.
   */
  private async auditBatch(batch: readonly string[]): Promise<void> {
    const base = this.context.apheleiaBase();
    if (base === undefined || !this.context.isLive() || !this.context.budget.tryTake(1)) return;
    const run = this.context.runSignal();
    const asked = this.outlet.mark;
    const { compositions } = await readCompositions(this.context.http, base, batch);
    if (run.aborted) return;
    const now = this.context.now();
    const differed: string[] = [];
    for (const composition of compositions) {
      const uuid = composition.subject;
      if (!this.watched.has(uuid) || this.outlet.pushedSince(uuid, asked)) continue;
      const presence = compositionToSourcePresence(composition, now);
      if (this.outlet.shownAs(uuid) === presence.status) continue;
      differed.push(uuid);
      this.emit(uuid, presence, now);
    }
    if (differed.length === 0) return;
    this.context.log(
      'warn',
      `${differed.length} presence(s) differed from what the pushes said: subscribing again`,
    );
    this.reschedule();
    await this.subscribeNow(batch.filter((uuid) => this.watched.has(uuid)));
  }

  private emit(uuid: string, presence: SourcePresence, now: number): void {
    this.book.presenceArrived(uuid);
    const recheck = presenceRecheckAt(presence, now);
    this.book.recheck(uuid, recheck === undefined ? undefined : recheck + RECHECK_MARGIN_MS, now);
    this.outlet.tell(uuid, presence);
  }

  // ---- the one timer --------------------------------------------------------------------------

  private reschedule(): void {
    this.clearWakeTimer();
    const next = this.book.nextWake();
    if (next === undefined || !this.context.isLive()) return;
    const delay = Math.max(0, next - this.context.now());
    this.wakeTimer = this.context.timers.setTimeout(() => {
      this.wakeTimer = undefined;
      void this.wake();
    }, delay);
  }

  private async wake(): Promise<void> {
    if (!this.context.isLive()) return;
    const due = this.book.takeDue(this.context.now());
    const subscribeDue = due.subscribe.filter((u) => this.watched.has(u) && !this.inFlight.has(u));
    const readDue = due.read.filter((u) => this.watched.has(u));
    this.reschedule();
    await Promise.all([this.subscribeNow(subscribeDue), this.readNow(readDue)]);
  }

  private clearWakeTimer(): void {
    if (this.wakeTimer !== undefined) this.context.timers.clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
  }
}
