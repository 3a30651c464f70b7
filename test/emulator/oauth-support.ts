import { createHash, randomBytes } from 'node:crypto';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../emulator/oauth-clients.js';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Harness, Json } from './helpers.js';
import { harness } from './helpers.js';

/**
 * The OAuth suites' emulator: one per file, on `clock`, reset before each test; `use` gets it
 * once it runs.
 */
export function useOAuthEmulator(clock: { now: () => number }, use: (made: Harness) => void): void {
  let made: Harness | undefined;
  beforeAll(async () => {
    made = await harness({ now: clock.now });
    use(made);
  });
  beforeEach(async () => {
    await made?.control('POST', '/_emu/reset');
  });
  afterAll(() => made?.emu.close());
}

export const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/webex';

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function pkce(): Pkce {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** A /v1/authorize query for the demo client; `overrides` replace or (undefined) drop fields. */
export function authorizeQuery(
  p: Pkce,
  overrides: Record<string, string | undefined> = {},
): string {
  const fields: Record<string, string | undefined> = {
    client_id: DEMO_CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: 'spark:all',
    state: 'st-123',
    code_challenge: p.challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) query.set(k, v);
  return query.toString();
}

/** GET /v1/authorize without following redirects. */
export async function authorize(h: Harness, query: string) {
  const res = await fetch(`${h.base}/v1/authorize?${query}`, { redirect: 'manual' });
  const location = res.headers.get('location');
  return {
    status: res.status,
    text: await res.text(),
    headers: res.headers,
    location: location === null ? undefined : new URL(location),
  };
}

/** POST /v1/authorize/decision as the consent form does. */
export async function decide(h: Harness, consent: string, decision: string) {
  const res = await fetch(`${h.base}/v1/authorize/decision`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ consent, decision }).toString(),
  });
  const location = res.headers.get('location');
  return {
    status: res.status,
    text: await res.text(),
    location: location === null ? undefined : new URL(location),
  };
}

/** The consent form's one-time token, read from the page. */
export function consentToken(page: string): string {
  const token = /name="consent" value="([^"]+)"/.exec(page)?.[1];
  if (token === undefined) throw new Error('no consent token on the page');
  return token;
}

/** POST /v1/access_token, form-encoded unless `asJson`. */
export async function token(
  h: Harness,
  fields: Record<string, string>,
  opts: { asJson?: boolean; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await fetch(`${h.base}/v1/access_token`, {
    method: 'POST',
    headers: {
      'content-type': opts.asJson ? 'application/json' : 'application/x-www-form-urlencoded',
      ...opts.headers,
    },
    body: opts.asJson ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json, headers: res.headers };
}

export const demoClient = { client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET };

/** Approve-page flow to a code, with auto-approve off. */
export async function codeByConsent(h: Harness, p: Pkce, redirectUri = REDIRECT): Promise<string> {
  const page = await authorize(h, authorizeQuery(p, { redirect_uri: redirectUri }));
  if (page.status !== 200) throw new Error(`authorize -> ${page.status}: ${page.text}`);
  const done = await decide(h, consentToken(page.text), 'approve');
  const code = done.location?.searchParams.get('code');
  if (!code) throw new Error(`no code: ${done.status} ${String(done.location)}`);
  return code;
}

/** Code, then tokens, for the demo client. */
export async function signIn(h: Harness): Promise<Json> {
  const p = pkce();
  const code = await codeByConsent(h, p);
  const res = await token(h, {
    grant_type: 'authorization_code',
    ...demoClient,
    code,
    redirect_uri: REDIRECT,
    code_verifier: p.verifier,
  });
  if (res.status !== 200)
    throw new Error(`access_token -> ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}
