import type { PresenceRecord } from './presence.js';
import type { WireStatus } from './statuses.js';
import { suppressesNotifications } from './statuses.js';

/** The Apheleia status object (docs/protocol.md §5), always with every field we own. */
export interface Composition {
  url: string;
  subject: string;
  status: WireStatus;
  customStatus: string;
  statusTime: string;
  lastActive?: string;
  expiresTTL: number;
  expiresTime?: string;
  suppressNotifications: boolean;
  category: 'unknown';
  vectorCounters: { sourceDC: string; counters: Record<string, number> };
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function buildComposition(
  apheleiaBase: string,
  subject: string,
  record: PresenceRecord | undefined,
  now: number,
): Composition {
  const rec: PresenceRecord = record ?? { status: 'unknown', customStatus: '', statusTime: now };
  const remainingMs = rec.expiresAt !== undefined ? Math.max(0, rec.expiresAt - now) : undefined;
  return {
    url: `${apheleiaBase}?userId=${subject}`,
    subject,
    status: rec.status,
    customStatus: rec.customStatus,
    statusTime: iso(rec.statusTime),
    ...(rec.lastActive !== undefined ? { lastActive: iso(rec.lastActive) } : {}),
    expiresTTL: remainingMs !== undefined ? Math.ceil(remainingMs / 1000) : -1,
    ...(rec.expiresAt !== undefined ? { expiresTime: iso(rec.expiresAt) } : {}),
    suppressNotifications: suppressesNotifications(rec.status),
    category: 'unknown',
    vectorCounters: { sourceDC: 'urn:TEAM:emulator', counters: {} },
  };
}
