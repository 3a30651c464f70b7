/** One row of the popup's virtualised list: a group heading or a contact with its actions. */
import { html, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { ListItem } from '../shared/contact-list';
import { contactRow } from '../ui/contact-row';
import { contactActions, contactAvatar, type RowActions } from '../ui/contact-row-actions';

export interface RowContext {
  readonly index: number;
  /** Rows of the whole list: only the rows in view exist, so screen readers are told the rest. */
  readonly setSize: number;
  /** The row the arrow keys move from: the list's one tab stop. */
  readonly current: boolean;
  readonly now: number;
  readonly actions: RowActions;
}

export function listRow(item: ListItem, row: RowContext): TemplateResult {
  if (item.kind === 'group') {
    return html`<li
      role="listitem"
      class="group"
      data-part="group"
      aria-setsize=${row.setSize}
      aria-posinset=${row.index + 1}
    >
      <h2>${item.name} <span class="count">(${item.count})</span></h2>
    </li>`;
  }
  const { entry } = item;
  // Re-rendered only when its entry, the clock or its focus changed: not on others' changes.
  return html`<li
    role="listitem"
    class="contact"
    tabindex=${row.current ? '0' : '-1'}
    aria-setsize=${row.setSize}
    aria-posinset=${row.index + 1}
    data-index=${row.index}
    data-contact-id=${entry.contact.contactId}
  >
    ${guard([entry, row.now, row.current], () => [
      contactAvatar(entry.contact),
      contactRow(entry, row.now),
      contactActions(entry, row.current, row.actions),
    ])}
  </li>`;
}
