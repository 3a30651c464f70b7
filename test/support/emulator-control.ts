/** The emulator's control API (/_emu/...), as the end-to-end tests use it. */

export interface EmuPerson {
  id: string;
  uuid: string;
  displayName: string;
  emails: string[];
  type: string;
}

export interface SubscriptionCall {
  at: string | number;
  deviceUrl: string;
  subscriptionTtl: number;
  subjects: string[];
}

export interface EmuStats {
  requests: Record<string, number>;
  hosts: Record<string, number>;
  devices: { registered: number; rejected: number; deleted: number };
  subscriptions: { deviceUrl: string; subject: string; expiresAt: string }[];
  subscriptionCalls: SubscriptionCall[];
  budget: EmuBudget;
  oauth: EmuOAuthStats;
}

/** What the emulator's OAuth server did (emulator/README.md, OAuth). */
export interface EmuOAuthStats {
  authorizations: number;
  codesIssued: number;
  tokensIssued: number;
  refreshes: number;
  revocations: number;
  failures: number;
}

/** A registered OAuth client, as POST/GET /_emu/oauth/clients answer it (no secret). */
export interface EmuOAuthClient {
  clientId: string;
  confidential: boolean;
  redirectUris: string[];
}

/** Client requests over time (emulator/README.md, Stats): one stream of them. */
export interface EmuBudgetSummary {
  total: number;
  /** Most requests in any sliding 1000 ms window, (t - 1 s, t]. */
  peakPerSecond: number;
  /** The end of the first window that reached the peak; null before any request. */
  peakAt: string | null;
  /** The first request counted since the last reset; null before any. */
  since: string | null;
  /** One entry per wall-clock minute from `since` to now (zeros included), the last 60 at most. */
  byMinute: { minute: string; count: number }[];
}

export interface EmuBudget extends EmuBudgetSummary {
  byRoute: {
    /** Apheleia reads. */
    'POST /apheleia/api/v1/compositions': EmuBudgetSummary;
    /** People list lookups (`?id=`, `?email=`, `?displayName=`). */
    'GET /v1/people': EmuBudgetSummary;
  };
}

export interface EmuComposition {
  subject: string;
  status: string;
  customStatus: string;
  expiresTime?: string;
}

async function call<T>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${method} ${path} -> ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

export function emulatorControl(baseUrl: string) {
  return {
    createPerson: (displayName: string, email: string, type = 'person', avatar = false) =>
      call<EmuPerson>(baseUrl, 'POST', '/_emu/people', {
        displayName,
        emails: [email],
        type,
        avatar,
      }),
    setPresence: (
      idOrUuid: string,
      presence: { status: string; customStatus?: string; ttl?: number },
    ) =>
      call<EmuComposition>(
        baseUrl,
        'PUT',
        `/_emu/presence/${encodeURIComponent(idOrUuid)}`,
        presence,
      ),
    stats: () => call<EmuStats>(baseUrl, 'GET', '/_emu/stats'),
    /** POST /_emu/faults: the knobs of emulator/README.md. */
    faults: (knobs: Record<string, unknown>) =>
      call<unknown>(baseUrl, 'POST', '/_emu/faults', knobs),
    closeSockets: (code: number, reason: string) =>
      call<unknown>(baseUrl, 'POST', '/_emu/sockets/close', { code, reason }),
    /** Apheleia forgets every subscription now, silently; pushes stop until the client resubscribes. */
    loseSubscriptions: () =>
      call<unknown>(baseUrl, 'POST', '/_emu/faults', { loseSubscriptions: true }),
    /** Sends `raw` as one Mercury text frame to every authorized socket: a string verbatim, else JSON. */
    pushRaw: (raw: unknown) => call<{ sent: number }>(baseUrl, 'POST', '/_emu/push', { raw }),
    /** /v1/authorize redirects with a code at once (true) or shows the consent page (false). */
    oauthAutoApprove: (on: boolean) =>
      call<unknown>(baseUrl, 'POST', '/_emu/faults', { oauthAutoApprove: on }),
    /** `expires_in` of access tokens issued from now on, in seconds (≥ 1). */
    accessTokenLifetime: (seconds: number) =>
      call<unknown>(baseUrl, 'POST', '/_emu/faults', { accessTokenLifetime: seconds }),
    /** Registers an integration; `redirectUris` are https prefixes. */
    registerOAuthClient: (client: {
      clientId: string;
      clientSecret?: string;
      redirectUris: string[];
    }) => call<EmuOAuthClient>(baseUrl, 'POST', '/_emu/oauth/clients', client),
  };
}
