import { randomBytes } from 'node:crypto';
import { randomToken } from './oauth-crypto.js';

/** An authorization code is good for 60 s, once. */
export const CODE_LIFETIME_S = 60;
/** How long the consent page's Approve/Deny form stays usable. */
export const CONSENT_LIFETIME_S = 600;
/** Webex access tokens last 14 days unless the `accessTokenLifetime` knob says otherwise. */
export const DEFAULT_ACCESS_TOKEN_LIFETIME_S = 14 * 24 * 60 * 60;
/** Refresh tokens last 90 days from their last use. */
export const REFRESH_TOKEN_LIFETIME_S = 90 * 24 * 60 * 60;
/** The cluster part of an issued token, `<64 hex>_<cluster>_<org uuid>` like the demo token. */
const TOKEN_CLUSTER = 'P0A1';
/** At most this many open consent forms or unredeemed codes; the oldest go first. */
const MAX_PENDING = 1000;

/** A validated /v1/authorize request, waiting for consent or bound to a code. */
export interface AuthorizationGrant {
  clientId: string;
  redirectUri: string;
  scope: string;
  state?: string;
  codeChallenge: string;
}

interface Expiring {
  expiresAt: number;
}

interface UsedCode extends Expiring {
  tokens: string[];
}

interface RefreshRecord extends Expiring {
  clientId: string;
  scope: string;
}

/** The token endpoint's success answer (Webex field names). */
export interface TokenResponse {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  refresh_token_expires_in: number;
  token_type: 'Bearer';
  scope: string;
}

export type CodeLookup = (AuthorizationGrant & Expiring) | 'used' | undefined;

function putBounded<T>(map: Map<string, T>, key: string, value: T): void {
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= MAX_PENDING) break;
    map.delete(oldest);
  }
}

function dropExpired(map: Map<string, Expiring>, now: number): void {
  for (const [key, entry] of map) if (entry.expiresAt <= now) map.delete(key);
}

/** Consent forms, codes and tokens the emulator's OAuth server handed out, by its clock. */
export class OAuthStore {
  private readonly consents = new Map<string, AuthorizationGrant & Expiring>();
  private readonly codes = new Map<string, AuthorizationGrant & Expiring>();
  private readonly usedCodes = new Map<string, UsedCode>();
  private readonly accessTokens = new Map<string, Expiring & { clientId: string }>();
  private readonly refreshTokens = new Map<string, RefreshRecord>();

  constructor(
    private readonly now: () => number,
    private readonly orgUuid: string,
  ) {}

  /** Opens a consent form; the answer is its one-time form token. */
  openConsent(grant: AuthorizationGrant): string {
    const token = randomToken();
    putBounded(this.consents, token, {
      ...grant,
      expiresAt: this.now() + CONSENT_LIFETIME_S * 1000,
    });
    return token;
  }

  /** The request behind a consent form token, once; undefined when unknown or expired. */
  takeConsent(token: string): AuthorizationGrant | undefined {
    const consent = this.consents.get(token);
    this.consents.delete(token);
    if (!consent || consent.expiresAt <= this.now()) return undefined;
    const { clientId, redirectUri, scope, state, codeChallenge } = consent;
    return {
      clientId,
      redirectUri,
      scope,
      codeChallenge,
      ...(state !== undefined ? { state } : {}),
    };
  }

  issueCode(grant: AuthorizationGrant): string {
    const code = randomToken();
    putBounded(this.codes, code, { ...grant, expiresAt: this.now() + CODE_LIFETIME_S * 1000 });
    return code;
  }

  /**
   * Takes a code out of play, whatever comes of the redemption. A code seen before answers
   * 'used' and the tokens it bought are revoked (RFC 6749 §4.1.2); an expired one undefined.
   */
  takeCode(code: string): CodeLookup {
    const used = this.usedCodes.get(code);
    if (used) {
      for (const token of used.tokens) this.revoke(token);
      return 'used';
    }
    const entry = this.codes.get(code);
    if (!entry) return undefined;
    this.codes.delete(code);
    this.usedCodes.set(code, { expiresAt: entry.expiresAt, tokens: [] });
    return entry.expiresAt > this.now() ? entry : undefined;
  }

  /** Remembers what a code bought, so a second use of it can revoke them. */
  bindCode(code: string, tokens: TokenResponse): void {
    this.usedCodes.get(code)?.tokens.push(tokens.access_token, tokens.refresh_token);
  }

  /** A new access token; with `refreshToken`, that one is kept and lives on 90 days from now. */
  issueTokens(
    clientId: string,
    scope: string,
    lifetimeS: number,
    refreshToken = randomToken(48),
  ): TokenResponse {
    const now = this.now();
    const accessToken = `${randomBytes(32).toString('hex')}_${TOKEN_CLUSTER}_${this.orgUuid}`;
    this.accessTokens.set(accessToken, { clientId, expiresAt: now + lifetimeS * 1000 });
    this.refreshTokens.set(refreshToken, {
      clientId,
      scope,
      expiresAt: now + REFRESH_TOKEN_LIFETIME_S * 1000,
    });
    return {
      access_token: accessToken,
      expires_in: lifetimeS,
      refresh_token: refreshToken,
      refresh_token_expires_in: REFRESH_TOKEN_LIFETIME_S,
      token_type: 'Bearer',
      scope,
    };
  }

  /** Whether an issued access token is still good (revocation is the caller's to check). */
  acceptsAccessToken(token: string): boolean {
    const entry = this.accessTokens.get(token);
    return entry !== undefined && entry.expiresAt > this.now();
  }

  /** The grant behind a live refresh token; undefined when unknown or expired. */
  refreshGrant(token: string): { clientId: string; scope: string } | undefined {
    const entry = this.refreshTokens.get(token);
    if (!entry || entry.expiresAt <= this.now()) return undefined;
    return { clientId: entry.clientId, scope: entry.scope };
  }

  /**
   * Revocation (RFC 7009) by the client the token was issued to: true when a live token of
   * theirs went. Someone else's token, or an unknown one, is left alone (and still answered 200).
   */
  revokeFor(clientId: string, token: string): boolean {
    const owner = this.accessTokens.get(token)?.clientId ?? this.refreshTokens.get(token)?.clientId;
    if (owner !== clientId) return false;
    this.revoke(token);
    return true;
  }

  private revoke(token: string): void {
    this.accessTokens.delete(token);
    this.refreshTokens.delete(token);
  }

  sweep(): void {
    const now = this.now();
    for (const map of [
      this.consents,
      this.codes,
      this.usedCodes,
      this.accessTokens,
      this.refreshTokens,
    ]) {
      dropExpired(map, now);
    }
  }

  /** Forgets open consent forms and codes; issued tokens stay good, as a client holds them. */
  forgetPending(): void {
    this.consents.clear();
    this.codes.clear();
    this.usedCodes.clear();
  }
}
