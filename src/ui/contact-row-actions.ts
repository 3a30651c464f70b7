/**
 * The popup row's extras around `contactRow`: the avatar (or initials) before it, and the actions
 * after it: chat in Webex, copy the email address, notifications on or off. Each action's name
 * says whom it is for ("Chat with Ada Lovelace"), and starts with its visible text (WCAG 2.5.3).
 * `focusable` false takes the actions out of the Tab order: the list keeps one row reachable by
 * Tab at a time, and the arrow keys move between rows (presence-popup.ts).
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { WatchedContact } from '../shared/contact';
import type { ContactEntry } from '../shared/contact-entry';
import { t } from './i18n';

export interface RowActions {
  readonly onCopyEmail: (contact: WatchedContact) => void;
  readonly onToggleNotify: (contact: WatchedContact) => void;
}

/** Up to two letters: the first of the first and of the last word ("Ada Lovelace" -> "AL"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (first === undefined) return '?';
  const letter = (word: string): string => (Array.from(word)[0] ?? '').toLocaleUpperCase();
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return letter(first) + (last === undefined ? '' : letter(last));
}

/** The chat link: Webex's own scheme, opened by the desktop app. */
export function chatUrl(email: string): string {
  return `webexteams://im?email=${encodeURIComponent(email)}`;
}

const hideBroken = (event: Event) => {
  (event.target as HTMLElement).hidden = true;
};

/**
 * Decorative: the name follows it in text. The picture, when the contact has one, covers the
 * initials; one that does not load is hidden and the initials show. No referrer goes with it.
 */
export function contactAvatar(contact: WatchedContact): TemplateResult {
  return html`<span class="avatar" aria-hidden="true"
    >${initialsOf(contact.displayName)}${
      contact.avatar
        ? html`<img
            src=${contact.avatar}
            alt=""
            loading="lazy"
            decoding="async"
            referrerpolicy="no-referrer"
            @error=${hideBroken}
          />`
        : nothing
    }</span
  >`;
}

export function contactActions(
  entry: ContactEntry,
  focusable: boolean,
  actions: RowActions,
): TemplateResult {
  const { contact } = entry;
  const name = contact.displayName;
  const email = contact.emails[0];
  const tabindex = focusable ? '0' : '-1';
  const notify = contact.notify === true;
  return html`<span class="row-actions">
    ${
      email === undefined
        ? nothing
        : html`<a
              class="action"
              data-action="chat"
              href=${chatUrl(email)}
              tabindex=${tabindex}
              aria-label=${t('popup_chat_with', name)}
              >${t('popup_chat')}</a
            ><button
              type="button"
              class="action"
              data-action="copy"
              tabindex=${tabindex}
              aria-label=${t('popup_copy_email_of', name)}
              @click=${() => actions.onCopyEmail(contact)}
            >
              ${t('popup_copy_email')}
            </button>`
    }<button
      type="button"
      class="action"
      data-action="notify"
      tabindex=${tabindex}
      aria-pressed=${notify ? 'true' : 'false'}
      aria-label=${t('popup_notify_about', name)}
      @click=${() => actions.onToggleNotify(contact)}
    >
      ${t('popup_notify')}
    </button>
  </span>`;
}
