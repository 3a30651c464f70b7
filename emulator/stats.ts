import { RequestBudget } from './budget.js';

export interface SubscriptionCall {
  at: string;
  deviceUrl: string;
  subscriptionTtl: unknown;
  subjects: unknown[];
}

/** What WDM did with device registrations; `requests` counts attempts, this counts outcomes. */
export interface DeviceCounts {
  /** POSTs that registered a device. */
  registered: number;
  /** POSTs refused with 403 "User has excessive device registrations" (the maxDevices knob). */
  rejected: number;
  /** DELETEs that removed a device (204); a DELETE of an unknown device (404) is not counted. */
  deleted: number;
}

export type DeviceOutcome = keyof DeviceCounts;

const noDevices = (): DeviceCounts => ({ registered: 0, rejected: 0, deleted: 0 });

/** What the OAuth server did (emulator/README.md, OAuth). */
export interface OAuthCounts {
  /** /v1/authorize requests that passed validation: a consent page shown or auto-approved. */
  authorizations: number;
  /** Authorization codes handed out (Approve, or auto-approve). */
  codesIssued: number;
  /** Access tokens handed out, by either grant. */
  tokensIssued: number;
  /** Successful refresh_token grants. */
  refreshes: number;
  /** Tokens revoked through /idb/oauth2/v1/revoke (sign-out). */
  revocations: number;
  /** OAuth error answers: error pages and redirects (access_denied included) and token errors. */
  failures: number;
}

export type OAuthOutcome = keyof OAuthCounts;

const noOAuth = (): OAuthCounts => ({
  authorizations: 0,
  codesIssued: 0,
  tokensIssued: 0,
  refreshes: 0,
  revocations: 0,
  failures: 0,
});

/** What the client did, so tests can assert on its traffic rather than guess. */
export class Stats {
  requests: Record<string, number> = {};
  /** Client requests by their Host header: shows whether anything reached a foreign name. */
  hosts: Record<string, number> = {};
  subscriptionCalls: SubscriptionCall[] = [];
  devices: DeviceCounts = noDevices();
  oauth: OAuthCounts = noOAuth();
  /** Client requests over time: total, busiest second, per minute (see budget.ts). */
  readonly budget = new RequestBudget();

  count(key: string): void {
    this.requests[key] = (this.requests[key] ?? 0) + 1;
  }

  countHost(host: string): void {
    this.hosts[host] = (this.hosts[host] ?? 0) + 1;
  }

  countDevice(outcome: DeviceOutcome): void {
    this.devices[outcome] += 1;
  }

  countOAuth(outcome: OAuthOutcome): void {
    this.oauth[outcome] += 1;
  }

  logSubscriptionCall(call: SubscriptionCall): void {
    this.subscriptionCalls.push(call);
  }

  clear(): void {
    this.requests = {};
    this.hosts = {};
    this.subscriptionCalls = [];
    this.devices = noDevices();
    this.oauth = noOAuth();
    this.budget.clear();
  }
}
