import { describe, expect, it } from 'vitest';
import { ALL_PRESENCE_STATUSES } from '../../../src/core/presence';
import type { ConnectionPhase } from '../../../src/core/connection-phase';
import { phaseSentence, STATUS_LABELS, statusLabel } from '../../../src/ui/status-strings';

describe('status labels', () => {
  it('uses the agreed words for every state', () => {
    expect(STATUS_LABELS).toEqual({
      Unknown: 'Unknown',
      Pending: 'Pending',
      Active: 'Active',
      Inactive: 'Inactive',
      Dnd: 'Do not disturb',
      Quiet: 'Quiet hours',
      Busy: 'Busy',
      OutOfOffice: 'Out of office',
      Call: 'In a call',
      Meeting: 'In a meeting',
      Presenting: 'Presenting',
      CalendarItem: 'Calendar event',
    });
  });

  it('gives each of the twelve states its own label', () => {
    const labels = ALL_PRESENCE_STATUSES.map(statusLabel);
    expect(labels).toHaveLength(12);
    expect(new Set(labels).size).toBe(12);
    expect(labels.every((label) => label.length > 0)).toBe(true);
  });
});

describe('phaseSentence', () => {
  it.each<[ConnectionPhase, string, string]>([
    ['live', '', 'Live'],
    ['connecting', '', 'Connecting…'],
    ['reconnecting', '', 'Reconnecting…'],
    ['signed-out', '', 'Signed out — open Options to connect'],
    ['signed-out', 'The access token was rejected.', 'Signed out — The access token was rejected.'],
    ['idle', '', 'Signed in, not connected'],
    ['error', '', 'Offline'],
    ['error', 'The token has expired.', 'Offline — The token has expired.'],
  ])('%s (%s) reads "%s"', (phase, message, expected) => {
    expect(phaseSentence({ phase, message })).toBe(expected);
  });
});
