import { describe, expect, it } from 'vitest';
import { WebexError, accessToken, networkError, toWebexError } from '../../../src/webex/errors';

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

describe('networkError', () => {
  it('says what failed and why', () => {
    const error = networkError('Could not open the Webex connection', new TypeError('bad URL'));
    expect(error).toMatchObject({
      kind: 'network',
      message: 'Could not open the Webex connection: bad URL',
    });
    expect(networkError('Could not reach Webex', 'offline', '. Check.').message).toBe(
      'Could not reach Webex: offline. Check.',
    );
  });

  it('is what toWebexError makes of anything that is not a WebexError', () => {
    expect(toWebexError(new Error('socket hang up'))).toEqual(
      networkError('Could not reach Webex', new Error('socket hang up')),
    );
  });
});
