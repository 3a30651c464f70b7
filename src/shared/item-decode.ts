/**
 * Turns what `chrome.storage` holds for an item into a value of the item's current version:
 * unwraps the `{ v, value }` envelope, runs the migrations, validates, and salvages what it can of
 * a value that does not validate. Pure: the writes (copy, write-back, report) are typed-storage's.
 */
import type { Result } from '../core/result';

/** What could be kept of a stored value that did not validate. */
export interface Salvaged<T> {
  readonly value: T;
  /** Entries that could not be kept; 0 when the value as a whole could not be read. */
  readonly dropped: number;
  /** Why, one reason per dropped entry (or one for the whole value). */
  readonly why: readonly string[];
}

export interface DecodeRules<T> {
  readonly fallback: T;
  readonly version: number;
  readonly validate: (raw: unknown) => Result<T>;
  /** `migrations[n]` turns a version n-1 value into a version n value. */
  readonly migrations?: Readonly<Record<number, (old: unknown) => unknown>>;
  /** Called with a current-version value that did not validate; undefined if nothing is left. */
  readonly salvage?: (raw: unknown) => Salvaged<T> | undefined;
}

export interface Decoded<T> {
  readonly value: T;
  /** Set when part or all of the stored value could not be read. */
  readonly problem?: { readonly dropped: number; readonly why: readonly string[] };
  /**
   * The value should replace what is stored: it was migrated or salvaged. Never set for a value
   * written by a newer version, or one that could not be read at all.
   */
  readonly rewrite: boolean;
}

export interface Envelope {
  v: number;
  value: unknown;
}

function isEnvelope(raw: unknown): raw is Envelope {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    !Array.isArray(raw) &&
    typeof (raw as Envelope).v === 'number' &&
    'value' in raw
  );
}

export function decodeStored<T>(rules: DecodeRules<T>, raw: unknown): Decoded<T> {
  const unreadable = (why: string): Decoded<T> => ({
    value: rules.fallback,
    problem: { dropped: 0, why: [why] },
    rewrite: false,
  });
  if (raw === undefined) return { value: rules.fallback, rewrite: false };

  let version: number;
  let value: unknown;
  if (isEnvelope(raw)) {
    ({ v: version, value } = raw);
  } else if (rules.migrations?.[1]) {
    // Written before values had an envelope: version 0, which the item knows how to migrate.
    version = 0;
    value = raw;
  } else {
    return unreadable('not a versioned value');
  }
  if (version > rules.version) return unreadable(`written by a newer version (${version})`);
  if (!Number.isInteger(version) || version < 0) return unreadable(`unknown version ${version}`);

  for (let step = version + 1; step <= rules.version; step++) {
    const migrate = rules.migrations?.[step];
    if (!migrate) return unreadable(`no migration to version ${step}`);
    try {
      value = migrate(value);
    } catch (error) {
      return unreadable(`migration to version ${step} failed (${String(error)})`);
    }
  }

  const checked = rules.validate(value);
  if (checked.ok) return { value: checked.value, rewrite: version !== rules.version };
  const salvaged = rules.salvage?.(value);
  if (!salvaged) return unreadable(checked.error);
  return {
    value: salvaged.value,
    problem: { dropped: salvaged.dropped, why: salvaged.why },
    rewrite: true,
  };
}
