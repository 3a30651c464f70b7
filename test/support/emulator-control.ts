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
    createPerson: (displayName: string, email: string, type = 'person') =>
      call<EmuPerson>(baseUrl, 'POST', '/_emu/people', { displayName, emails: [email], type }),
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
  };
}
