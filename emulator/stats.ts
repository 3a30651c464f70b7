export interface SubscriptionCall {
  at: string;
  deviceUrl: string;
  subscriptionTtl: unknown;
  subjects: unknown[];
}

/** What the client did, so tests can assert on its traffic rather than guess. */
export class Stats {
  requests: Record<string, number> = {};
  subscriptionCalls: SubscriptionCall[] = [];

  count(key: string): void {
    this.requests[key] = (this.requests[key] ?? 0) + 1;
  }

  logSubscriptionCall(call: SubscriptionCall): void {
    this.subscriptionCalls.push(call);
  }

  clear(): void {
    this.requests = {};
    this.subscriptionCalls = [];
  }
}
