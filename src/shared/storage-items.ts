/**
 * Every value the extension keeps in `chrome.storage`, declared once. No raw keys elsewhere.
 *
 * `local` is readable by content scripts, so credentials never go there (they live in the
 * background's IndexedDB: src/background/secret-store.ts and credentials.ts). `session` is limited to trusted
 * extension pages by default.
 */
import { err, ok } from '../core/result';
import {
  MAX_ALLOWED_SITES,
  parseAllowedSite,
  parseAllowedSites,
  type AllowedSite,
} from './allowed-site';
import { bulkAddProgress, type BulkAddProgress } from './bulk-add';
import { parseConnectionInfo, SIGNED_OUT, type ConnectionInfo } from './connection';
import { parseWatchedContact, parseWatchList, type WatchedContact } from './contact';
import { isFiniteNumber, isRecord, isStringArray } from '../core/json-guards';
import { parsePageGrants, type PageGrant } from './page-grant';
import { parsePresenceMap, type PresenceMap } from './presence-map';
import { EMPTY_LIST_HEAD, parseListHead, type ListHead } from './list-head';
import type { SortOrder } from './contact-list';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';
import { salvageList } from './salvage-list';
import { parseStorageProblems, withProblem, type StorageProblem } from './storage-problem';
import { defineItem, type ItemProblem } from './typed-storage';
import { migrateWatchListV0 } from './watch-list-v0';
import { migrateWatchListV1 } from './watch-list-v1';

/**
 * Stored values that could not be (fully) read, for the options page to show until dismissed.
 * Not reported into itself: a broken list of reports just starts over.
 */
export const storageProblemsItem = defineItem<readonly StorageProblem[]>(
  'local',
  'storageProblems',
  { fallback: [], version: 1, validate: parseStorageProblems },
);

async function recordStorageProblem(problem: ItemProblem): Promise<void> {
  await storageProblemsItem.update((list) => withProblem(list, problem, Date.now()));
}

/**
 * The people watched. Version 0 was a bare array (src/shared/watch-list-v0.ts); version 2 added
 * each contact's optional `group` and `notify` (src/shared/watch-list-v1.ts). A list with some
 * contacts that do not read keeps the others, and the loss is reported.
 */
export const watchListItem = defineItem<readonly WatchedContact[]>('local', 'watchList', {
  fallback: [],
  version: 2,
  validate: parseWatchList,
  migrations: { 1: migrateWatchListV0, 2: migrateWatchListV1 },
  salvage: (raw) =>
    salvageList(raw, {
      what: 'the watch list',
      parse: parseWatchedContact,
      id: (contact) => contact.contactId,
    }),
  onProblem: recordStorageProblem,
});

export const settingsItem = defineItem<Settings>('local', 'settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
  validate: parseSettings,
  onProblem: recordStorageProblem,
});

/** Live presence, mirrored from the worker's memory so a popup paints at once. */
export const livePresenceItem = defineItem<PresenceMap>('session', 'presence', {
  fallback: {},
  version: 1,
  validate: parsePresenceMap,
});

/** The popup's first rows, kept by the worker (src/shared/list-head.ts). */
export const listHeadItem = defineItem<ListHead>('session', 'listHead', {
  fallback: EMPTY_LIST_HEAD,
  version: 1,
  validate: parseListHead,
});

/** The popup's sort order, as the user last chose it. */
export const listOrderItem = defineItem<SortOrder>('local', 'listOrder', {
  fallback: 'name',
  version: 1,
  validate: (raw) =>
    raw === 'name' || raw === 'availability'
      ? ok(raw)
      : err('a sort order is name or availability'),
  onProblem: recordStorageProblem,
});

export const connectionItem = defineItem<ConnectionInfo>('session', 'connection', {
  fallback: SIGNED_OUT,
  version: 1,
  validate: parseConnectionInfo,
});

export interface WatchListCheck {
  /** UTC ms of the last People API check of the watch list; 0 for never. */
  readonly checkedAt: number;
  /** Contacts it found to be bots or gone: never subscribed. */
  readonly invalidIds: readonly string[];
}

/** Kept for the browser session, so a restarted worker neither repeats the check nor forgets it. */
export const watchListCheckItem = defineItem<WatchListCheck>('session', 'watchListCheck', {
  fallback: { checkedAt: 0, invalidIds: [] },
  version: 1,
  validate(raw) {
    if (!isRecord(raw) || !isFiniteNumber(raw.checkedAt) || !isStringArray(raw.invalidIds)) {
      return err('needs checkedAt and invalidIds');
    }
    return ok({ checkedAt: raw.checkedAt, invalidIds: raw.invalidIds });
  },
});

export interface LastKnownPresence {
  readonly presence: PresenceMap;
  /** UTC ms when it was written; after a browser restart the UI shows it as stale. */
  readonly savedAt: number;
}

/** Last known presence, kept across browser restarts. */
export const lastKnownPresenceItem = defineItem<LastKnownPresence>('local', 'lastKnownPresence', {
  fallback: { presence: {}, savedAt: 0 },
  version: 1,
  validate(raw) {
    if (!isRecord(raw) || !isFiniteNumber(raw.savedAt)) return err('needs presence and savedAt');
    const presence = parsePresenceMap(raw.presence);
    return presence.ok ? ok({ presence: presence.value, savedAt: raw.savedAt }) : presence;
  },
});

/**
 * The sites where page badges may run (Options, "Sites"). Only the background writes it, after the
 * page got the host permission; each entry's match patterns are re-derived when read.
 */
export const allowedSitesItem = defineItem<readonly AllowedSite[]>('local', 'allowedSites', {
  fallback: [],
  version: 1,
  validate: parseAllowedSites,
  salvage: (raw) =>
    salvageList(raw, {
      what: 'the allowed sites',
      parse: parseAllowedSite,
      id: (site) => site.site,
      max: MAX_ALLOWED_SITES,
    }),
  onProblem: recordStorageProblem,
});

export interface PageBadgeSettings {
  /** Whether page badges are keyboard tab stops (off: they would add stops to every page). */
  readonly focusable: boolean;
}

/** Not sensitive: the options page writes it directly. */
export const pageBadgeSettingsItem = defineItem<PageBadgeSettings>('local', 'pageBadges', {
  fallback: { focusable: false },
  version: 1,
  validate(raw) {
    if (!isRecord(raw) || typeof raw.focusable !== 'boolean') return err('needs focusable');
    return ok({ focusable: raw.focusable });
  },
  onProblem: recordStorageProblem,
});

/**
 * How far the worker is with a "Paste a list" run (src/shared/bulk-add.ts): written after each
 * People API request, followed by the options page's progress bar. Session storage: only
 * extension pages read it.
 */
export const bulkAddProgressItem = defineItem<BulkAddProgress>('session', 'bulkAddProgress', {
  fallback: { done: 0, total: 0, running: false },
  version: 1,
  validate: bulkAddProgress,
});

/** Tabs where the user asked for badges from the popup, for this browser session only. */
export const pageGrantsItem = defineItem<readonly PageGrant[]>('session', 'pageGrants', {
  fallback: [],
  version: 1,
  validate: parsePageGrants,
});
