/**
 * Wire status strings (Apheleia and REST spellings, WEBEX-PROTOCOL.md §3) to the twelve SDK
 * states, and back. Total and case-insensitive: anything unrecognised is Unknown, never an error.
 */
import { PresenceStatus } from './presence';

// Keys are lower case; lookups lower-case the input first.
const WIRE_TO_STATUS: ReadonlyMap<string, PresenceStatus> = new Map<string, PresenceStatus>([
  ['active', PresenceStatus.Active],
  ['available', PresenceStatus.Active],
  ['inactive', PresenceStatus.Inactive],
  ['away', PresenceStatus.Inactive],
  ['dnd', PresenceStatus.Dnd],
  ['donotdisturb', PresenceStatus.Dnd],
  ['ooo', PresenceStatus.OutOfOffice],
  ['outofoffice', PresenceStatus.OutOfOffice],
  ['pending', PresenceStatus.Pending],
  ['unknown', PresenceStatus.Unknown],
  ['call', PresenceStatus.Call],
  ['meeting', PresenceStatus.Meeting],
  ['presenting', PresenceStatus.Presenting],
  ['calendaritem', PresenceStatus.CalendarItem],
  // Project decision (no public payload shows these): `busy` and `quiet` spellings.
  ['busy', PresenceStatus.Busy],
  ['quiet', PresenceStatus.Quiet],
  ['quiethours', PresenceStatus.Quiet],
  ['quiet_hours', PresenceStatus.Quiet],
]);

/** Every wire spelling the mapping knows, as written in the protocol brief. */
export const KNOWN_WIRE_STATUSES: readonly string[] = [
  'active',
  'available',
  'inactive',
  'away',
  'dnd',
  'DoNotDisturb',
  'ooo',
  'OutOfOffice',
  'pending',
  'unknown',
  'call',
  'meeting',
  'presenting',
  'calendarItem',
  'busy',
  'quiet',
  'quietHours',
  'quiet_hours',
];

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

/** The Apheleia spelling of a state (what the emulator sends and `POST events` takes). */
export function presenceStatusToWire(status: PresenceStatus): string {
  return STATUS_TO_WIRE[status];
}
