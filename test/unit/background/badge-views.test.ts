import { describe, expect, it } from 'vitest';
import { badgeView } from '../../../src/background/badge-views';
import { PresenceStatus, type Presence } from '../../../src/core/presence';
import { GLYPH_SHAPES } from '../../../src/ui/glyph-shapes';

// Local times, so the expectations hold in any TZ the tests run in.
const now = new Date(2025, 11, 1, 10, 0).getTime(); // Mon 1 Dec 2025, 10:00
const ANA = { id: 'ana', name: 'Ana Silva', email: 'ana@example.com' };
const presence = (fields: Partial<Presence>): Presence => ({
  contactId: 'ana',
  status: PresenceStatus.Dnd,
  customStatus: '',
  lastActiveTime: 0,
  expiresTime: 0,
  ...fields,
});

describe('badgeView: what a page says about a contact', () => {
  it('names the person, the status, until when and the custom status', () => {
    const view = badgeView(
      '0',
      ANA,
      presence({
        expiresTime: new Date(2025, 11, 1, 15, 30).getTime(),
        customStatus: 'Focus time',
      }),
      now,
    );
    expect(view).toEqual({
      key: '0',
      name: 'Ana Silva',
      email: 'ana@example.com',
      glyph: GLYPH_SHAPES.Dnd,
      tone: 'dnd',
      label: "Ana Silva: Do not disturb until 15:30, 'Focus time'",
      lines: ['Do not disturb', '“Focus time”', 'until 15:30'],
      card: 'Presence of Ana Silva',
      chat: 'Open chat',
    });
  });

  it('says when an away person was last active, with the weekday so it never goes stale', () => {
    const view = badgeView(
      '0',
      ANA,
      presence({
        status: PresenceStatus.Inactive,
        lastActiveTime: new Date(2025, 11, 1, 9, 12).getTime(),
      }),
      now,
    );
    expect(view.label).toBe('Ana Silva: Inactive');
    expect(view.lines).toEqual(['Inactive', 'last active Mon 09:12']);
  });

  it('leaves out what is unknown, past or beside the point', () => {
    expect(badgeView('0', ANA, presence({ status: PresenceStatus.Unknown }), now)).toEqual({
      key: '0',
      name: 'Ana Silva',
      email: 'ana@example.com',
      glyph: GLYPH_SHAPES.Unknown,
      tone: 'neutral',
      label: 'Ana Silva: Unknown',
      lines: ['Unknown'],
      card: 'Presence of Ana Silva',
      chat: 'Open chat',
    });
    // An expiry already passed, and the last activity of someone active now.
    const active = presence({
      status: PresenceStatus.Active,
      expiresTime: now - 1,
      lastActiveTime: now - 60_000,
    });
    expect(badgeView('0', ANA, active, now).lines).toEqual(['Active']);
  });
});
