import { html, LitElement, nothing, type TemplateResult } from 'lit';
import browser from 'webextension-polyfill';
import { coveringSite, parseSite } from '../core/site-pattern';
import { sendRequest } from '../shared/messages';
import { allowedSitesItem } from '../shared/storage-items';
import { controlsStyles } from '../ui/controls-styles';
import { t } from '../ui/i18n';
import { requestSiteAccess } from '../ui/site-access-request';
import { themeStyles } from '../ui/theme-styles';
import { popupStyles } from './popup-styles';

interface ActiveTab {
  readonly id: number;
  /** The page's origin, e.g. `https://jira.example.com`. */
  readonly origin: string;
  /** The allowed site whose badges already cover the page (`*.example.com`), if any. */
  readonly coveredBy: string | null;
  /** An allowed site that would, but whose permission was taken back in the browser. */
  readonly revoked: string | null;
}

/** The allowed site that covers `url` (coveringSite), and one whose permission went, by name. */
async function siteState(url: string): Promise<Pick<ActiveTab, 'coveredBy' | 'revoked'>> {
  const { held, revoked } = await coveringSite(await allowedSitesItem.get(), url, (site) =>
    browser.permissions.contains({ origins: [...site.matchPatterns] }),
  );
  return { coveredBy: held?.site ?? null, revoked: revoked?.site ?? null };
}

/** The tab the popup was opened over; null for pages badges cannot run on (chrome://, files). */
async function activeWebTab(): Promise<ActiveTab | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined || !tab.url) return null;
  const site = parseSite(tab.url);
  if (!site.ok || site.value.site.startsWith('*')) return null;
  return { id: tab.id, origin: site.value.site, ...(await siteState(tab.url)) };
}

/**
 * "This page": badges on the tab the popup was opened over, once ("Show presence on this page",
 * an `activeTab` injection that ends with the tab) or from now on ("Always on this site", which
 * asks for the site's permission and adds it to the allowed sites). Over a page of a site that is
 * allowed already, it says so instead: both would only do again what is done.
 */
export class PresencePageActions extends LitElement {
  static override styles = [themeStyles, controlsStyles, popupStyles];

  static override properties = {
    _tab: { state: true },
    _busy: { state: true },
    _status: { state: true },
    _error: { state: true },
  };

  declare private _tab: ActiveTab | null;
  declare private _busy: boolean;
  declare private _status: string;
  declare private _error: string;

  constructor() {
    super();
    this._tab = null;
    this._busy = false;
    this._status = '';
    this._error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    activeWebTab()
      .then((tab) => (this._tab = tab))
      .catch(() => (this._tab = null));
  }

  override render(): TemplateResult | typeof nothing {
    if (!this._tab) return nothing;
    return html`<section class="page-actions" aria-labelledby="page-heading">
      <h2 id="page-heading">
        ${t('popup_page_heading')} <span class="origin">${this._tab.origin}</span>
      </h2>
      ${this._siteState(this._tab)}
      <p class="status" role="status" data-part="page-status">${this._status}</p>
      <p class="alert" role="alert" data-part="page-error">${this._error}</p>
    </section>`;
  }

  /** Covered by an allowed site already; else both actions, and why, if its permission went. */
  private _siteState({ coveredBy, revoked }: ActiveTab): TemplateResult {
    if (coveredBy !== null) {
      return html`<p class="covered" data-part="page-covered">
        ${t('popup_site_allowed', coveredBy)}
      </p>`;
    }
    return html`${this._actions()}
    ${
      revoked === null
        ? nothing
        : html`<p class="covered" data-part="page-revoked">${t('popup_site_revoked', revoked)}</p>`
    }`;
  }

  /**
   * Both actions. They stay after "Always on this site" succeeds, rather than give way to the
   * covered line while the button still has focus; the status says what happened.
   */
  private _actions(): TemplateResult {
    return html`<div class="actions">
      <button type="button" ?disabled=${this._busy} @click=${this._onShow}>
        ${t('popup_show_on_page')}
      </button>
      <button type="button" class="secondary" ?disabled=${this._busy} @click=${this._onAlways}>
        ${t('popup_always_on_site')}
      </button>
    </div>`;
  }

  private async _onShow(): Promise<void> {
    const tab = this._tab;
    if (!tab || this._busy) return;
    this._begin();
    const response = await sendRequest({ type: 'showOnTab', tabId: tab.id });
    this._end(response.ok ? t('popup_shown_on_page') : '', response.ok ? '' : response.error);
  }

  private async _onAlways(): Promise<void> {
    const tab = this._tab;
    if (!tab || this._busy) return;
    this._begin();
    // The permission prompt needs the click's user gesture: nothing is awaited before it.
    const allowed = await requestSiteAccess(tab.origin);
    this._end(
      allowed.ok ? t('popup_always_on_site_done', allowed.value.site) : '',
      allowed.ok ? '' : allowed.error,
    );
  }

  private _begin(): void {
    this._busy = true;
    this._status = '';
    this._error = '';
  }

  private _end(status: string, error: string): void {
    this._busy = false;
    this._status = status;
    this._error = error;
  }
}

if (!customElements.get('presence-page-actions')) {
  customElements.define('presence-page-actions', PresencePageActions);
}

declare global {
  interface HTMLElementTagNameMap {
    'presence-page-actions': PresencePageActions;
  }
}
