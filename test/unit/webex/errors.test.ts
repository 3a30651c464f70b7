import { describe, expect, it } from 'vitest';
import { WebexError, accessToken, toWebexError } from '../../../src/webex/errors';

describe('accessToken', () => {
  it('returns the token, sync or async', async () => {
    await expect(accessToken(() => 't1')).resolves.toBe('t1');
    await expect(accessToken(async () => 't2')).resolves.toBe('t2');
  });

  it('turns a failing getter into an auth error, and keeps a WebexError as it is', async () => {
    await expect(
      accessToken(() => {
        throw new Error('storage gone');
      }),
    ).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('Sign in again') });
    const own = new WebexError('forbidden', 'no');
    await expect(accessToken(() => Promise.reject(own))).rejects.toBe(own);
  });
});

describe('toWebexError', () => {
  it('says Webex could not be reached, and why, for anything that is not a WebexError', () => {
    expect(toWebexError(new Error('socket hang up'))).toMatchObject({
      kind: 'network',
      message: 'Could not reach Webex: socket hang up',
    });
    expect(toWebexError('offline').message).toBe('Could not reach Webex: offline');
    const own = new WebexError('forbidden', 'no');
    expect(toWebexError(own)).toBe(own);
  });
});
