/**
 * When "now available" is worth a notification: the rule, as a pure function over what the worker
 * remembers per contact, and where that memory is kept (`storage.session`, so a restarted worker
 * neither notifies again nor misses a change).
 *
 * The rule (issue 9):
 * - Only a change the worker saw counts: a known unavailable state, then Active. The first
 *   presence after a start or a sign-in (nothing remembered) never notifies.
 * - Unknown and Pending mean "we do not know", not "unavailable": they do not overwrite the last
 *   known state, so Dnd -> Unknown -> Active notifies and Active -> Unknown -> Active does not.
 * - Flapping is quiet: no notification when the contact left Active less than `FLAP_MS` ago
 *   (they were barely away), nor when the last notification for them is less than `FLAP_MS` old.
 */
import { err, ok } from '../core/result';
import { isFiniteNumber, isRecord } from '../core/json-guards';
import { isPresenceStatus, PresenceStatus, type Presence } from '../core/presence';
import { defineItem } from '../shared/typed-storage';

export const FLAP_MS = 2 * 60_000;

export interface ContactNotice {
  /** The last known state (never Unknown or Pending). */
  readonly status: PresenceStatus;
  /** UTC ms when the contact was last seen leaving Active; 0 when never. */
  readonly leftActiveAt: number;
  /** UTC ms of the last notification about them; 0 when never. */
  readonly notifiedAt: number;
}

export type NoticeBook = Readonly<Record<string, ContactNotice>>;

const NOT_A_STATE: ReadonlySet<PresenceStatus> = new Set([
  PresenceStatus.Unknown,
  PresenceStatus.Pending,
]);

/** What to remember after `presence`, and whether it is a return to Active worth telling. */
export function nextNotice(
  before: ContactNotice | undefined,
  presence: Pick<Presence, 'status'>,
  now: number,
): { notice: ContactNotice | undefined; becameAvailable: boolean } {
  const { status } = presence;
  if (NOT_A_STATE.has(status)) return { notice: before, becameAvailable: false };
  if (before === undefined) {
    return { notice: { status, leftActiveAt: 0, notifiedAt: 0 }, becameAvailable: false };
  }
  if (status === before.status) return { notice: before, becameAvailable: false };
  const wasActive = before.status === PresenceStatus.Active;
  const isActive = status === PresenceStatus.Active;
  const leftActiveAt = wasActive && !isActive ? now : before.leftActiveAt;
  const notice = { ...before, status, leftActiveAt };
  const quiet =
    (before.leftActiveAt > 0 && now - before.leftActiveAt < FLAP_MS) ||
    (before.notifiedAt > 0 && now - before.notifiedAt < FLAP_MS);
  return { notice, becameAvailable: isActive && !wasActive && !quiet };
}

function parseNoticeBook(raw: unknown) {
  if (!isRecord(raw)) return err('the notice book must be an object');
  const book: Record<string, ContactNotice> = {};
  for (const [id, entry] of Object.entries(raw)) {
    if (!isRecord(entry)) continue;
    const { status, leftActiveAt, notifiedAt } = entry;
    if (!isPresenceStatus(status) || !isFiniteNumber(leftActiveAt) || !isFiniteNumber(notifiedAt)) {
      continue; // one unreadable entry costs that contact one missed notice, nothing more
    }
    book[id] = { status, leftActiveAt, notifiedAt };
  }
  return ok(book as NoticeBook);
}

/**
 * Declared here rather than in src/shared/storage-items.ts: only the worker reads it, and no page
 * needs to know it exists.
 */
export const noticeBookItem = defineItem<NoticeBook>('session', 'availabilityNotices', {
  fallback: {},
  version: 1,
  validate: parseNoticeBook,
});
