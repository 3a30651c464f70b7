/**
 * Wire status strings (Apheleia and REST spellings, docs/protocol.md §8) to the twelve SDK
 * states, and back. Total and case-insensitive: anything unrecognised is Unknown, never an error.
 */
import { PresenceStatus } from './presence';

/** Every wire spelling the client understands, as written in the protocol brief, and its state. */
const WIRE_SPELLINGS: ReadonlyArray<readonly [string, PresenceStatus]> = [
  ['active', PresenceStatus.Active],
  ['available', PresenceStatus.Active],
  ['inactive', PresenceStatus.Inactive],
  ['away', PresenceStatus.Inactive],
  ['dnd', PresenceStatus.Dnd],
  ['DoNotDisturb', PresenceStatus.Dnd],
  ['ooo', PresenceStatus.OutOfOffice],
  ['OutOfOffice', PresenceStatus.OutOfOffice],
  ['pending', PresenceStatus.Pending],
  ['unknown', PresenceStatus.Unknown],
  ['call', PresenceStatus.Call],
  ['meeting', PresenceStatus.Meeting],
  ['presenting', PresenceStatus.Presenting],
  ['calendarItem', PresenceStatus.CalendarItem],
  // Project decision (no public payload shows these): `busy` and `quiet` spellings.
  ['busy', PresenceStatus.Busy],
  ['quiet', PresenceStatus.Quiet],
  ['quietHours', PresenceStatus.Quiet],
  ['quiet_hours', PresenceStatus.Quiet],
];

// Keys are lower case; lookups lower-case the input first.
const WIRE_TO_STATUS: ReadonlyMap<string, PresenceStatus> = new Map(
  WIRE_SPELLINGS.map(([spelling, status]) => [spelling.toLowerCase(), status]),
);

/** Every wire spelling the mapping knows, as written in the protocol brief. */
export const KNOWN_WIRE_STATUSES: readonly string[] = WIRE_SPELLINGS.map(([spelling]) => spelling);

export function wireStatusToPresenceStatus(wire: unknown): PresenceStatus {
  if (typeof wire !== 'string') return PresenceStatus.Unknown;
  return WIRE_TO_STATUS.get(wire.trim().toLowerCase()) ?? PresenceStatus.Unknown;
}

const STATUS_TO_WIRE: Readonly<Record<PresenceStatus, string>> = {
  Unknown: 'unknown',
  Pending: 'pending',
  Active: 'active',
  Inactive: 'inactive',
  Dnd: 'dnd',
  Quiet: 'quiet',
  Busy: 'busy',
  OutOfOffice: 'ooo',
  Call: 'call',
  Meeting: 'meeting',
  Presenting: 'presenting',
  CalendarItem: 'calendarItem',
};

/**
 * The Apheleia spelling of a state (docs/protocol.md §8): inverse of `wireStatusToPresenceStatus`
 * on those spellings. Nothing in src sends a status; the tests use it to check the round trip.
 */
export function presenceStatusToWire(status: PresenceStatus): string {
  return STATUS_TO_WIRE[status];
}
