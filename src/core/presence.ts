/**
 * The presence model of the Webex mobile SDK's "Presence Status" feature, as plain data.
 * Every other layer speaks these types; nothing here touches a browser or the network.
 */

export const PresenceStatus = {
  Unknown: 'Unknown',
  Pending: 'Pending',
  Active: 'Active',
  Inactive: 'Inactive',
  Dnd: 'Dnd',
  Quiet: 'Quiet',
  Busy: 'Busy',
  OutOfOffice: 'OutOfOffice',
  Call: 'Call',
  Meeting: 'Meeting',
  Presenting: 'Presenting',
  CalendarItem: 'CalendarItem',
} as const;

export type PresenceStatus = (typeof PresenceStatus)[keyof typeof PresenceStatus];

/** All twelve states, in the SDK's order. */
export const ALL_PRESENCE_STATUSES: readonly PresenceStatus[] = Object.values(PresenceStatus);

export function isPresenceStatus(value: unknown): value is PresenceStatus {
  return typeof value === 'string' && (ALL_PRESENCE_STATUSES as readonly string[]).includes(value);
}

export interface Presence {
  /** The contact id (Hydra person id) the watcher passed in. */
  readonly contactId: string;
  readonly status: PresenceStatus;
  /** Free text the person set ("Focus time"); "" when none. */
  readonly customStatus: string;
  /** When the person was last active, UTC ms; 0 when unknown. */
  readonly lastActiveTime: number;
  /** When the current status ends (DND until 15:30), UTC ms; 0 when it has no known end. */
  readonly expiresTime: number;
}

export interface PresenceHandle {
  /** One number per contact: watching the same contact again gives the same number. */
  readonly handle: number;
  readonly contactId: string;
  /** False for ids that are not Webex person ids, and for bots. */
  readonly isValid: boolean;
}

export type PresenceCallback = (presence: Presence) => void;

/** Nothing known about the person: Unknown, no text, no times (a `SourcePresence`). */
export const UNKNOWN_SOURCE_PRESENCE: Omit<Presence, 'contactId'> = Object.freeze({
  status: PresenceStatus.Unknown,
  customStatus: '',
  lastActiveTime: 0,
  expiresTime: 0,
});

export function unknownPresence(contactId: string): Presence {
  return { contactId, ...UNKNOWN_SOURCE_PRESENCE };
}
