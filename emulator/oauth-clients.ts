import { HttpError } from './http-error.js';
import type { JsonObject } from './validate.js';
import { expectObject, optionalString, rejectUnknownKeys } from './validate.js';

/** The integration the emulator knows from the start, like one registered on developer.webex.com. */
export const DEMO_CLIENT_ID = 'C-presence-lens-demo';
export const DEMO_CLIENT_SECRET = 'demo-secret';

/**
 * An OAuth client (a Webex integration). `redirectUris` are prefixes: a redirect_uri matches
 * one when it has the same origin and its path starts with the registered path.
 */
export interface OAuthClient {
  clientId: string;
  /** Undefined for a public client: the token endpoint then takes no secret. */
  clientSecret?: string;
  redirectUris: string[];
}

export const CLIENT_KEYS = ['clientId', 'clientSecret', 'redirectUris'];
const CLIENT_ID_RE = /^[A-Za-z0-9._~-]{1,128}$/;
const MAX_REDIRECT_URIS = 20;

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** A URL a redirect may go to at all: absolute, no credentials, no fragment (RFC 6749 §3.1.2). */
function plainUrl(value: string): URL | undefined {
  const url = parseUrl(value);
  if (!url || url.username !== '' || url.password !== '' || value.includes('#')) return undefined;
  return url;
}

/** `https://<extension id>.chromiumapp.org/…`, where chrome.identity.launchWebAuthFlow lands. */
function isChromiumAppUrl(url: URL): boolean {
  return (
    url.protocol === 'https:' &&
    url.port === '' &&
    /^[a-z0-9-]+\.chromiumapp\.org$/i.test(url.hostname)
  );
}

/** `http://127.0.0.1:<any port>/…`, for tests that follow the redirect themselves. */
function isLoopbackHttpUrl(url: URL): boolean {
  return url.protocol === 'http:' && url.hostname === '127.0.0.1';
}

function matchesPrefix(url: URL, registered: string): boolean {
  const prefix = plainUrl(registered);
  if (!prefix || url.origin !== prefix.origin) return false;
  const path = prefix.pathname;
  return url.pathname === path || url.pathname.startsWith(path.endsWith('/') ? path : `${path}/`);
}

/** Whether `client` may be sent back to `redirectUri`. */
export function acceptsRedirect(client: OAuthClient, redirectUri: string): boolean {
  const url = plainUrl(redirectUri);
  if (!url) return false;
  if (client.clientId === DEMO_CLIENT_ID && (isChromiumAppUrl(url) || isLoopbackHttpUrl(url))) {
    return true;
  }
  return client.redirectUris.some((registered) => matchesPrefix(url, registered));
}

/** Validates a POST /_emu/oauth/clients body. */
export function parseClient(value: unknown): OAuthClient {
  const body: JsonObject = expectObject(value);
  rejectUnknownKeys(body, CLIENT_KEYS, 'the client');
  const clientId = optionalString(body, 'clientId');
  if (clientId === undefined || !CLIENT_ID_RE.test(clientId)) {
    throw new HttpError(400, '"clientId" is required: 1-128 of A-Z a-z 0-9 . _ ~ -');
  }
  const clientSecret = optionalString(body, 'clientSecret');
  if (clientSecret !== undefined && (clientSecret === '' || clientSecret.length > 256)) {
    throw new HttpError(400, '"clientSecret" must be 1-256 characters, or left out');
  }
  const uris = body.redirectUris;
  if (!Array.isArray(uris) || uris.length === 0 || uris.length > MAX_REDIRECT_URIS) {
    throw new HttpError(400, `"redirectUris" must be an array of 1-${MAX_REDIRECT_URIS} URLs`);
  }
  uris.forEach((uri, i) => {
    const url = typeof uri === 'string' ? plainUrl(uri) : undefined;
    if (!url || url.protocol !== 'https:') {
      throw new HttpError(
        400,
        `redirectUris[${i}] must be an https URL without credentials or fragment (an extension's is https://<extension id>.chromiumapp.org/)`,
      );
    }
  });
  return {
    clientId,
    ...(clientSecret !== undefined ? { clientSecret } : {}),
    redirectUris: uris as string[],
  };
}

const demoClient = (): OAuthClient => ({
  clientId: DEMO_CLIENT_ID,
  clientSecret: DEMO_CLIENT_SECRET,
  redirectUris: [],
});

/** The integrations the emulator knows: the demo client and any registered since the start. */
export class OAuthClients {
  private readonly clients = new Map<string, OAuthClient>([[DEMO_CLIENT_ID, demoClient()]]);

  get(clientId: string): OAuthClient | undefined {
    return this.clients.get(clientId);
  }

  /** Throws 409 when the id is taken. */
  add(client: OAuthClient): void {
    if (this.clients.has(client.clientId)) {
      throw new HttpError(409, `OAuth client ${client.clientId} is already registered`);
    }
    this.clients.set(client.clientId, client);
  }

  /** Back to the demo client only. */
  clear(): void {
    for (const id of this.clients.keys()) if (id !== DEMO_CLIENT_ID) this.clients.delete(id);
  }

  /** Without secrets: only whether there is one. */
  list(): { clientId: string; confidential: boolean; redirectUris: string[] }[] {
    return [...this.clients.values()].map((c) => ({
      clientId: c.clientId,
      confidential: c.clientSecret !== undefined,
      redirectUris: c.redirectUris,
    }));
  }
}
