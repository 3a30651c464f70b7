/** The emulator's own control API (/_emu), used to stage presence changes and read its stats. */

export interface EmulatedPerson {
  uuid: string;
  displayName: string;
  type: string;
  signedIn: boolean;
}

export interface EmulatorStats {
  requests: Record<string, number>;
  subscriptions: { deviceUrl: string; subject: string }[];
  sockets: { deviceUrl: string; authorized: boolean }[];
}

async function call<T>(base: string, method: string, path: string, body?: object): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}`);
  return (await res.json()) as T;
}

export class EmulatorControl {
  constructor(readonly baseUrl: string) {}

  /** Everyone but the signed-in user. */
  async people(): Promise<EmulatedPerson[]> {
    const body = await call<{ people: EmulatedPerson[] }>(this.baseUrl, 'GET', '/_emu/people');
    return body.people.filter((p) => !p.signedIn && p.type === 'person');
  }

  async setStatus(uuid: string, status: string): Promise<void> {
    await call(this.baseUrl, 'PUT', `/_emu/presence/${uuid}`, { status });
  }

  stats(): Promise<EmulatorStats> {
    return call<EmulatorStats>(this.baseUrl, 'GET', '/_emu/stats');
  }

  async requestCount(key: string): Promise<number> {
    return (await this.stats()).requests[key] ?? 0;
  }
}
