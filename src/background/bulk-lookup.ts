/**
 * Looks up many pasted emails and person ids ("Paste a list", options) with the People API, at a
 * pace it allows: ids in batches of 85 (`GET /people?id=`), emails one at a time (the API has
 * no batch lookup by email), one request after another. Every request also passes the worker's
 * RequestGate (5 a second, Retry-After per host); waiting for each answer, plus a short pause
 * between emails, leaves room in the gate for the presence feed's own requests. A request
 * refused for its rate (429) is tried again after the Retry-After the gate now holds.
 */
import { chunk } from '../core/json-guards';
import { personIdToUuid } from '../core/hydra-id';
import { WebexError } from '../webex/errors';
import type { PeopleApi, Person } from '../webex/people-api';
import { t } from '../ui/i18n';
import { classifyQuery } from './contact-resolver';

export type LookupOutcome =
  | { readonly query: string; readonly found: Person }
  | { readonly query: string; readonly notFound: true }
  | { readonly query: string; readonly error: string };

export interface BulkLookupDeps {
  readonly people: PeopleApi;
  /** Called after each request with how many queries are answered so far. */
  readonly onProgress: (done: number, total: number) => void | Promise<void>;
  readonly pause: (ms: number) => Promise<void>;
}

const IDS_PER_REQUEST = 85;
/** Between email lookups: at most 4 a second of the gate's 5, the fifth is the feed's. */
const EMAIL_SPACING_MS = 250;
const ATTEMPTS = 3;

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function withRetry<T>(deps: BulkLookupDeps, call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const limited = error instanceof WebexError && error.kind === 'rate-limited';
      if (!limited || attempt >= ATTEMPTS) throw error;
      // The gate holds the host for its Retry-After; this pause only covers a 429 without one.
      await deps.pause(1_000);
    }
  }
}

/** One outcome per query, in the order given. Never rejects: failures are outcomes. */
export async function lookUpMany(
  deps: BulkLookupDeps,
  queries: readonly string[],
): Promise<LookupOutcome[]> {
  const outcomes = new Map<number, LookupOutcome>();
  const total = queries.length;
  const report = () => deps.onProgress(outcomes.size, total);
  const ids: { index: number; query: string; uuid: string; personId: string }[] = [];
  const emails: { index: number; query: string; email: string }[] = [];
  queries.forEach((query, index) => {
    const kind = classifyQuery(query);
    if (kind.kind === 'email') emails.push({ index, query, email: kind.email });
    else if (kind.kind === 'id') ids.push({ index, query, ...kind });
    else outcomes.set(index, { query, error: t('worker_bulk_not_email_or_id') });
  });
  if (outcomes.size > 0) await report();

  for (const batch of chunk(ids, IDS_PER_REQUEST)) {
    try {
      const { items } = await withRetry(deps, () =>
        deps.people.listByIds(batch.map((entry) => entry.personId)),
      );
      const byUuid = new Map<string, Person>();
      for (const person of items) {
        const uuid = personIdToUuid(person.id);
        if (uuid.ok) byUuid.set(uuid.value, person);
      }
      for (const { index, query, uuid } of batch) {
        const person = byUuid.get(uuid);
        outcomes.set(index, person ? { query, found: person } : { query, notFound: true });
      }
    } catch (error) {
      for (const { index, query } of batch) outcomes.set(index, { query, error: reason(error) });
    }
    await report();
  }

  for (const [n, { index, query, email }] of emails.entries()) {
    if (n > 0) await deps.pause(EMAIL_SPACING_MS);
    try {
      const [person] = await withRetry(deps, () => deps.people.findByEmail(email));
      outcomes.set(index, person ? { query, found: person } : { query, notFound: true });
    } catch (error) {
      outcomes.set(index, { query, error: reason(error) });
    }
    await report();
  }
  return queries.map(
    (query, index) => outcomes.get(index) ?? { query, error: t('worker_bulk_not_looked_up') },
  );
}
