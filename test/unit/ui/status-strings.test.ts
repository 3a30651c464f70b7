import { describe, expect, it } from 'vitest';
import { ALL_PRESENCE_STATUSES } from '../../../src/core/presence';
import type { ConnectionPhase } from '../../../src/core/connection-phase';
import { formatClock } from '../../../src/core/time-format';
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
    [
      'polling',
      'Updating every 75 s (real-time unavailable: 403)',
      'Updating every 75 s (real-time unavailable: 403)',
    ],
  ])('%s (%s) reads "%s"', (phase, message, expected) => {
    expect(phaseSentence({ phase, message, since: 0 }, 0)).toBe(expected);
  });

  it('counts down to the next reconnect attempt', () => {
    const now = 1_000_000;
    expect(
      phaseSentence({ phase: 'reconnecting', message: '', since: 0, retryAt: now + 7_600 }, now),
    ).toBe('Reconnecting in 8 s');
    expect(
      phaseSentence({ phase: 'reconnecting', message: '', since: 0, retryAt: now + 200 }, now),
    ).toBe('Reconnecting…');
  });

  it('says since when it has been offline', () => {
    const since = new Date(2026, 11, 4, 14, 5).getTime();
    expect(phaseSentence({ phase: 'error', message: 'No access.', since }, since + 60_000)).toBe(
      `Offline since ${formatClock(since)} — No access.`,
    );
    expect(formatClock(since)).toMatch(/14.05/);
  });
});
