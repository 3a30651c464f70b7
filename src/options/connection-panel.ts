import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { SIGNED_OUT, type Account, type ConnectionInfo } from '../shared/connection';
import { sendRequest } from '../shared/messages';
import { t } from '../ui/i18n';
import { WEBEX_CLOUD_URL } from '../shared/settings';
import { connectionItem, settingsItem } from '../shared/storage-items';
import { controlsStyles } from '../ui/controls-styles';
import { FollowController, followItem } from '../ui/follow-item';
import { textField } from './text-field';
import { phaseSentence } from '../ui/status-strings';
import { themeStyles } from '../ui/theme-styles';
import { checkConnectionForm, type ConnectionFormErrors } from './connection-form';
import { optionsStyles } from './options-styles';

/** Rendered only when there is an error; the input's aria-describedby points at it by id. */
/**
 * The "Connection" section: server URL and access token, Connect and Sign out. Reflects the
 * background's `connectionItem` live. The token is only ever sent to the background, and the
 * field is cleared once a connection succeeds.
 */
export class PresenceConnectionPanel extends LitElement {
  static override styles = [themeStyles, controlsStyles, optionsStyles];

  static override properties = {
    _serverUrl: { state: true },
    _token: { state: true },
    _errors: { state: true },
    _busy: { state: true },
    _requestError: { state: true },
    _account: { state: true },
    _connection: { state: true },
    _clientId: { state: true },
    _clientSecret: { state: true },
  };

  declare private _serverUrl: string;
  declare private _token: string;
  declare private _errors: ConnectionFormErrors;
  declare private _busy: 'connect' | 'signOut' | 'oauth' | null;
  /** The Webex integration for "Sign in with Webex"; its secret is kept by the worker. */
  declare private _clientId: string;
  declare private _clientSecret: string;
  declare private _requestError: string;
  /** From the last Connect answer, until the background's connection info takes over. */
  declare private _account: Account | null;
  declare private _connection: ConnectionInfo;

  private _urlEdited = false;
  private readonly _follow = new FollowController(this, () => [
    followItem(settingsItem, (settings) => {
      if (!this._urlEdited) this._serverUrl = settings.serverUrl;
      if (this._clientId === '' && settings.oauthClientId) this._clientId = settings.oauthClientId;
    }),
    followItem(connectionItem, (connection) => {
      this._connection = connection;
      this._account = null;
    }),
  ]);

  constructor() {
    super();
    this._serverUrl = WEBEX_CLOUD_URL;
    this._token = '';
    this._clientId = '';
    this._clientSecret = '';
    this._errors = {};
    this._busy = null;
    this._requestError = '';
    this._account = null;
    this._connection = SIGNED_OUT;
  }

  private get _shownAccount(): Account | null {
    return this._connection.account ?? this._account;
  }

