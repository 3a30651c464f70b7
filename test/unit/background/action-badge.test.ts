import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  ActionBadge,
  BADGE_COLOURS,
  badgeView,
  THROTTLE_MS,
  type BadgeInputs,
} from '../../../src/background/action-badge';
import type { ConnectionPhase } from '../../../src/core/connection-phase';
import type { Presence } from '../../../src/core/presence';
import type { WatchedContact } from '../../../src/shared/contact';
import { presence } from '../ui/fixtures';

const contact = (contactId: string): WatchedContact => ({
  contactId,
  displayName: contactId,
  emails: [],
  addedAt: 0,
});

function inputs(phase: ConnectionPhase, statuses: Record<string, Presence['status']>): BadgeInputs {
  const ids = Object.keys(statuses);
  return {
    contacts: ids.map(contact),
    presences: Object.fromEntries(ids.map((id) => [id, presence(id, statuses[id]!)])),
    phase,
  };
}

describe('badgeView', () => {
  test('counts Active contacts; the tooltip adds meetings and calls', () => {
    const view = badgeView(
      inputs('live', {
        a: 'Active',
        b: 'Active',
        c: 'Meeting',
        d: 'Presenting',
        e: 'Call',
        f: 'Dnd',
      }),
    );
    expect(view).toEqual({
      text: '2',
      colour: BADGE_COLOURS.live,
      title: 'Presence Lens — 2 of 6 available, 3 in meetings or calls',
    });
  });

  test('no badge when nobody is available; the tooltip still says so', () => {
    expect(badgeView(inputs('polling', { a: 'Dnd' }))).toEqual({
      text: '',
      colour: BADGE_COLOURS.live,
      title: 'Presence Lens — 0 of 1 available',
    });
  });

  test('contacts no longer watched and presences not yet known do not count', () => {
    const view = badgeView({
      contacts: [contact('a'), contact('b')],
      presences: { a: presence('a', 'Active'), gone: presence('gone', 'Active') },
      phase: 'live',
    });
    expect(view.text).toBe('1');
    expect(view.title).toBe('Presence Lens — 1 of 2 available');
  });

  test('signed out: no badge at all', () => {
    expect(badgeView(inputs('signed-out', { a: 'Active' }))).toEqual({
      text: '',
      colour: BADGE_COLOURS.stale,
      title: 'Presence Lens — signed out',
    });
  });

  test('while the connection is down the badge turns grey and the tooltip says why', () => {
    const view = badgeView(inputs('reconnecting', { a: 'Active' }));
    expect(view).toEqual({
      text: '1',
      colour: BADGE_COLOURS.stale,
      title: 'Presence Lens — 1 of 1 available (not up to date)',
    });
  });

  test('both colours give white text at least 4.5:1', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const colour of [BADGE_COLOURS.live, BADGE_COLOURS.stale]) {
      expect(1.05 / (luminance(colour) + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('ActionBadge', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    let current = inputs('live', { a: 'Active', b: 'Dnd' });
    const action = {
      setBadgeText: vi.fn(async () => undefined),
      setBadgeBackgroundColor: vi.fn(async () => undefined),
      setBadgeTextColor: vi.fn(async () => undefined),
      setTitle: vi.fn(async () => undefined),
    };
    const read = vi.fn(async () => current);
    const badge = new ActionBadge({ action, inputs: read });
    return { action, read, badge, set: (next: BadgeInputs) => (current = next) };
  }

  test('paints at once, then at most once per throttle window, with the newest state', async () => {
    const s = setup();
    s.badge.schedule();
    await s.badge.settled();
    expect(s.action.setBadgeText).toHaveBeenLastCalledWith({ text: '1' });
    expect(s.action.setBadgeTextColor).toHaveBeenCalledWith({ color: '#FFFFFF' });

    s.set(inputs('live', { a: 'Active', b: 'Active' }));
    s.badge.schedule();
    s.set(inputs('live', { a: 'Active', b: 'Active', c: 'Active' }));
    s.badge.schedule();
    await s.badge.settled();
    expect(s.read).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(THROTTLE_MS);
    await s.badge.settled();
    expect(s.read).toHaveBeenCalledTimes(2);
    expect(s.action.setBadgeText).toHaveBeenLastCalledWith({ text: '3' });

    await vi.advanceTimersByTimeAsync(THROTTLE_MS * 4);
    expect(s.read).toHaveBeenCalledTimes(2);
  });

  test('only what changed is sent to the browser', async () => {
    const s = setup();
    s.badge.schedule();
    await vi.advanceTimersByTimeAsync(THROTTLE_MS);
    s.badge.schedule();
    await s.badge.settled();
    expect(s.read).toHaveBeenCalledTimes(2);
    expect(s.action.setBadgeText).toHaveBeenCalledTimes(1);
    expect(s.action.setTitle).toHaveBeenCalledTimes(1);
    expect(s.action.setBadgeBackgroundColor).toHaveBeenCalledTimes(1);
  });

  test('a failed paint is retried in full next time', async () => {
    const s = setup();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    s.action.setTitle.mockRejectedValueOnce(new Error('gone'));
    s.badge.schedule();
    await vi.advanceTimersByTimeAsync(THROTTLE_MS);
    s.badge.schedule();
    await s.badge.settled();
    expect(s.action.setTitle).toHaveBeenCalledTimes(2);
    expect(s.action.setBadgeText).toHaveBeenCalledTimes(2);
  });
});
