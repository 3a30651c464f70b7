/**
 * The service worker. The browser may stop it at any moment, so every listener is registered
 * synchronously at the top level and everything else is rebuilt from storage by `wake()`.
 */
import browser from 'webextension-polyfill';
import { nameCollator } from '../shared/contact-list';
import { UI_PORT_NAME } from '../shared/messages';
import { PAGE_PORT_NAME } from '../shared/page-protocol';
import {
  allowedSitesItem,
  connectionItem,
  lastKnownPresenceItem,
  listHeadItem,
  listOrderItem,
  livePresenceItem,
  pageBadgeSettingsItem,
  pageGrantsItem,
  watchListItem,
} from '../shared/storage-items';
import { ActionBadge } from './action-badge';
import { noticeBookItem } from './availability-notices';
import { CONTENT_SCRIPT_FILE } from './content-script-file';
import { FeedController } from './feed-controller';
import { ListHeadWriter } from './list-head-writer';
import { createMessageListener } from './message-handler';
import { AvailabilityNotifier } from './notifier';
import { PageAccess } from './page-access';
import { toPageContacts, type PageContactsBuild } from './page-contacts';
import { PagePorts } from './page-ports';
import { PresenceMirror } from './presence-mirror';
import { PresenceFollowers } from './presence-followers';
import { createIdbSecretStore } from './secret-store';
import { SiteAccess } from './site-access';
import { tokenAudienceOf } from './token-audience';
import { uiLanguage } from '../ui/i18n';

const HEALTH_ALARM = 'presence-lens:health';
/** 30 s is the shortest period Chrome allows packed extensions. */
const HEALTH_PERIOD_MINUTES = 0.5;

restrictStorageToTrustedContexts();

const mirror = new PresenceMirror({ live: livePresenceItem, lastKnown: lastKnownPresenceItem });
const controller = new FeedController({
  secrets: createIdbSecretStore(),
  mirror,
  fetch: (input, init) => fetch(input, init),
  WebSocket,
  audience: tokenAudienceOf(browser.runtime.getManifest()),
  webAuth: {
    redirectUri: browser.identity.getRedirectURL(),
    launch: (url) => browser.identity.launchWebAuthFlow({ url, interactive: true }),
  },
});

const siteAccess = new SiteAccess({
  permissions: browser.permissions,
  scripting: browser.scripting,
  tabs: browser.tabs,
  allowedSites: allowedSitesItem,
  scriptFile: CONTENT_SCRIPT_FILE,
});

const pageAccess = new PageAccess({
  allowedSites: allowedSitesItem,
  grants: pageGrantsItem,
  permissions: browser.permissions,
  tabs: browser.tabs,
  scripting: browser.scripting,
  scriptFile: CONTENT_SCRIPT_FILE,
});

const pages = new PagePorts({
  extensionId: browser.runtime.id,
  allows: (tabId, url) => pageAccess.allows(tabId, url),
  ready: () => controller.wake(),
  contacts: async () => ({
    build: await pageContacts(),
    focusable: (await pageBadgeSettingsItem.get()).focusable,
  }),
  presenceOf: (contactId) => mirror.get(contactId),
});

browser.runtime.onMessage.addListener(
  createMessageListener(controller, browser.runtime.getURL(''), {
    allowSite: (site) => siteAccess.allowSite(site),
    removeSite: async (site) => {
      const removed = await siteAccess.removeSite(site);
      await pageAccess.forgetSite(site);
      return removed;
    },
    showOnTab: (tabId) => pageAccess.showOnTab(tabId),
  }),
);

// A permission can be granted or revoked outside Options (the browser's site access menu).
browser.permissions.onAdded.addListener(() => reconcileSites());
browser.permissions.onRemoved.addListener(() => {
  void reconcileSites();
  void pages.accessChanged();
});
browser.runtime.onInstalled.addListener(() => {
  // Pages opened before an install or update have no annotator, or one whose extension is gone.
  reconcileSites().then(() => siteAccess.injectIntoOpenTabs().catch(warnSites));
});

// Open extension pages hold a port; connecting is what wakes a stopped worker for them.
browser.runtime.onConnect.addListener((port) => {
  if (port.name === UI_PORT_NAME) void controller.wake();
  // A page's annotator: answered only for allowed sites and granted tabs (page-ports.ts).
  if (port.name === PAGE_PORT_NAME) pages.accept(port);
});

