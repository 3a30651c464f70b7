/**
 * src/shared/storage-areas.ts: in Firefox (no `storage.local.setAccessLevel`) `local` items live in
 * the extension origin's IndexedDB, out of content scripts' reach; in Chrome they stay in
 * `storage.local`. docs/browsers.md.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ok } from '../../../src/core/result';

const g = globalThis as { chrome?: Record<string, unknown> };
const i18n = g.chrome?.['i18n'];

async function counterIn(storage: Record<string, unknown>) {
  g.chrome = { i18n, storage };
  vi.resetModules(); // storage-areas decides once per context, as a page or worker would
  const { defineItem } = await import('../../../src/shared/typed-storage');
  return () =>
    defineItem<number>('local', 'counter', {
      fallback: 0,
      version: 1,
      validate: (raw) => ok(Number(raw)),
    });
}

afterEach(() => {
  g.chrome = { i18n };
});

describe('where local items live', () => {
  test('Firefox: in IndexedDB, not in storage.local, and every context hears the change', async () => {
    const counter = await counterIn({ local: {} });
    const writer = counter();
    const seen: number[] = [];
    const unwatch = counter().watch((value) => seen.push(value));
    await writer.set(7);
    expect(await counter().get()).toBe(7);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await vi.waitFor(() => expect(seen).toEqual([7]));
    unwatch();
  });

  test('Chrome: in storage.local, which setAccessLevel closes to content scripts', async () => {
    const counter = await counterIn({ local: { setAccessLevel: () => Promise.resolve() } });
    await counter().set(3);
    expect(await fakeBrowser.storage.local.get('counter')).toEqual({ counter: { v: 1, value: 3 } });
  });
});
