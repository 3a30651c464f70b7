/**
 * Apheleia, the presence service (docs/protocol.md §5): subscribe / renew / unsubscribe and
 * batch reads, each split into calls of at most 50 subjects sent in parallel.
 */
import type { Composition } from '../core/composition';
import { parseComposition } from '../core/composition';
import { chunk, isFiniteNumber, isNonEmptyString, isRecord } from '../core/json-guards';
import { err, ok } from '../core/result';
import type { Result } from '../core/result';
import { WebexError, toWebexError } from './errors';
import type { HttpClient } from './http';
import { joinUrl } from './urls';

/** Apheleia takes at most this many subjects per subscribe or read call. */
export const MAX_SUBJECTS_PER_CALL = 50;
export const DEFAULT_SUBSCRIPTION_TTL_S = 600;

/** Granted TTLs are kept between a minute (no renewal storm) and a day (no subscription forgotten). */
export const MIN_SUBSCRIPTION_TTL_S = 60;
export const MAX_SUBSCRIPTION_TTL_S = 86_400;
/** A `retry` is at least 5 s (no hammering) and at most a day. */
export const MIN_RETRY_S = 5;
export const MAX_RETRY_S = 86_400;

/** A granted `subscriptionTtl`, clamped; 0 (none granted: the caller uses its own) for nonsense. */
function clampSubscriptionTtl(seconds: unknown): number {
  if (!isFiniteNumber(seconds) || seconds <= 0) return 0;
  return Math.min(Math.max(seconds, MIN_SUBSCRIPTION_TTL_S), MAX_SUBSCRIPTION_TTL_S);
}

/** A `retry` in seconds, clamped; undefined (the caller's default applies) for nonsense. */
function clampRetrySeconds(seconds: unknown): number | undefined {
  if (!isFiniteNumber(seconds) || seconds < 0) return undefined;
  return Math.min(Math.max(seconds, MIN_RETRY_S), MAX_RETRY_S);
}

export interface SubscriptionResult {
  readonly subject: string;
  /** Per-subject code (200, 401, 403, 409, ...); for a failed call, its HTTP status or 0. */
  readonly responseCode: number;
  /** Seconds, as granted by the server (use it, not the requested one). */
  readonly subscriptionTtl: number;
  /** Seconds to wait before trying again (409, or Retry-After of a failed call). */
  readonly retry?: number;
  readonly status?: Composition;
  /** Set when the whole call for this subject's batch failed. */
  readonly error?: WebexError;
}

function parseSubscriptionEntry(entry: unknown): SubscriptionResult | undefined {
  if (!isRecord(entry) || !isNonEmptyString(entry['subject'])) return undefined;
  const code = entry['responseCode'];
  const retry = clampRetrySeconds(entry['retry']);
  const status = entry['status'] === undefined ? undefined : parseComposition(entry['status']);
  return {
    subject: entry['subject'].toLowerCase(),
    responseCode: isFiniteNumber(code) ? code : 0,
    subscriptionTtl: clampSubscriptionTtl(entry['subscriptionTtl']),
    ...(retry === undefined ? {} : { retry }),
    // A composition that fails validation is dropped: the caller re-reads it instead.
    ...(status?.ok === true ? { status: status.value } : {}),
  };
}

export function parseSubscriptionReply(json: unknown): Result<SubscriptionResult[]> {
  if (!isRecord(json) || !Array.isArray(json['responses'])) {
    return err('The subscription reply has no "responses" list.');
  }
  const results: SubscriptionResult[] = [];
  for (const entry of json['responses']) {
    const result = parseSubscriptionEntry(entry);
    if (result !== undefined) results.push(result);
  }
  return ok(results);
}

function failedBatch(subjects: readonly string[], error: WebexError): SubscriptionResult[] {
  const retry = error.retryAfterMs === undefined ? {} : { retry: error.retryAfterMs / 1000 };
  return subjects.map((subject) => ({
    subject,
    responseCode: error.status ?? 0,
    subscriptionTtl: 0,
    ...retry,
    error,
  }));
}

