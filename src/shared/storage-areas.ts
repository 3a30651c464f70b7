/**
 * What backs each storage area of src/shared/typed-storage.ts. Chrome: `chrome.storage`, with
 * `local` closed to content scripts by `setAccessLevel` (src/background/index.ts). Firefox has no
 * `setAccessLevel`, so its content scripts can read and write `storage.local`: there the `local`
 * items live in the extension origin's IndexedDB instead, which content scripts cannot open, and
 * changes reach the other extension contexts over a BroadcastChannel (docs/browsers.md).
 * (`storage.session` is closed to content scripts in both browsers by default.)
 */
import browser from 'webextension-polyfill';
import { createStore, get, set, type UseStore } from 'idb-keyval';

export type StorageAreaName = 'local' | 'session';

/** The part of `storage.StorageArea` that typed-storage uses. */
export interface ItemArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export type AreaChangeListener = (
  changes: Record<string, { newValue?: unknown }>,
  areaName: string,
) => void;

/** True in Firefox: `storage.local` exists but cannot be closed to content scripts. */
function localIsOpenToContentScripts(): boolean {
  if (typeof chrome === 'undefined' || !chrome.storage?.local) return false; // unit tests
  return typeof chrome.storage.local.setAccessLevel !== 'function' && typeof indexedDB === 'object';
}

const CHANNEL = 'presence-lens:storage-local';
let privateLocal: { area: ItemArea; listeners: Set<AreaChangeListener> } | undefined;

function privateLocalArea() {
  if (privateLocal) return privateLocal;
  const store: UseStore = createStore('presence-lens-storage', 'local');
  const listeners = new Set<AreaChangeListener>();
  // A channel does not hear its own messages; a second one in this context does, so the writer's
  // own context is told too, as `storage.onChanged` does.
  const outbox = new BroadcastChannel(CHANNEL);
  const inbox = new BroadcastChannel(CHANNEL);
  inbox.onmessage = (event: MessageEvent<Record<string, { newValue?: unknown }>>) => {
    for (const listener of listeners) listener(event.data, 'local');
  };
  const area: ItemArea = {
    async get(key) {
      const value: unknown = await get(key, store);
      return value === undefined ? {} : { [key]: value };
    },
    async set(items) {
      for (const [key, value] of Object.entries(items)) await set(key, value, store);
      outbox.postMessage(
        Object.fromEntries(Object.entries(items).map(([key, value]) => [key, { newValue: value }])),
      );
    },
  };
  privateLocal = { area, listeners };
  return privateLocal;
}

export function storageArea(name: StorageAreaName): ItemArea {
  if (name === 'local' && localIsOpenToContentScripts()) return privateLocalArea().area;
  return browser.storage[name] as ItemArea;
}

/** `storage.onChanged`, plus the changes of the IndexedDB-backed `local` area in Firefox. */
export function onAreaChanged(listener: AreaChangeListener): () => void {
  browser.storage.onChanged.addListener(listener);
  const own = localIsOpenToContentScripts() ? privateLocalArea().listeners : undefined;
  own?.add(listener);
  return () => {
    browser.storage.onChanged.removeListener(listener);
    own?.delete(listener);
  };
}
