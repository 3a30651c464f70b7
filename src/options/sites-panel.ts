import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import browser from 'webextension-polyfill';
import type { AllowedSite } from '../shared/allowed-site';
import { sendRequest } from '../shared/messages';
import { t } from '../ui/i18n';
import {
  allowedSitesItem,
  pageBadgeSettingsItem,
  type PageBadgeSettings,
} from '../shared/storage-items';
import { controlsStyles } from '../ui/controls-styles';
import { FollowController, followItem } from '../ui/follow-item';
import { requestSiteAccess } from '../ui/site-access-request';
import { themeStyles } from '../ui/theme-styles';
import { optionsStyles } from './options-styles';
import { sitesPanelStyles } from './sites-panel-styles';

/** "Allow <site> again", with the site read out but not shown (it is on the row already). */
function allowAgain(site: string): TemplateResult {
  const marker = '\u0001';
  const [before = '', after = ''] = t('options_allow_site_again', marker).split(marker);
  return html`${before}<span class="visually-hidden">${site}</span>${after}`;
}

/**
 * The "Sites" section: the sites where page badges may run. Allowing one asks the browser for its
 * host permission from this page (only a page, in a user gesture, can), then the background stores
 * it and starts the annotator there. A site whose permission was revoked elsewhere (the browser's
 * site access menu) stays listed, flagged, with a way to allow it again.
 */
export class PresenceSitesPanel extends LitElement {
  static override styles = [themeStyles, controlsStyles, optionsStyles, sitesPanelStyles];

  static override properties = {
    _sites: { state: true },
    _revoked: { state: true },
    _input: { state: true },
    _allowing: { state: true },
    _allowError: { state: true },
    _listError: { state: true },
    _announcement: { state: true },
    _busy: { state: true },
    _badges: { state: true },
    _settingsError: { state: true },
  };

  declare private _sites: readonly AllowedSite[];
  /** Listed sites whose host permission is not held right now. */
  declare private _revoked: ReadonlySet<string>;
  declare private _input: string;
  declare private _allowing: boolean;
  declare private _allowError: string;
  declare private _listError: string;
  declare private _announcement: string;
  /** Sites with a Remove or Allow again in flight. */
  declare private _busy: ReadonlySet<string>;
  declare private _badges: PageBadgeSettings;
  declare private _settingsError: string;

  /** Only the newest permission check may paint: an older one can finish last. */
  private _permissionCheck = 0;

  private readonly _follow = new FollowController(this, () => [
    followItem(allowedSitesItem, (sites) => {
      this._sites = sites;
      void this._checkPermissions();
    }),
    followItem(pageBadgeSettingsItem, (settings) => (this._badges = settings)),
  ]);

  private readonly _onPermissionsChanged = (): void => {
    void this._checkPermissions();
  };

  constructor() {
    super();
    this._sites = [];
    this._revoked = new Set();
    this._input = '';
    this._allowing = false;
    this._allowError = '';
    this._listError = '';
    this._announcement = '';
    this._busy = new Set();
    this._badges = { focusable: false };
    this._settingsError = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    browser.permissions.onAdded.addListener(this._onPermissionsChanged);
    browser.permissions.onRemoved.addListener(this._onPermissionsChanged);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    browser.permissions.onAdded.removeListener(this._onPermissionsChanged);
    browser.permissions.onRemoved.removeListener(this._onPermissionsChanged);
  }

  override render(): TemplateResult {
    return html`<section aria-labelledby="sites-heading">
      <h2 id="sites-heading">${t('options_sites_heading')}</h2>
      <p class="hint">${t('options_sites_hint')}</p>
      <form novalidate @submit=${this._onAllow}>
        <div class="field">
          <label for="site-input">${t('options_site_label')}</label>
          <div class="inline">
            <input
              id="site-input"
              name="site"
              type="text"
              inputmode="url"
              placeholder=${t('options_site_placeholder')}
              autocomplete="off"
              spellcheck="false"
              aria-invalid=${this._allowError ? 'true' : 'false'}
              aria-describedby="site-error"
              .value=${live(this._input)}
              @input=${this._onInput}
            />
            <button type="submit" ?disabled=${this._allowing}>
              ${this._allowing ? t('options_allowing') : t('options_allow_site')}
            </button>
          </div>
          <p id="site-error" class="alert" role="alert" data-part="allow-error">
            ${this._allowError}
          </p>
        </div>
      </form>
      <p class="status" role="status" data-part="announcement">${this._announcement}</p>
      <p class="alert" role="alert" data-part="list-error">${this._listError}</p>
      ${
        this._sites.length === 0
          ? html`<p class="hint" data-part="empty">${t('options_no_sites')}</p>`
          : html`<ul role="list" aria-labelledby="sites-heading">
              ${this._sites.map((site) => this._renderSite(site))}
            </ul>`
      }
      <div class="check">
        <input
          id="badges-focusable"
          type="checkbox"
          .checked=${live(this._badges.focusable)}
          @change=${this._onFocusableChange}
        />
        <label for="badges-focusable">${t('options_badges_focusable')}</label>
      </div>
      <p class="alert" role="alert" data-part="settings-error">${this._settingsError}</p>
    </section>`;
  }

