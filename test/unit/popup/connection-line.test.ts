import { describe, expect, it } from 'vitest';
import { connectionLine } from '../../../src/popup/connection-line';
import { SIGNED_OUT, type ConnectionInfo } from '../../../src/shared/connection';

const NOW = 10_000_000;
const live: ConnectionInfo = { ...SIGNED_OUT, phase: 'live' };

describe('connectionLine', () => {
  it('says nothing about age while live', () => {
    expect(connectionLine(live, true, NOW - 60_000, NOW)).toEqual({
      sentence: 'Live',
      freshness: '',
      signIn: false,
      reconnect: false,
    });
  });

  it('says how old last-known data is when not live', () => {
    expect(connectionLine(SIGNED_OUT, true, NOW - 3 * 60_000, NOW)).toMatchObject({
      freshness: 'Showing last known presence, updated 3 minutes ago',
      signIn: true,
    });
    expect(connectionLine(SIGNED_OUT, true, 0, NOW).freshness).toBe('Showing last known presence');
  });

  it('says nothing about age when no contact shows last-known data', () => {
    expect(connectionLine(SIGNED_OUT, false, NOW - 60_000, NOW).freshness).toBe('');
  });

  it('offers Reconnect when the feed stopped, with the age of what is shown', () => {
    const stopped: ConnectionInfo = { ...live, phase: 'error', message: '' };
    expect(connectionLine(stopped, true, NOW - 2 * 3_600_000, NOW)).toMatchObject({
      freshness: 'Showing last known presence, updated 2 hours ago',
      signIn: false,
      reconnect: true,
    });
  });
});
