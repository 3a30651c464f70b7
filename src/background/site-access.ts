/**
 * The worker's side of "Sites": the page annotator runs only where the user allowed it. Allowing
 * a site stores it and registers the content script for it; the registered scripts are kept equal
 * to "allowed sites whose host permission is held", whatever the user does outside Options.
 */
import { createSerialQueue } from '../core/serial-queue';
import { parseSite, siteMatchesUrl, type SitePattern } from '../core/site-pattern';
import { MAX_ALLOWED_SITES, type AllowedSite } from '../shared/allowed-site';
import type { ResponseMap } from '../shared/messages';
import type { StorageItem } from '../shared/typed-storage';
import { t } from '../ui/i18n';

/** The parts of `browser.permissions`, `browser.scripting` and `browser.tabs` used here. */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

export interface SiteScript {
  id: string;
  matches?: string[];
  js?: string[];
  allFrames?: boolean;
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  persistAcrossSessions?: boolean;
}

export interface ScriptingApi {
  registerContentScripts(scripts: SiteScript[]): Promise<void>;
  updateContentScripts(scripts: SiteScript[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<SiteScript[]>;
  executeScript(injection: {
    target: { tabId: number; allFrames: boolean };
    files: string[];
  }): Promise<unknown>;
}

export interface TabsApi {
  query(query: { url: string[] }): Promise<{ id?: number; url?: string }[]>;
}

export interface SiteAccessDeps {
  readonly permissions: PermissionsApi;
  readonly scripting: ScriptingApi;
  readonly tabs: TabsApi;
  readonly allowedSites: StorageItem<readonly AllowedSite[]>;
  /** The content script, relative to the extension root (CONTENT_SCRIPT_FILE). */
  readonly scriptFile: string;
  readonly now?: () => number;
}

/** Registered script ids are `site:<site>`; scripts without the prefix belong to someone else. */
const SCRIPT_ID_PREFIX = 'site:';

function scriptIdFor(site: string): string {
  return `${SCRIPT_ID_PREFIX}${site}`;
}

function sameList(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  return a !== undefined && a.length === b.length && a.every((item, i) => item === b[i]);
}

export class SiteAccess {
  /** One operation at a time: a reconcile must never see half of an allow. */
  private readonly serial = createSerialQueue();

  constructor(private readonly deps: SiteAccessDeps) {}

  /** Stores the site, registers the script and injects it into the site's open tabs. */
  allowSite(input: string): Promise<ResponseMap['allowSite']> {
    return this.serial(async () => {
      const parsed = parseSite(input);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      const { site, matchPatterns } = parsed.value;
      if (!(await this.deps.permissions.contains({ origins: [...matchPatterns] }))) {
        return { ok: false, error: t('worker_site_not_granted', site) };
      }
      let allowed: AllowedSite | undefined;
      await this.deps.allowedSites.update((current) => {
        allowed = current.find((s) => s.site === site);
        if (allowed || current.length >= MAX_ALLOWED_SITES) return current;
        allowed = {
          site,
          matchPatterns: [...matchPatterns],
          addedAt: (this.deps.now ?? Date.now)(),
        };
        return [...current, allowed];
      });
      if (!allowed) {
        return { ok: false, error: t('worker_too_many_sites', String(MAX_ALLOWED_SITES)) };
      }
      await this.register([allowed]);
      await this.inject(allowed);
      return { ok: true, site: allowed };
    });
  }

  /** Forgets the site, stops its script and gives back host permissions nobody else needs. */
  removeSite(site: string): Promise<ResponseMap['removeSite']> {
    return this.serial(async () => {
      let removed: SitePattern | undefined;
      const remaining = await this.deps.allowedSites.update((current) => {
        removed = current.find((s) => s.site === site);
        return removed ? current.filter((s) => s !== removed) : current;
      });
      await this.unregister([scriptIdFor(site)]);
      if (!removed) {
        // Not listed (an allow that failed half way): still give back what the page asked for.
        const parsed = parseSite(site);
        removed = parsed.ok ? parsed.value : undefined;
      }
      const needed = new Set(remaining.flatMap((s) => s.matchPatterns));
      const unneeded = removed?.matchPatterns.filter((pattern) => !needed.has(pattern)) ?? [];
      if (unneeded.length > 0) await this.givePermissionBack(unneeded);
      return { ok: true };
    });
  }

  /**
   * Makes the registered scripts equal to the allowed sites whose permission is held. A site whose
   * permission went away stays listed (Options flags it), it just gets no script.
   */
  reconcile(): Promise<void> {
    return this.serial(async () => {
      const wanted = new Map((await this.permittedSites()).map((s) => [scriptIdFor(s.site), s]));
      const ours = (await this.deps.scripting.getRegisteredContentScripts()).filter((script) =>
        script.id.startsWith(SCRIPT_ID_PREFIX),
      );
      await this.unregister(ours.filter((script) => !wanted.has(script.id)).map((s) => s.id));
      const current = new Map(ours.map((script) => [script.id, script]));
      const missing = [...wanted].filter(([id]) => !current.has(id)).map(([, site]) => site);
      if (missing.length > 0) {
        await this.deps.scripting.registerContentScripts(missing.map((s) => this.scriptFor(s)));
      }
      const outdated = [...wanted]
        .filter(([id, site]) => current.has(id) && !this.isUpToDate(current.get(id)!, site))
        .map(([, site]) => this.scriptFor(site));
      if (outdated.length > 0) await this.deps.scripting.updateContentScripts(outdated);
    });
  }

  /** After an install or update: pages opened before it have no (or an orphaned) annotator. */
  injectIntoOpenTabs(): Promise<void> {
    return this.serial(async () => {
      for (const site of await this.permittedSites()) await this.inject(site);
    });
  }

  private async permittedSites(): Promise<AllowedSite[]> {
    const sites = await this.deps.allowedSites.get();
    const held = await Promise.all(
      sites.map((s) => this.deps.permissions.contains({ origins: [...s.matchPatterns] })),
    );
    return sites.filter((_, i) => held[i]);
  }

  private scriptFor(site: SitePattern): SiteScript {
    return {
      id: scriptIdFor(site.site),
      matches: [...site.matchPatterns],
      js: [this.deps.scriptFile],
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    };
  }

  private isUpToDate(registered: SiteScript, site: SitePattern): boolean {
    return (
      sameList(registered.matches, site.matchPatterns) &&
      sameList(registered.js, [this.deps.scriptFile]) &&
      registered.allFrames === true
    );
  }

  private async register(sites: readonly SitePattern[]): Promise<void> {
    const ids = sites.map((s) => scriptIdFor(s.site));
    const registered = new Set(
      (await this.deps.scripting.getRegisteredContentScripts({ ids })).map((s) => s.id),
    );
    const scripts = sites.map((s) => this.scriptFor(s));
    const fresh = scripts.filter((s) => !registered.has(s.id));
    const known = scripts.filter((s) => registered.has(s.id));
    if (fresh.length > 0) await this.deps.scripting.registerContentScripts(fresh);
    if (known.length > 0) await this.deps.scripting.updateContentScripts(known);
  }

  /** Unregisters only what is registered: Chrome rejects the whole call for one unknown id. */
  private async unregister(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const registered = await this.deps.scripting.getRegisteredContentScripts({ ids: [...ids] });
    if (registered.length === 0) return;
    await this.deps.scripting.unregisterContentScripts({ ids: registered.map((s) => s.id) });
  }

  /** Each tab on its own: a tab that cannot be scripted (an error page, say) must not stop the rest. */
  private async inject(site: SitePattern): Promise<void> {
    const tabs = await this.deps.tabs.query({ url: [...site.matchPatterns] });
    const targets = tabs.filter(
      (tab): tab is { id: number; url: string } =>
        tab.id !== undefined && tab.url !== undefined && siteMatchesUrl(site, tab.url),
    );
    await Promise.all(
      targets.map((tab) =>
        this.deps.scripting
          .executeScript({
            target: { tabId: tab.id, allFrames: true },
            files: [this.deps.scriptFile],
          })
          .catch((error: unknown) => {
            console.warn(`Presence Lens: could not start badges in tab ${tab.id}.`, error);
          }),
      ),
    );
  }

  /** A permission the manifest requires (loopback hosts in the dev build) cannot be removed. */
  private async givePermissionBack(origins: string[]): Promise<void> {
    try {
      await this.deps.permissions.remove({ origins });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!/required/i.test(message)) {
        console.warn(`Presence Lens: could not give back ${origins.join(', ')}.`, error);
      }
    }
  }
}
