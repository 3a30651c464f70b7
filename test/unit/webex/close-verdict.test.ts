import { describe, expect, it } from 'vitest';
import { closeVerdict } from '../../../src/webex/close-verdict';

const close = (code: number, shouldReconnect = true) => ({ code, shouldReconnect });

describe('closeVerdict (docs/protocol.md §4.4)', () => {
  it.each([
    [close(4401), false, false, 'sign-out'],
    [close(1008), false, false, 'check-token'],
    [close(4000), false, false, 'replaced'],
    [close(4001), true, true, 'replacement-decides'],
    [close(4001), true, false, 'reconnect'],
    [close(1006), false, false, 'reconnect'],
    [close(1000, false), false, false, 'stopped'],
    // What the code says wins over an announcement and a replacement under way.
    [close(4401), true, true, 'sign-out'],
    [close(4000), true, true, 'replaced'],
  ])('%o, announced %s, replacing %s: %s', (c, announced, replacing, kind) => {
    expect(closeVerdict(c, announced, replacing)).toEqual({ kind });
  });
});
