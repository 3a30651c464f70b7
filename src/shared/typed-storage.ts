import { createSerialQueue } from '../core/serial-queue';
import { decodeStored, type DecodeRules, type Envelope } from './item-decode';
import { onAreaChanged, storageArea, type StorageAreaName } from './storage-areas';

export type { Salvaged } from './item-decode';
export type { StorageAreaName } from './storage-areas';

/** Part or all of a stored value could not be read; what is left of it is in use. */
export interface ItemProblem {
  readonly key: string;
  /** Entries that could not be kept; 0 when the value as a whole could not be read. */
  readonly dropped: number;
  readonly why: readonly string[];
}

export interface ItemDefinition<T> extends DecodeRules<T> {
  /**
   * Used when nothing is stored yet, or when what is stored cannot be read (and not salvaged).
   * `version` is bumped whenever the stored shape changes; `migrations` bring old data forward; a
   * stored value without an envelope is version 0 when there is a migration to version 1.
   */
  readonly fallback: T;
  /** Told once about each stored value that could not be fully read (say, to show it in options). */
  readonly onProblem?: (problem: ItemProblem) => Promise<void>;
}

export interface StorageItem<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Read-modify-write, serialised per item so two quick updates never lose one another. */
  update(change: (current: T) => T): Promise<T>;
  /** Calls back with each new value written by any extension context. Returns an unsubscribe. */
  watch(callback: (value: T) => void): () => void;
}

function sameJson(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

/**
 * A typed, versioned value in `chrome.storage`. Stored as `{ v, value }`. What cannot be read is
 * not thrown away: it is kept under `<key>:unreadable` for a later look, and what can be read of
 * it (the item's `salvage`, else the fallback) is used. A migrated or salvaged value is written
 * back, but only over the very value it came from: a context that salvaged at the same time, or
 * a newer write, wins. A value from a newer version is never written over by a read.
 */
export function defineItem<T>(
  area: StorageAreaName,
  key: string,
  def: ItemDefinition<T>,
): StorageItem<T> {
  const storage = () => storageArea(area);
  const copyKey = `${key}:unreadable`;
  const serialised = createSerialQueue();

  async function stored(name: string): Promise<unknown> {
    return (await storage().get(name))[name];
  }

  async function report(problem: ItemProblem): Promise<void> {
    console.warn(
      `Presence Lens: stored "${key}" could not be read (${problem.why.join('; ')}); kept a copy.`,
    );
    try {
      await def.onProblem?.(problem);
    } catch {
      // The report is a courtesy: the value is read and the copy kept either way.
    }
  }

  async function read(): Promise<T> {
    const raw = await stored(key);
    const decoded = decodeStored(def, raw);
    const problem = decoded.problem && { key, ...decoded.problem };
    if (!decoded.rewrite) {
      // Still stored as it is: keep and report it once, not on every read.
      if (problem && !sameJson(await stored(copyKey), raw)) {
        await storage().set({ [copyKey]: raw });
        await report(problem);
      }
      return decoded.value;
    }
    if (problem) await storage().set({ [copyKey]: raw });
    // Another context may have written (or salvaged) since: only replace what was read.
    if (sameJson(await stored(key), raw)) {
      await write(decoded.value);
      if (problem) await report(problem);
    }
    return decoded.value;
  }

  async function write(value: T): Promise<void> {
    await storage().set({ [key]: { v: def.version, value } satisfies Envelope });
  }

  return {
    get: () => serialised(read),
    set: (value) => serialised(() => write(value)),
    update: (change) =>
      serialised(async () => {
        const next = change(await read());
        await write(next);
        return next;
      }),
    watch(callback) {
      return onAreaChanged((changes, areaName) => {
        const change = changes[key];
        if (areaName !== area || !change) return;
        callback(decodeStored(def, change.newValue).value);
      });
    },
  };
}