  private _renderSite(site: AllowedSite): TemplateResult {
    const revoked = this._revoked.has(site.site);
    const busy = this._busy.has(site.site);
    return html`<li role="listitem" data-site=${site.site}>
      <span class="site">
        <span class="name" data-part="site">${site.site}</span>
        ${revoked ? html`<span class="revoked" data-part="revoked">${t('options_permission_revoked')}</span>` : nothing}
      </span>
      <span class="buttons">
        ${
          revoked
            ? html`<button type="button" ?disabled=${busy} @click=${() => this._onAllowAgain(site)}>
                ${allowAgain(site.site)}
              </button>`
            : nothing
        }
        <button
          type="button"
          class="secondary"
          aria-label=${t('options_remove_name', site.site)}
          ?disabled=${busy}
          @click=${() => this._onRemove(site)}
        >
          ${t('options_remove')}
        </button>
      </span>
    </li>`;
  }

  private _onInput(event: Event): void {
    this._input = (event.target as HTMLInputElement).value;
  }

  private async _onAllow(event: Event): Promise<void> {
    event.preventDefault();
    if (this._allowing) return;
    this._announcement = '';
    this._allowing = true;
    // First thing in the gesture: the browser shows its prompt only while the submit is fresh.
    const result = await requestSiteAccess(this._input);
    this._allowing = false;
    if (result.ok) {
      this._allowError = '';
      this._input = '';
      this._announcement = t('options_allowed_site', result.value.site);
    } else {
      this._allowError = result.error;
    }
    await this._focusField();
  }

  private async _onAllowAgain(site: AllowedSite): Promise<void> {
    if (this._busy.has(site.site)) return;
    const pending = requestSiteAccess(site.site); // in the gesture, before any state change
    this._listError = '';
    this._announcement = '';
    this._setBusy(site.site, true);
    const result = await pending;
    this._setBusy(site.site, false);
    if (result.ok) {
      this._announcement = t('options_allowed_site', site.site);
      await this._checkPermissions();
      await this._focusField();
    } else {
      this._listError = result.error;
    }
  }

  private async _onRemove(site: AllowedSite): Promise<void> {
    if (this._busy.has(site.site)) return;
    this._listError = '';
    this._announcement = '';
    this._setBusy(site.site, true);
    const response = await sendRequest({ type: 'removeSite', site: site.site });
    this._setBusy(site.site, false);
    if (response.ok) {
      this._announcement = t('options_removed', site.site);
      // The row (and the focused button) goes away: keep keyboard focus somewhere sensible.
      await this._focusField();
    } else {
      this._listError = t('options_remove_failed', [site.site, response.error]);
    }
  }

  private async _onFocusableChange(event: Event): Promise<void> {
    const focusable = (event.target as HTMLInputElement).checked;
    const before = this._badges;
    this._settingsError = '';
    this._badges = { ...before, focusable };
    try {
      await pageBadgeSettingsItem.update((current) => ({ ...current, focusable }));
    } catch (error) {
      this._badges = before;
      const reason = error instanceof Error ? error.message : String(error);
      this._settingsError = t('options_setting_failed', reason);
    }
  }

  private async _checkPermissions(): Promise<void> {
    const check = ++this._permissionCheck;
    const sites = this._sites;
    const held = await Promise.all(
      sites.map((site) =>
        browser.permissions.contains({ origins: [...site.matchPatterns] }).catch(() => false),
      ),
    );
    if (check !== this._permissionCheck) return;
    this._revoked = new Set(sites.filter((_, i) => !held[i]).map((site) => site.site));
  }

  private _setBusy(site: string, busy: boolean): void {
    const next = new Set(this._busy);
    if (busy) next.add(site);
    else next.delete(site);
    this._busy = next;
  }

  private async _focusField(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#site-input')?.focus();
  }
}

if (!customElements.get('presence-sites-panel')) {
  customElements.define('presence-sites-panel', PresenceSitesPanel);
}

declare global {
  interface HTMLElementTagNameMap {
    'presence-sites-panel': PresenceSitesPanel;
  }
}
