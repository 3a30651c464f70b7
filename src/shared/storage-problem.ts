/**
 * Reports of stored values that could not be (fully) read, kept until the user dismisses them on
 * the options page. Any extension context may add one; content scripts can write `local` too, so
 * what is read back is validated and bounded like every other item.
 */
import { isFiniteNumber, isNonEmptyString, isRecord, isStringArray } from '../core/json-guards';
import { err, ok, type Result } from '../core/result';
import type { ItemProblem } from './typed-storage';

export interface StorageProblem {
  /** The storage key whose value could not be read ("watchList"). */
  readonly key: string;
  /** UTC ms. */
  readonly at: number;
  /** Entries dropped from the value; 0 when the value as a whole could not be read. */
  readonly dropped: number;
  /** Why, at most MAX_REASONS of them. */
  readonly why: readonly string[];
}

/** Reports kept; the oldest go first. */
export const MAX_STORAGE_PROBLEMS = 20;
export const MAX_REASONS = 10;
export const MAX_REASON_LENGTH = 300;
const MAX_KEY_LENGTH = 100;

export function parseStorageProblem(raw: unknown): Result<StorageProblem> {
  if (!isRecord(raw)) return err('a storage problem must be an object');
  const { key, at, dropped, why } = raw;
  if (!isNonEmptyString(key) || key.length > MAX_KEY_LENGTH) return err('needs a key');
  if (!isFiniteNumber(at) || at < 0) return err(`problem with ${key} needs a time`);
  if (typeof dropped !== 'number' || !Number.isSafeInteger(dropped) || dropped < 0) {
    return err(`problem with ${key} needs a count of dropped entries`);
  }
  if (
    !isStringArray(why) ||
    why.length > MAX_REASONS ||
    why.some((reason) => reason.length > MAX_REASON_LENGTH)
  ) {
    return err(`problem with ${key} needs a short list of reasons`);
  }
  return ok({ key, at, dropped, why: [...why] });
}

export function parseStorageProblems(raw: unknown): Result<StorageProblem[]> {
  if (!Array.isArray(raw)) return err('the storage problems must be an array');
  if (raw.length > MAX_STORAGE_PROBLEMS) return err(`more than ${MAX_STORAGE_PROBLEMS} problems`);
  const problems: StorageProblem[] = [];
  for (const [index, item] of raw.entries()) {
    const parsed = parseStorageProblem(item);
    if (!parsed.ok) return err(`item ${index}: ${parsed.error}`);
    problems.push(parsed.value);
  }
  return ok(problems);
}

/** Fits the reasons into the bounds: long ones are cut, and the ones past the cap counted. */
function boundedReasons(why: readonly string[]): string[] {
  const cut = (reason: string) =>
    reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH - 1)}…` : reason;
  if (why.length <= MAX_REASONS) return why.map(cut);
  const more = why.length - (MAX_REASONS - 1);
  return [...why.slice(0, MAX_REASONS - 1).map(cut), `and ${more} more`];
}

/**
 * Adds a report to the list, bounded. A report the list already has (two contexts that read the
 * same broken value at once) is not added again.
 */
export function withProblem(
  list: readonly StorageProblem[],
  problem: ItemProblem,
  at: number,
): StorageProblem[] {
  const added: StorageProblem = {
    key: problem.key.slice(0, MAX_KEY_LENGTH),
    at,
    dropped: problem.dropped,
    why: boundedReasons(problem.why),
  };
  if (list.some((known) => sameProblem(known, added))) return [...list];
  return [...list, added].slice(-MAX_STORAGE_PROBLEMS);
}

export function sameProblem(a: StorageProblem, b: StorageProblem): boolean {
  return (
    a.key === b.key &&
    a.dropped === b.dropped &&
    a.why.length === b.why.length &&
    a.why.every((reason, i) => reason === b.why[i])
  );
}
