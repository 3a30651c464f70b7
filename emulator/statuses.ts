// The twelve wire spellings (docs/protocol.md §8). `quiet` and `busy` are the team's own
// choice of spelling: no public payload shows them.

export const WIRE_STATUSES = [
  'active',
  'inactive',
  'dnd',
  'quiet',
  'busy',
  'ooo',
  'call',
  'meeting',
  'presenting',
  'calendarItem',
  'pending',
  'unknown',
] as const;

export type WireStatus = (typeof WIRE_STATUSES)[number];

/** Case-insensitive lookup; undefined for anything that is not one of the twelve. */
export function canonicalStatus(value: string): WireStatus | undefined {
  const lower = value.toLowerCase();
  return WIRE_STATUSES.find((s) => s.toLowerCase() === lower);
}

/**
 * Hydra only knows nine strings. quiet is DND-like; busy has no REST analogue and a busy
 * person is present, so it reads as active; a calendar item is the closest thing to a meeting.
 */
const REST_STATUS: Record<WireStatus, string> = {
  active: 'active',
  inactive: 'inactive',
  dnd: 'DoNotDisturb',
  quiet: 'DoNotDisturb',
  busy: 'active',
  ooo: 'OutOfOffice',
  call: 'call',
  meeting: 'meeting',
  presenting: 'presenting',
  calendarItem: 'meeting',
  pending: 'pending',
  unknown: 'unknown',
};

export function restStatus(status: WireStatus): string {
  return REST_STATUS[status];
}

const SUPPRESSING: ReadonlySet<WireStatus> = new Set(['dnd', 'quiet', 'presenting', 'ooo']);

export function suppressesNotifications(status: WireStatus): boolean {
  return SUPPRESSING.has(status);
}