  override render(): TemplateResult {
    const account = this._shownAccount;
    const connecting = this._busy === 'connect';
    return html`<section aria-labelledby="connection-heading">
      <h2 id="connection-heading">${t('options_connection_heading')}</h2>
      ${
        this._connection.phase === 'signed-out' && !this._connection.message
          ? nothing
          : html`<p class="phase" data-part="phase">
              ${t('options_connection_phase', phaseSentence(this._connection, Date.now()))}
            </p>`
      }
      <form novalidate @submit=${this._onSubmit}>
        ${textField({
          id: 'server-url',
          name: 'serverUrl',
          label: t('options_server_url_label'),
          type: 'url',
          autocomplete: 'url',
          value: this._serverUrl,
          onInput: this._onServerUrlInput,
          error: this._errors.serverUrl,
        })}
        ${textField({
          id: 'access-token',
          name: 'token',
          label: t('options_access_token_label'),
          type: 'password',
          value: this._token,
          onInput: this._onTokenInput,
          error: this._errors.token,
        })}
        <div class="buttons">
          <button type="submit" ?disabled=${connecting}>
            ${connecting ? t('options_connecting') : t('options_connect')}
          </button>
          ${
            account
              ? html`<button
                  type="button"
                  class="secondary"
                  ?disabled=${this._busy === 'signOut'}
                  @click=${this._onSignOut}
                >
                  ${t('options_sign_out')}
                </button>`
              : nothing
          }
        </div>
      </form>
      <form novalidate @submit=${this._onSignInWithWebex} aria-labelledby="oauth-heading">
        <h3 id="oauth-heading">${t('options_oauth_heading')}</h3>
        ${textField({
          id: 'oauth-client-id',
          name: 'clientId',
          label: t('options_oauth_client_id_label'),
          value: this._clientId,
          onInput: (value) => (this._clientId = value),
        })}
        ${textField({
          id: 'oauth-client-secret',
          name: 'clientSecret',
          label: t('options_oauth_client_secret_label'),
          type: 'password',
          placeholder: t('options_oauth_client_secret_placeholder'),
          value: this._clientSecret,
          onInput: (value) => (this._clientSecret = value),
        })}
        <div class="buttons">
          <button type="submit" ?disabled=${this._busy !== null}>
            ${this._busy === 'oauth' ? t('options_waiting_for_webex') : t('options_sign_in_with_webex')}
          </button>
        </div>
      </form>
      <p class="status" role="status" data-part="connection-status">
        ${account ? t('options_signed_in_as', [account.displayName, account.email]) : ''}
      </p>
      <p class="alert" role="alert" data-part="connection-error">${this._requestError}</p>
    </section>`;
  }

  private readonly _onServerUrlInput = (value: string): void => {
    this._urlEdited = true;
    this._serverUrl = value;
    if (this._errors.serverUrl) this._errors = { ...this._errors, serverUrl: undefined };
  };

  private readonly _onTokenInput = (value: string): void => {
    this._token = value;
    if (this._errors.token) this._errors = { ...this._errors, token: undefined };
  };

  private async _onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this._busy) return;
    this._requestError = '';
    const checked = checkConnectionForm(this._serverUrl, this._token);
    if (!checked.ok) {
      this._errors = checked.errors;
      await this.updateComplete;
      const firstInvalid = checked.errors.serverUrl ? '#server-url' : '#access-token';
      this.renderRoot.querySelector<HTMLInputElement>(firstInvalid)?.focus();
      return;
    }
    this._errors = {};
    this._serverUrl = checked.serverUrl;
    this._busy = 'connect';
    const response = await sendRequest({
      type: 'connect',
      serverUrl: checked.serverUrl,
      token: checked.token,
    });
    this._busy = null;
    if (response.ok) {
      this._account = response.account;
      this._token = '';
    } else {
      this._requestError = response.error;
    }
  }

  private async _onSignInWithWebex(event: Event): Promise<void> {
    event.preventDefault();
    if (this._busy) return;
    this._requestError = '';
    const serverUrl = this._serverUrl.trim();
    if (this._clientId.trim() === '') {
      this._requestError = t('options_oauth_client_id_missing');
      return;
    }
    this._busy = 'oauth';
    const response = await sendRequest({
      type: 'signInWithWebex',
      serverUrl,
      clientId: this._clientId.trim(),
      clientSecret: this._clientSecret.trim(),
    });
    this._busy = null;
    if (response.ok) {
      this._account = response.account;
      this._clientSecret = '';
    } else {
      this._requestError = response.error;
    }
  }

  private async _onSignOut(): Promise<void> {
    if (this._busy) return;
    this._requestError = '';
    this._busy = 'signOut';
    const response = await sendRequest({ type: 'signOut' });
    this._busy = null;
    if (response.ok) {
      this._account = null;
      this._connection = { ...this._connection, phase: 'signed-out', account: null };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#access-token')?.focus();
    } else {
      this._requestError = response.error;
    }
  }
}

if (!customElements.get('presence-connection-panel')) {
  customElements.define('presence-connection-panel', PresenceConnectionPanel);
}

declare global {
  interface HTMLElementTagNameMap {
    'presence-connection-panel': PresenceConnectionPanel;
  }
}
