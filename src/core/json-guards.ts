/** Small checks for JSON that came off the network, shared by every validator. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Splits a list into runs of at most `size` (Webex caps ids per call: 50 or 85). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const runs: T[][] = [];
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
  return runs;
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** Every index is checked: `every` would skip the holes of a sparse array (structured clone). */
export function isStringArray(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!isString(value[i])) return false;
  return true;
}