browser.tabs.onRemoved.addListener((tabId) => void pageAccess.forgetTab(tabId));
mirror.onSet((presence) => pages.presenceChanged(presence));

// The open popup: the latest changes on request, then only the changes (presence-followers.ts).
const followers = new PresenceFollowers({
  extensionOrigin: browser.runtime.getURL(''),
  presenceOf: (contactId) => mirror.get(contactId),
});
mirror.onSet((presence) => followers.set(presence));
mirror.onRemove((contactIds) => followers.remove(contactIds));
connectionItem.watch((connection) =>
  followers.broadcast({ type: 'connectionChanged', connection }),
);
watchListItem.watch(() => followers.broadcast({ type: 'watchListChanged' }));
browser.runtime.onConnect.addListener((port) => {
  if (port.name === UI_PORT_NAME) followers.accept(port);
});

// The popup's first rows, so that it paints without reading every contact (list-head-writer.ts).
const listHead = new ListHeadWriter({
  watchList: () => watchListItem.get(),
  order: () => listOrderItem.get(),
  presences: () => mirror.snapshot(),
  write: (head) => listHeadItem.set(head),
  collator: nameCollator(uiLanguage()),
});
mirror.onSet(() => listHead.schedule());
mirror.onRemove(() => listHead.schedule());
watchListItem.watch(() => listHead.watchListChanged());
listOrderItem.watch(() => listHead.schedule());

// Issue 9: "notify when available" and the toolbar badge, both fed by the mirror's presences.
const notifier = new AvailabilityNotifier({
  notifications: browser.notifications,
  book: noticeBookItem,
  watchList: () => watchListItem.get(),
  openUrl: (url) => browser.tabs.create({ url }),
  iconUrl: browser.runtime.getURL('icons/available-128.png'),
});
const badge = new ActionBadge({
  action: chrome.action,
  inputs: async () => ({
    contacts: await watchListItem.get(),
    presences: mirror.snapshot(),
    phase: (await connectionItem.get()).phase,
  }),
});
mirror.onSet((presence) => {
  void notifier.observe(presence);
  badge.schedule();
});
browser.notifications.onClicked.addListener((id) => void notifier.clicked(id));
watchListItem.watch(() => badge.schedule());
connectionItem.watch((connection) => {
  if (connection.phase === 'signed-out') void notifier.forget();
  badge.schedule();
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === HEALTH_ALARM) void controller.checkHealth();
});

watchListItem.watch(() => {
  pageContactsCache = null;
  void controller.onWatchListChanged();
  void pages.contactsChanged();
});
pageBadgeSettingsItem.watch(() => void pages.contactsChanged());
allowedSitesItem.watch(() => void pages.accessChanged());
pageGrantsItem.watch(() => void pages.accessChanged());

/** Made once per watch list (and per worker start), not once per page. */
let pageContactsCache: Promise<PageContactsBuild> | null = null;
function pageContacts(): Promise<PageContactsBuild> {
  pageContactsCache ??= watchListItem.get().then(toPageContacts);
  return pageContactsCache;
}

async function ensureHealthAlarm(): Promise<void> {
  if (!(await browser.alarms.get(HEALTH_ALARM))) {
    await browser.alarms.create(HEALTH_ALARM, { periodInMinutes: HEALTH_PERIOD_MINUTES });
  }
}

function warnSites(error: unknown): void {
  console.warn('Presence Lens: could not update the sites where badges run.', error);
}

function reconcileSites(): Promise<void> {
  return siteAccess.reconcile().catch(warnSites);
}

/**
 * Content scripts must neither read nor write extension storage (they get what they need through
 * messages). `storage.session` is trusted-only by default in Chrome; Firefox may lack the call.
 */
function restrictStorageToTrustedContexts(): void {
  if (typeof chrome === 'undefined') return;
  for (const area of [chrome.storage?.local, chrome.storage?.session]) {
    if (typeof area?.setAccessLevel !== 'function') continue;
    try {
      area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(warnStorage);
    } catch (error) {
      warnStorage(error);
    }
  }
}

function warnStorage(error: unknown): void {
  console.warn('Presence Lens: could not keep storage away from content scripts.', error);
}

void ensureHealthAlarm();
// After the mirror is restored.
void controller.wake().then(() => {
  badge.schedule();
  listHead.schedule();
});
void reconcileSites();
