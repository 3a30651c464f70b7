import type { WireStatus } from './statuses.js';

export const ACTIVE_WINDOW_MS = 10 * 60_000;

/** What the emulator stores per person; compositions are derived from it when read. */
export interface PresenceRecord {
  status: WireStatus;
  customStatus: string;
  statusTime: number;
  lastActive?: number;
  expiresAt?: number;
}

export interface PresenceUpdate {
  status: WireStatus;
  customStatus?: string;
  ttlSeconds?: number;
  lastActive?: number;
}

export class PresenceStore {
  private readonly records = new Map<string, PresenceRecord>();

  constructor(
    private readonly now: () => number,
    private readonly onChange: (uuid: string) => void,
  ) {}

  /** The record as of now: an `active` person's lastActive is always fresh. */
  get(uuid: string): PresenceRecord | undefined {
    const record = this.records.get(uuid);
    if (!record) return undefined;
    return record.status === 'active' ? { ...record, lastActive: this.now() } : { ...record };
  }

  set(uuid: string, update: PresenceUpdate): PresenceRecord {
    const now = this.now();
    const previous = this.get(uuid);
    const lastActive =
      update.status === 'active' ? now : (update.lastActive ?? previous?.lastActive);
    const record: PresenceRecord = {
      status: update.status,
      customStatus: update.customStatus ?? '',
      statusTime: now,
      ...(lastActive !== undefined ? { lastActive } : {}),
      ...(update.ttlSeconds !== undefined && update.ttlSeconds > 0
        ? { expiresAt: now + update.ttlSeconds * 1000 }
        : {}),
    };
    this.records.set(uuid, record);
    this.onChange(uuid);
    return this.get(uuid) ?? record;
  }

  /** Statuses whose ttl ran out fall back to active/inactive by lastActive, and are pushed. */
  sweep(): void {
    const now = this.now();
    for (const [uuid, record] of this.records) {
      if (record.expiresAt === undefined || record.expiresAt > now) continue;
      const recent = record.lastActive !== undefined && now - record.lastActive <= ACTIVE_WINDOW_MS;
      this.set(uuid, { status: recent ? 'active' : 'inactive' });
    }
  }

  clear(): void {
    this.records.clear();
  }
}