/** The asked-for subjects a reply says nothing about (subjects compare case-insensitively). */
function leftOut(
  subjects: readonly string[],
  answers: ReadonlyArray<{ subject: string }>,
): string[] {
  const answered = new Set(answers.map((a) => a.subject.toLowerCase()));
  return subjects.filter((subject) => !answered.has(subject.toLowerCase()));
}

async function postSubscriptions(
  http: HttpClient,
  base: string,
  subjects: readonly string[],
  ttl: number,
): Promise<SubscriptionResult[]> {
  try {
    const results = await http.request('POST', joinUrl(base, 'subscriptions'), {
      body: { subjects, subscriptionTtl: ttl, includeStatus: true },
      parse: parseSubscriptionReply,
    });
    const missing = leftOut(subjects, results);
    return [
      ...results,
      ...missing.map((subject) => ({ subject, responseCode: 0, subscriptionTtl: 0 })),
    ];
  } catch (error) {
    return failedBatch(subjects, toWebexError(error));
  }
}

/**
 * Subscribes (or renews: the same call) with `includeStatus`. Never rejects: a failed call shows
 * up as results with `error` for each of its subjects.
 */
export async function subscribe(
  http: HttpClient,
  base: string,
  uuids: readonly string[],
  ttl: number = DEFAULT_SUBSCRIPTION_TTL_S,
): Promise<SubscriptionResult[]> {
  const batches = chunk(uuids, MAX_SUBJECTS_PER_CALL);
  const replies = await Promise.all(batches.map((b) => postSubscriptions(http, base, b, ttl)));
  return replies.flat();
}

/** `subscriptionTtl: 0` for these subjects. Every batch is sent; rejects with the first failure. */
export async function unsubscribe(
  http: HttpClient,
  base: string,
  uuids: readonly string[],
): Promise<void> {
  const settled = await Promise.allSettled(
    chunk(uuids, MAX_SUBJECTS_PER_CALL).map((subjects) =>
      http.request('POST', joinUrl(base, 'subscriptions'), {
        body: { subjects, subscriptionTtl: 0, includeStatus: true },
        parse: () => ok(undefined),
      }),
    ),
  );
  const failure = settled.find((s) => s.status === 'rejected');
  if (failure !== undefined) throw toWebexError(failure.reason);
}

export function parseCompositionList(json: unknown): Result<Composition[]> {
  if (!isRecord(json) || !Array.isArray(json['statusList'])) {
    return err('The presence reply has no "statusList".');
  }
  const compositions: Composition[] = [];
  for (const entry of json['statusList']) {
    const parsed = parseComposition(entry);
    if (parsed.ok) compositions.push(parsed.value);
  }
  return ok(compositions);
}

export interface CompositionRead {
  readonly compositions: Composition[];
  /** Subjects not read, with why: a failed call, or a reply that left them out. */
  readonly failures: Array<{ readonly subjects: string[]; readonly error: WebexError }>;
}

/** `POST compositions`, ≤50 subjects a call, in parallel. Never rejects. */
export async function readCompositions(
  http: HttpClient,
  base: string,
  uuids: readonly string[],
): Promise<CompositionRead> {
  const batches = chunk(uuids, MAX_SUBJECTS_PER_CALL);
  const settled = await Promise.allSettled(
    batches.map((subjects) =>
      http.request('POST', joinUrl(base, 'compositions'), {
        body: { subjects },
        parse: parseCompositionList,
      }),
    ),
  );
  const read: CompositionRead = { compositions: [], failures: [] };
  settled.forEach((outcome, i) => {
    const subjects = batches[i] ?? [];
    if (outcome.status === 'rejected') {
      read.failures.push({ subjects, error: toWebexError(outcome.reason) });
      return;
    }
    read.compositions.push(...outcome.value);
    const missing = leftOut(subjects, outcome.value);
    if (missing.length > 0) {
      const message = `The presence reply left out ${missing.length} of ${subjects.length} people.`;
      read.failures.push({ subjects: missing, error: new WebexError('bad-payload', message) });
    }
  });
  return read;
}
