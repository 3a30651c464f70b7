export interface Subscription {
  deviceId: string;
  subject: string;
  expiresAt: number;
}

/** Subscriptions keyed on (device, subject); expired ones are invisible and swept. */
export class SubscriptionStore {
  private readonly byKey = new Map<string, Subscription>();

  upsert(deviceId: string, subject: string, expiresAt: number): void {
    this.byKey.set(`${deviceId} ${subject}`, { deviceId, subject, expiresAt });
  }

  remove(deviceId: string, subject: string): void {
    this.byKey.delete(`${deviceId} ${subject}`);
  }

  removeDevice(deviceId: string): void {
    for (const [key, sub] of this.byKey) if (sub.deviceId === deviceId) this.byKey.delete(key);
  }

  forDevice(deviceId: string, now: number): Subscription[] {
    return this.live(now).filter((s) => s.deviceId === deviceId);
  }

  devicesFor(subject: string, now: number): string[] {
    return this.live(now)
      .filter((s) => s.subject === subject)
      .map((s) => s.deviceId);
  }

  live(now: number): Subscription[] {
    return [...this.byKey.values()].filter((s) => s.expiresAt > now);
  }

  sweep(now: number): void {
    for (const [key, sub] of this.byKey) if (sub.expiresAt <= now) this.byKey.delete(key);
  }

  clear(): void {
    this.byKey.clear();
  }
}
