import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_PRESENCE_STATUSES, PresenceStatus } from '../../../src/core/presence';
import {
  KNOWN_WIRE_STATUSES,
  presenceStatusToWire,
  wireStatusToPresenceStatus,
} from '../../../src/core/wire-status';

/** Every spelling of docs/protocol.md §8 and the state it stands for. */
const SPELLINGS: ReadonlyArray<readonly [string, PresenceStatus]> = [
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
  ['busy', PresenceStatus.Busy],
  ['quiet', PresenceStatus.Quiet],
  ['quietHours', PresenceStatus.Quiet],
  ['quiet_hours', PresenceStatus.Quiet],
];

describe('wireStatusToPresenceStatus', () => {
  it.each<readonly [string, PresenceStatus]>([
    ...SPELLINGS,
    ['clear', PresenceStatus.Unknown],
    ['', PresenceStatus.Unknown],
    ['offline', PresenceStatus.Unknown],
  ])('maps %j to %s', (wire, status) => {
    expect(wireStatusToPresenceStatus(wire)).toBe(status);
  });

  it.each([undefined, null, 3, true, {}, ['active']])('maps the non-string %j to Unknown', (v) => {
    expect(wireStatusToPresenceStatus(v)).toBe(PresenceStatus.Unknown);
  });

  it('knows exactly the spellings of the brief', () => {
    expect(KNOWN_WIRE_STATUSES).toEqual(SPELLINGS.map(([word]) => word));
  });

  it('ignores case and surrounding space for every known spelling', () => {
    const randomCase = fc
      .tuple(fc.constantFrom(...SPELLINGS), fc.array(fc.boolean(), { minLength: 20 }))
      .map(([[word, status], flips]) => ({
        status,
        cased: [...word]
          .map((ch, i) => (flips[i % flips.length] ? ch.toUpperCase() : ch.toLowerCase()))
          .join(''),
      }));
    fc.assert(
      fc.property(randomCase, fc.constantFrom('', ' ', '\t'), ({ status, cased }, pad) => {
        expect(wireStatusToPresenceStatus(`${pad}${cased}${pad}`)).toBe(status);
      }),
    );
  });

  it('is total: arbitrary values never throw and give one of the twelve states', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (value) => {
        expect(ALL_PRESENCE_STATUSES).toContain(wireStatusToPresenceStatus(value));
      }),
    );
  });
});

describe('presenceStatusToWire', () => {
  it('uses the Apheleia spellings and round-trips every state', () => {
    expect(presenceStatusToWire(PresenceStatus.Quiet)).toBe('quiet');
    expect(presenceStatusToWire(PresenceStatus.Busy)).toBe('busy');
    expect(presenceStatusToWire(PresenceStatus.OutOfOffice)).toBe('ooo');
    expect(presenceStatusToWire(PresenceStatus.CalendarItem)).toBe('calendarItem');
    for (const status of ALL_PRESENCE_STATUSES) {
      expect(wireStatusToPresenceStatus(presenceStatusToWire(status))).toBe(status);
    }
  });
});
