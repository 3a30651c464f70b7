import browser from 'webextension-polyfill';
import type { Result } from '../core/result';
import { createSerialQueue } from '../core/serial-queue';

export type StorageAreaName = 'local' | 'session';

export interface ItemDefinition<T> {
  /** Used when nothing is stored yet, or when what is stored cannot be read. */
  readonly fallback: T;
  /** Bumped whenever the stored shape changes; a migration per step brings old data forward. */
  readonly version: number;
  readonly validate: (raw: unknown) => Result<T>;
  /** `migrations[n]` turns a version n-1 value into a version n value. */
  readonly migrations?: Readonly<Record<number, (old: unknown) => unknown>>;
}

export interface StorageItem<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Read-modify-write, serialised per item so two quick updates never lose one another. */
  update(change: (current: T) => T): Promise<T>;
  /** Calls back with each new value written by any extension context. Returns an unsubscribe. */
  watch(callback: (value: T) => void): () => void;
}

interface Envelope {
  v: number;
  value: unknown;
}

function isEnvelope(raw: unknown): raw is Envelope {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    typeof (raw as Envelope).v === 'number' &&
    'value' in raw
  );
}

/**
 * A typed, versioned value in `chrome.storage`. Stored as `{ v, value }`. What cannot be read is
 * not thrown away: it is kept under `<key>:unreadable` for a later look, and the fallback is used.
 */
export function defineItem<T>(
  area: StorageAreaName,
  key: string,
  def: ItemDefinition<T>,
): StorageItem<T> {
  const storage = () => browser.storage[area];
  const serialised = createSerialQueue();

  function decode(raw: unknown): { value: T; problem?: string } {
    if (raw === undefined) return { value: def.fallback };
    if (!isEnvelope(raw)) return { value: def.fallback, problem: 'not a versioned value' };
    let value = raw.value;
    if (raw.v > def.version)
      return { value: def.fallback, problem: `written by a newer version (${raw.v})` };
    for (let step = raw.v + 1; step <= def.version; step++) {
      const migrate = def.migrations?.[step];
      if (!migrate) return { value: def.fallback, problem: `no migration to version ${step}` };
      value = migrate(value);
    }
    const checked = def.validate(value);
    return checked.ok ? { value: checked.value } : { value: def.fallback, problem: checked.error };
  }

  async function read(): Promise<T> {
    const raw = (await storage().get(key))[key];
    const { value, problem } = decode(raw);
    if (problem) {
      console.warn(`Presence Lens: stored "${key}" could not be read (${problem}); kept a copy.`);
      await storage().set({ [`${key}:unreadable`]: raw });
    }
    return value;
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
      const listener = (
        changes: Record<string, browser.Storage.StorageChange>,
        areaName: string,
      ) => {
        const change = changes[key];
        if (areaName !== area || !change) return;
        callback(decode(change.newValue).value);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
