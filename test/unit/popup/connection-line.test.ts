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
    });
  });

  it('says how old last-known data is when not live', () => {
    expect(connectionLine(SIGNED_OUT, true, NOW - 3 * 60_000, NOW)).toEqual({
      sentence: 'Signed out — open Options to connect',
      freshness: 'Showing last known presence, updated 3 min ago',
    });
    expect(connectionLine(SIGNED_OUT, true, 0, NOW).freshness).toBe('Showing last known presence');
  });

  it('says nothing about age when no contact shows last-known data', () => {
    expect(connectionLine(SIGNED_OUT, false, NOW - 60_000, NOW).freshness).toBe('');
  });
});
