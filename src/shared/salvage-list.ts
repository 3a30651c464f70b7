import type { Result } from '../core/result';
import type { Salvaged } from './item-decode';

export interface ListSalvage<T> {
  /** What the list holds, for the reason when it is not a list at all ("the watch list"). */
  readonly what: string;
  readonly parse: (raw: unknown) => Result<T>;
  /** Entries with the same id are listed once: the first one is kept. */
  readonly id: (entry: T) => string;
  /** Entries past this many are dropped. */
  readonly max?: number;
}

/**
 * Keeps every entry of a stored list that still reads, in order, and says why the others were
 * dropped ("item 3: a contact needs a contactId", counting from 1). A value that is not a list
 * at all leaves an empty one.
 */
export function salvageList<T>(raw: unknown, rules: ListSalvage<T>): Salvaged<T[]> {
  if (!Array.isArray(raw)) return { value: [], dropped: 0, why: [`${rules.what} is not a list`] };
  const kept: T[] = [];
  const ids = new Set<string>();
  const why: string[] = [];
  // An index loop: `entries()` would do too, but this reads holes as undefined just the same.
  for (let index = 0; index < raw.length; index++) {
    const item = `item ${index + 1}`;
    const parsed = rules.parse(raw[index]);
    if (!parsed.ok) {
      why.push(`${item}: ${parsed.error}`);
      continue;
    }
    const id = rules.id(parsed.value);
    if (ids.has(id)) {
      why.push(`${item}: ${id} is listed twice`);
    } else if (rules.max !== undefined && kept.length >= rules.max) {
      why.push(`${item}: more than ${rules.max} in the list`);
    } else {
      ids.add(id);
      kept.push(parsed.value);
    }
  }
  return { value: kept, dropped: raw.length - kept.length, why };
}
