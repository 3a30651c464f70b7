/**
 * "Notify when available": one system notification when a watched contact with `notify` on
 * becomes Active (the rule is in availability-notices.ts); clicking it opens a Webex chat.
 */
import { PresenceStatus } from '../core/presence';
import { createSerialQueue } from '../core/serial-queue';
import type { Presence } from '../core/presence';
import type { WatchedContact } from '../shared/contact';
import type { StorageItem } from '../shared/typed-storage';
import { t } from '../ui/i18n';
import { nextNotice, type NoticeBook } from './availability-notices';

/** The part of `chrome.notifications` used here. */
export interface NotificationsApi {
  create(id: string, options: NotificationOptions): Promise<unknown>;
  clear(id: string): Promise<unknown>;
}

export interface NotificationOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
}

export interface NotifierDeps {
  readonly notifications: NotificationsApi;
  readonly book: StorageItem<NoticeBook>;
  readonly watchList: () => Promise<readonly WatchedContact[]>;
  readonly openUrl: (url: string) => Promise<unknown>;
  readonly iconUrl: string;
  readonly now?: () => number;
}

const ID_PREFIX = 'presence-lens:available:';

/** Off unless set to exactly `true` (a list written before the option existed means off). */
function wantsNotice(contact: WatchedContact): boolean {
  return (contact as { readonly notify?: unknown }).notify === true;
}

export function chatUrl(email: string): string {
  return `webexteams://im?email=${encodeURIComponent(email)}`;
}

export class AvailabilityNotifier {
  /** Loaded from the session once, then kept here and written through. */
  private book: Record<string, NoticeBook[string]> | null = null;
  private readonly serial = createSerialQueue();
  /** The book is saved at most once a second: 1,000 first presences are one write, not 1,000. */
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: NotifierDeps) {}

  /** Every presence the mirror is given passes through here, in order. */
  observe(presence: Presence): Promise<void> {
    return this.serial(async () => {
      const book = await this.load();
      const now = this.deps.now?.() ?? Date.now();
      const before = book[presence.contactId];
      const { notice, becameAvailable } = nextNotice(before, presence, now);
      if (notice === before) return;
      book[presence.contactId] = notice!;
      if (becameAvailable && (await this.notify(presence.contactId))) {
        book[presence.contactId] = { ...notice!, notifiedAt: now };
        await this.deps.book.set({ ...book }); // a notification is never forgotten by a restart
        return;
      }
      // Leaving or reaching Active is saved at once (a restart must not miss the next notice);
      // first sightings and moves between unavailable states can wait for the batched save.
      const crossed =
        before !== undefined &&
        (before.status === PresenceStatus.Active) !== (notice!.status === PresenceStatus.Active);
      if (crossed) await this.deps.book.set({ ...book });
      else this.scheduleSave();
    });
  }

  private scheduleSave(): void {
    this.saveTimer ??= setTimeout(() => {
      this.saveTimer = undefined;
      void this.serial(async () => {
        if (this.book !== null) await this.deps.book.set({ ...this.book });
      });
    }, 1_000);
  }

  /**
   * Signed out: what was known belongs to that sign-in, so the first presences of the next one
   * count as first sightings again.
   */
  forget(): Promise<void> {
    return this.serial(async () => {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      this.book = {};
      await this.deps.book.set({});
    });
  }

  /** A click on one of ours opens the chat (true), anything else is left alone (false). */
  async clicked(notificationId: string): Promise<boolean> {
    if (!notificationId.startsWith(ID_PREFIX)) return false;
    const contactId = notificationId.slice(ID_PREFIX.length);
    const contact = (await this.deps.watchList()).find((c) => c.contactId === contactId);
    const email = contact?.emails[0];
    if (email) await this.deps.openUrl(chatUrl(email));
    await this.deps.notifications.clear(notificationId);
    return true;
  }

  private async load(): Promise<Record<string, NoticeBook[string]>> {
    this.book ??= { ...(await this.deps.book.get()) };
    return this.book;
  }

  private async notify(contactId: string): Promise<boolean> {
    const contact = (await this.deps.watchList()).find((c) => c.contactId === contactId);
    if (!contact || !wantsNotice(contact)) return false;
    try {
      // One id per contact: a newer notice replaces an older one still on screen.
      await this.deps.notifications.create(`${ID_PREFIX}${contactId}`, {
        type: 'basic',
        iconUrl: this.deps.iconUrl,
        title: t('notify_available_title', contact.displayName),
        message: t(contact.emails[0] ? 'notify_available_message' : 'notify_available_no_chat'),
      });
      return true;
    } catch (error) {
      console.warn('Presence Lens: could not show a notification', error);
      return false;
    }
  }
}
