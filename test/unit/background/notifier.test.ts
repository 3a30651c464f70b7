import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FLAP_MS, nextNotice, noticeBookItem } from '../../../src/background/availability-notices';
import { AvailabilityNotifier, chatUrl } from '../../../src/background/notifier';
import { PresenceStatus, type Presence } from '../../../src/core/presence';
import type { WatchedContact } from '../../../src/shared/contact';

const presence = (status: Presence['status'], contactId = 'ana'): Presence => ({
  contactId,
  status,
  customStatus: '',
  lastActiveTime: 0,
  expiresTime: 0,
});

const ana: WatchedContact = {
  contactId: 'ana',
  displayName: 'Ana Silva',
  emails: ['ana@example.com'],
  addedAt: 1,
  notify: true,
};

const MINUTE = 60_000;

function setup(contacts: readonly WatchedContact[] = [ana]) {
  let now = 1_000_000;
  const create = vi.fn(async (id: string, _options: unknown) => id);
  const clear = vi.fn(async () => true);
  const openUrl = vi.fn(async () => undefined);
  const make = () =>
    new AvailabilityNotifier({
      notifications: { create, clear },
      book: noticeBookItem,
      watchList: async () => contacts,
      openUrl,
      iconUrl: 'chrome-extension://id/icons/available-128.png',
      now: () => now,
    });
  let notifier = make();
  return {
    create,
    clear,
    openUrl,
    get notifier() {
      return notifier;
    },
    /** A stopped and restarted worker: memory gone, `storage.session` kept. */
    restart: () => (notifier = make()),
    advance: (ms: number) => (now += ms),
    async see(...statuses: Presence['status'][]) {
      for (const status of statuses) await notifier.observe(presence(status));
    },
  };
}

describe('AvailabilityNotifier', () => {
  test('Dnd -> Active notifies once, with the name, a chat hint and the icon', async () => {
    const s = setup();
    await s.see('Dnd', 'Active', 'Active');
    expect(s.create).toHaveBeenCalledTimes(1);
    expect(s.create).toHaveBeenCalledWith('presence-lens:available:ana', {
      type: 'basic',
      iconUrl: 'chrome-extension://id/icons/available-128.png',
      title: 'Ana Silva is available',
      message: 'Now Active in Webex. Click to open a chat.',
    });
  });

  test('the first presence after a start is no transition the user saw', async () => {
    const s = setup();
    await s.see('Active');
    expect(s.create).not.toHaveBeenCalled();
  });

  test('flapping within two minutes of a notification stays quiet', async () => {
    const s = setup();
    await s.see('Dnd', 'Active');
    s.advance(30_000);
    await s.see('Dnd');
    s.advance(30_000);
    await s.see('Active');
    expect(s.create).toHaveBeenCalledTimes(1);
  });

  test('Active -> Dnd -> Active within two minutes is a flap, not a return', async () => {
    const s = setup();
    await s.see('Active');
    s.advance(10 * MINUTE);
    await s.see('Dnd');
    s.advance(FLAP_MS - 1);
    await s.see('Active');
    expect(s.create).not.toHaveBeenCalled();
  });

  test('after two minutes away it notifies again', async () => {
    const s = setup();
    await s.see('Dnd', 'Active');
    s.advance(10_000);
    await s.see('Meeting');
    s.advance(FLAP_MS);
    await s.see('Active');
    expect(s.create).toHaveBeenCalledTimes(2);
  });

  test('Unknown and Pending do not count as unavailable, nor hide a real change', async () => {
    const s = setup();
    await s.see('Active', 'Unknown', 'Active', 'Pending');
    expect(s.create).not.toHaveBeenCalled();
    await s.see('Dnd');
    s.advance(FLAP_MS);
    await s.see('Unknown', 'Active');
    expect(s.create).toHaveBeenCalledTimes(1);
  });

  test('off by default: without notify: true nothing is shown', async () => {
    const quiet: WatchedContact = { ...ana, notify: undefined };
    const odd = { ...ana, contactId: 'bo', notify: 'yes' } as unknown as WatchedContact;
    const s = setup([quiet, odd]);
    await s.see('Dnd', 'Active');
    await s.notifier.observe(presence('Dnd', 'bo'));
    await s.notifier.observe(presence('Active', 'bo'));
    expect(s.create).not.toHaveBeenCalled();
  });

  test('a restarted worker remembers: no second notice, and no missed one', async () => {
    const s = setup();
    await s.see('Dnd', 'Active');
    s.restart();
    s.advance(5 * MINUTE);
    await s.see('Active');
    expect(s.create).toHaveBeenCalledTimes(1);
    await s.see('Dnd');
    s.advance(5 * MINUTE);
    s.restart();
    await s.see('Active');
    expect(s.create).toHaveBeenCalledTimes(2);
  });

  test('after a sign-out the next presences are first sightings again', async () => {
    const s = setup();
    await s.see('Dnd');
    await s.notifier.forget();
    await s.see('Active');
    expect(s.create).not.toHaveBeenCalled();
  });

  test('a failed notification is not counted as shown', async () => {
    const s = setup();
    s.create.mockRejectedValueOnce(new Error('no permission'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await s.see('Dnd', 'Active');
    s.advance(10_000);
    await s.see('Dnd');
    s.advance(FLAP_MS);
    await s.see('Active');
    expect(s.create).toHaveBeenCalledTimes(2);
  });

  test('a click opens the chat and clears the notification; other ids are not ours', async () => {
    const s = setup();
    expect(await s.notifier.clicked('presence-lens:available:ana')).toBe(true);
    expect(s.openUrl).toHaveBeenCalledWith('webexteams://im?email=ana%40example.com');
    expect(s.clear).toHaveBeenCalledWith('presence-lens:available:ana');
    expect(await s.notifier.clicked('someone-else')).toBe(false);
    expect(s.openUrl).toHaveBeenCalledTimes(1);
  });

  test('a contact without an email gets no chat promise', async () => {
    const s = setup([{ ...ana, emails: [] }]);
    await s.see('Busy', 'Active');
    expect(s.create.mock.calls[0]?.[1]).toMatchObject({ message: 'Now Active in Webex.' });
    await s.notifier.clicked('presence-lens:available:ana');
    expect(s.openUrl).not.toHaveBeenCalled();
  });
});

describe('nextNotice', () => {
  test('remembers when the contact left Active', () => {
    const first = nextNotice(undefined, { status: PresenceStatus.Active }, 5).notice;
    expect(nextNotice(first, { status: PresenceStatus.Call }, 9).notice).toEqual({
      status: 'Call',
      leftActiveAt: 9,
      notifiedAt: 0,
    });
  });

  test('the same state again changes nothing (no storage write)', () => {
    const seen = nextNotice(undefined, { status: PresenceStatus.Dnd }, 5).notice;
    expect(nextNotice(seen, { status: PresenceStatus.Dnd }, 9).notice).toBe(seen);
  });

  test('chatUrl escapes the address', () => {
    expect(chatUrl('a+b@x.org')).toBe('webexteams://im?email=a%2Bb%40x.org');
  });
});

beforeEach(() => vi.useRealTimers());
afterEach(() => vi.restoreAllMocks());
