/**
 * The toolbar button: the badge counts the watched contacts who are available (Active), the
 * tooltip sums up. Repainted on presence, watch list and connection changes, at most every
 * `THROTTLE_MS` (a reconnect delivers dozens of presences at once).
 */
import { PresenceStatus } from '../core/presence';
import type { ConnectionPhase } from '../core/connection-phase';
import type { WatchedContact } from '../shared/contact';
import type { PresenceMap } from '../shared/presence-map';
import { t } from '../ui/i18n';

export const THROTTLE_MS = 500;

/** Both give white text at least 5:1 (WCAG 1.4.11 asks 3:1); grey says "not up to date". */
export const BADGE_COLOURS = { live: '#1E7B34', stale: '#5F6368', text: '#FFFFFF' } as const;

/** The part of `chrome.action` used here. */
export interface ActionApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setBadgeTextColor?(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

export interface BadgeInputs {
  readonly contacts: readonly WatchedContact[];
  readonly presences: PresenceMap;
  readonly phase: ConnectionPhase;
}

export interface BadgeView {
  readonly text: string;
  readonly colour: string;
  readonly title: string;
}

const IN_MEETING: ReadonlySet<PresenceStatus> = new Set([
  PresenceStatus.Meeting,
  PresenceStatus.Presenting,
  PresenceStatus.Call,
]);

/** Phases in which the presences shown are current. */
const CURRENT: ReadonlySet<ConnectionPhase> = new Set(['live', 'polling']);

export function badgeView({ contacts, presences, phase }: BadgeInputs): BadgeView {
  const name = t('extName');
  if (phase === 'signed-out') {
    return { text: '', colour: BADGE_COLOURS.stale, title: t('badge_title_signed_out', name) };
  }
  const statuses = contacts.map((c) => presences[c.contactId]?.status);
  const available = statuses.filter((s) => s === PresenceStatus.Active).length;
  const meeting = statuses.filter((s) => s !== undefined && IN_MEETING.has(s)).length;
  const current = CURRENT.has(phase);
  let summary = t('badge_title_available', [String(available), String(contacts.length)]);
  if (meeting > 0) summary = t('badge_title_with_meetings', [summary, String(meeting)]);
  if (!current) summary = t('badge_title_not_current', summary);
  return {
    text: available > 0 ? String(available) : '',
    colour: current ? BADGE_COLOURS.live : BADGE_COLOURS.stale,
    title: t('badge_title', [name, summary]),
  };
}

export interface ActionBadgeDeps {
  readonly action: ActionApi;
  readonly inputs: () => Promise<BadgeInputs>;
}

export class ActionBadge {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending = false;
  private painting: Promise<void> = Promise.resolve();
  private last: BadgeView | null = null;

  constructor(private readonly deps: ActionBadgeDeps) {}

  /** Something it shows may have changed: paints now, or once the throttle window closes. */
  schedule(): void {
    if (this.timer) {
      this.pending = true;
      return;
    }
    this.paint();
    this.timer = setTimeout(() => this.windowClosed(), THROTTLE_MS);
  }

  /** Resolves when the paints started so far are done (tests, and nothing else). */
  settled(): Promise<void> {
    return this.painting;
  }

  private windowClosed(): void {
    this.timer = null;
    if (!this.pending) return;
    this.pending = false;
    this.schedule();
  }

  private paint(): void {
    // Chained, so a slow paint can never land after a newer one.
    this.painting = this.painting.then(async () => {
      try {
        await this.apply(badgeView(await this.deps.inputs()));
      } catch (error) {
        this.last = null; // painted partly, if at all: repaint everything next time
        console.warn('Presence Lens: could not update the toolbar badge', error);
      }
    });
  }

  private async apply(view: BadgeView): Promise<void> {
    const { action } = this.deps;
    const last = this.last;
    this.last = view;
    if (last?.colour !== view.colour) {
      await action.setBadgeBackgroundColor({ color: view.colour });
      await action.setBadgeTextColor?.({ color: BADGE_COLOURS.text });
    }
    if (last?.text !== view.text) await action.setBadgeText({ text: view.text });
    if (last?.title !== view.title) await action.setTitle({ title: view.title });
  }
}
