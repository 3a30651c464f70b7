import { css, html, LitElement, type TemplateResult } from 'lit';
import { t } from '../ui/i18n';
import { themeStyles } from '../ui/theme-styles';
import './connection-panel';
import './contacts-panel';
import './sites-panel';
import './storage-problems-panel';

/**
 * The options page: sign in to a Webex server, manage who is watched and where badges show. Each
 * section is its own element (`<presence-connection-panel>`, `<presence-contacts-panel>`,
 * `<presence-sites-panel>`, `<presence-storage-problems>` for stored data that could not be read)
 * that reads storage and talks to the background by itself; this shell
 * only lays them out and sets the theme tokens.
 *
 * @cssprop --pl-bg - Page background (see src/ui/theme-styles.ts for all tokens).
 */
export class PresenceOptions extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        box-sizing: border-box;
        padding: 24px 32px;
        background: var(--pl-bg);
      }
      main {
        max-width: 44em;
        margin: 0 auto;
      }
      h1 {
        font-size: 1.5em;
        margin: 0 0 24px;
      }
    `,
  ];

  override render(): TemplateResult {
    return html`<main>
      <h1>${t('options_title')}</h1>
      <presence-storage-problems></presence-storage-problems>
      <presence-connection-panel></presence-connection-panel>
      <presence-contacts-panel></presence-contacts-panel>
      <presence-sites-panel></presence-sites-panel>
    </main>`;
  }
}

if (!customElements.get('presence-options')) {
  customElements.define('presence-options', PresenceOptions);
}

declare global {
  interface HTMLElementTagNameMap {
    'presence-options': PresenceOptions;
  }
}
