/**
 * Who may have badges: a page of an allowed site whose host permission is still held, or a tab
 * the user granted from the popup ("Show presence on this page", one injection under
 * `activeTab`). The worker answers page ports only for these (src/background/page-ports.ts).
 */
import { err, ok, type Result } from '../core/result';
import { coveringSite, parseSite, siteMatchesUrl } from '../core/site-pattern';
import type { AllowedSite } from '../shared/allowed-site';
import { MAX_PAGE_GRANTS, type PageGrant } from '../shared/page-grant';
import type { StorageItem } from '../shared/typed-storage';
import { t } from '../ui/i18n';
import type { PermissionsApi } from './site-access';

export interface PageAccessDeps {
  readonly allowedSites: StorageItem<readonly AllowedSite[]>;
  readonly grants: StorageItem<readonly PageGrant[]>;
  readonly permissions: Pick<PermissionsApi, 'contains'>;
  readonly tabs: { get(tabId: number): Promise<{ url?: string }> };
  readonly scripting: {
    executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
  };
  readonly scriptFile: string;
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

export class PageAccess {
  constructor(private readonly deps: PageAccessDeps) {}

  async allows(tabId: number, url: string): Promise<boolean> {
    const origin = originOf(url);
    if (origin === null) return false;
    const grants = await this.deps.grants.get();
    if (grants.some((g) => g.tabId === tabId && g.origin === origin)) return true;
    const { held } = await coveringSite(await this.deps.allowedSites.get(), url, (site) =>
      this.deps.permissions.contains({ origins: [...site.matchPatterns] }),
    );
    return held !== null;
  }

  /**
   * Injects the annotator into one tab the user is looking at. The grant is written first, so the
   * script's port is answered; it is taken back if the browser refuses the injection.
   */
  async showOnTab(tabId: number): Promise<Result<{ origin: string }>> {
    let url: string | undefined;
    try {
      url = (await this.deps.tabs.get(tabId)).url;
    } catch {
      return err(t('worker_tab_gone'));
    }
    const origin = url === undefined ? null : originOf(url);
    if (origin === null) return err(t('worker_page_not_web'));
    const grant = { tabId, origin };
    await this.deps.grants.update((list) => [
      ...list.filter((g) => g.tabId !== tabId).slice(-(MAX_PAGE_GRANTS - 1)),
      grant,
    ]);
    try {
      await this.deps.scripting.executeScript({ target: { tabId }, files: [this.deps.scriptFile] });
    } catch (error) {
      await this.forgetTab(tabId);
      const reason = error instanceof Error ? error.message : String(error);
      return err(t('worker_page_refused', reason));
    }
    return ok({ origin });
  }

  /**
   * The user removed `site` from the allowed sites: no badges there any more, tabs shown once
   * from the popup included (their pages are stopped when the grants change).
   */
  async forgetSite(site: string): Promise<void> {
    const parsed = parseSite(site);
    if (!parsed.ok) return;
    const covered = (grant: PageGrant) => siteMatchesUrl(parsed.value, grant.origin);
    if ((await this.deps.grants.get()).some(covered)) {
      await this.deps.grants.update((list) => list.filter((grant) => !covered(grant)));
    }
  }

  async forgetTab(tabId: number): Promise<void> {
    const grants = await this.deps.grants.get();
    if (grants.some((g) => g.tabId === tabId)) {
      await this.deps.grants.update((list) => list.filter((g) => g.tabId !== tabId));
    }
  }
}
