/**
 * The access token of the signed-in user. A pasted token is used as it is; an OAuth sign-in's is
 * refreshed silently before it expires (5 min before, or half-way for short lifetimes), and once
 * after a 401, one refresh at a time; every new token is saved before it is used.
 */
import type { HttpClient } from '../webex/http';
import { refreshTokens, revokeToken } from '../webex/oauth';
import type { TimerId, Timers } from '../webex/timers';
import { globalTimers } from '../webex/timers';
import type { Credentials } from './credentials';

const MAX_TIMER_MS = 2 ** 31 - 1;

export interface TokenKeeperDeps {
  /** For the refresh timer (the global timers by default). */
  readonly timers?: Timers;
  /** For the token endpoint only (its requests carry no token). */
  readonly http: HttpClient;
  readonly hydraBaseUrl: string;
  /** The identity broker's revocation (sign-out). */
  readonly revokeUrl: string;
  readonly save: (credentials: Credentials) => Promise<void>;
  readonly now: () => number;
}

export class TokenKeeper {
  private refreshing: Promise<Credentials> | undefined;
  private timer: TimerId | undefined;

  constructor(
    private current: Credentials,
    private readonly deps: TokenKeeperDeps,
  ) {
    this.schedule();
  }

  /** No more timed refreshes (the session ended). */
  dispose(): void {
    if (this.timer !== undefined) (this.deps.timers ?? globalTimers).clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Refreshes at `refreshAt` even when nothing asks for a token, so a socket that reconnects
   * never starts with a dead one. A worker that was asleep refreshes on its next request instead.
   */
  private schedule(): void {
    this.dispose();
    const grant = this.current.oauth;
    if (grant === undefined) return;
    const timers = this.deps.timers ?? globalTimers;
    // setTimeout takes at most 2^31 - 1 ms (24.8 days); longer waits would fire at once.
    const delay = Math.min(Math.max(0, grant.refreshAt - this.deps.now()), MAX_TIMER_MS);
    this.timer = timers.setTimeout(() => {
      this.timer = undefined;
      if (this.deps.now() < grant.refreshAt) {
        this.schedule(); // a very long wait comes in pieces
        return;
      }
      this.refresh().catch((error: unknown) => {
        console.warn('Presence Lens: the timed token refresh failed', error);
      });
    }, delay);
  }

  get credentials(): Credentials {
    return this.current;
  }

  /** The token to send now; refreshed first when it is about to expire. */
  async accessToken(): Promise<string> {
    const grant = this.current.oauth;
    if (grant !== undefined && this.deps.now() >= grant.refreshAt) {
      return (await this.refresh()).accessToken;
    }
    return this.current.accessToken;
  }

  /** Whether a rejected token can be replaced: only an OAuth sign-in can. */
  get canRefresh(): boolean {
    return this.current.oauth !== undefined;
  }

  /**
   * Sign-out: the OAuth sign-in's refresh and access tokens are revoked, when the integration has
   * a secret (docs/protocol.md §6.2). A pasted token is the user's to revoke. Never throws: a
   * revocation that fails is logged, and the tokens are forgotten all the same.
   */
  async revoke(): Promise<void> {
    this.dispose();
    const grant = this.current.oauth;
    if (grant === undefined) return;
    const tokens = [
      { value: grant.refreshToken, hint: 'refresh_token' },
      { value: this.current.accessToken, hint: 'access_token' },
    ] as const;
    for (const token of tokens) {
      try {
        await revokeToken(this.deps.http, this.deps.revokeUrl, grant, token);
      } catch (error) {
        console.warn(`Presence Lens: could not revoke the ${token.hint}`, error);
      }
    }
  }

  /** Gets a new access token now (after a 401). Rejects when the sign-in itself is dead. */
  refresh(): Promise<Credentials> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<Credentials> {
    const grant = this.current.oauth;
    if (grant === undefined) throw new Error('A pasted token cannot be refreshed.');
    const tokens = await refreshTokens(
      this.deps.http,
      this.deps.hydraBaseUrl,
      grant,
      grant.refreshToken,
      this.deps.now,
    );
    const next: Credentials = {
      ...this.current,
      accessToken: tokens.accessToken,
      oauth: {
        ...grant,
        refreshToken: tokens.refreshToken,
        expiresAt: tokens.expiresAt,
        refreshAt: tokens.refreshAt,
      },
    };
    await this.deps.save(next);
    this.current = next;
    this.schedule();
    return next;
  }
}
