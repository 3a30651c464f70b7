/** The popup's heading: its title, the connection line, and Sign in / Reconnect when they apply. */
import { html, nothing, type TemplateResult } from 'lit';
import type { ConnectionPhase } from '../core/connection-phase';
import { t } from '../ui/i18n';
import type { ConnectionLine } from './connection-line';

export interface HeaderActions {
  readonly onSignIn: () => void;
  readonly onReconnect: () => void;
}

export function popupHeader(
  phase: ConnectionPhase,
  line: ConnectionLine,
  actions: HeaderActions,
): TemplateResult {
  const button = (label: string, onClick: () => void) =>
    html`<button type="button" @click=${onClick}>${label}</button>`;
  return html`<header>
    <h1>${t('popup_title')}</h1>
    <p class="connection" role="status" data-part="connection" data-phase=${phase}>
      ${line.sentence}
    </p>
    ${
      line.freshness
        ? html`<p class="freshness" data-part="freshness">${line.freshness}</p>`
        : nothing
    }
    ${
      line.signIn || line.reconnect
        ? html`<div class="connection-actions">
            ${line.signIn ? button(t('popup_sign_in'), actions.onSignIn) : nothing}
            ${line.reconnect ? button(t('popup_reconnect'), actions.onReconnect) : nothing}
          </div>`
        : nothing
    }
  </header>`;
}
