import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { PresenceStatus } from '../../../src/core/presence';
import { PresenceMirror } from '../../../src/background/presence-mirror';
import { lastKnownPresenceItem, livePresenceItem } from '../../../src/shared/storage-items';
import { presence } from '../ui/fixtures';

const newMirror = () =>
  new PresenceMirror({
    live: livePresenceItem,
    lastKnown: lastKnownPresenceItem,
    now: () => 42,
    lastKnownDelayMs: 10,
  });

afterEach(() => vi.useRealTimers());

describe('PresenceMirror', () => {
  test('a burst of updates becomes one session write holding the newest state', async () => {
    const mirror = newMirror();
    const writes = vi.spyOn(fakeBrowser.storage.session, 'set');
    mirror.set(presence('a', PresenceStatus.Active));
    mirror.set(presence('a', PresenceStatus.Meeting));
    mirror.set(presence('b', PresenceStatus.Dnd));
    await mirror.flush();
    expect(writes).toHaveBeenCalledTimes(1);
    expect(await livePresenceItem.get()).toEqual({
      a: presence('a', PresenceStatus.Meeting),
      b: presence('b', PresenceStatus.Dnd),
    });
  });

  test('an update during a write is written after it, never lost', async () => {
    const mirror = newMirror();
    mirror.set(presence('a', PresenceStatus.Active));
    await Promise.resolve();
    await Promise.resolve();
    mirror.set(presence('a', PresenceStatus.Call));
    await mirror.flush();
    await mirror.flush();
    expect((await livePresenceItem.get()).a?.status).toBe(PresenceStatus.Call);
  });

  test('retain forgets contacts no longer watched', async () => {
    const mirror = newMirror();
    mirror.set(presence('a', PresenceStatus.Active));
    mirror.set(presence('b', PresenceStatus.Active));
    mirror.retain(new Set(['b']));
    await mirror.flush();
    expect(Object.keys(await livePresenceItem.get())).toEqual(['b']);
  });

  test('restore starts from the session, as a restarted worker must', async () => {
    await livePresenceItem.set({ a: presence('a', PresenceStatus.Presenting) });
    const mirror = newMirror();
    await mirror.restore();
    expect(mirror.snapshot()).toEqual({ a: presence('a', PresenceStatus.Presenting) });
  });

  test('the last-known copy in local storage follows shortly after', async () => {
    const mirror = newMirror();
    mirror.set(presence('a', PresenceStatus.OutOfOffice));
    await vi.waitFor(async () =>
      expect(await lastKnownPresenceItem.get()).toEqual({
        presence: { a: presence('a', PresenceStatus.OutOfOffice) },
        savedAt: 42,
      }),
    );
  });
});

describe('PresenceMirror and its listeners', () => {
  test('tells listeners which contacts it forgot, on retain and on clear', () => {
    const mirror = newMirror();
    const removed: string[][] = [];
    mirror.onRemove((ids) => removed.push([...ids]));
    mirror.set(presence('a', PresenceStatus.Active));
    mirror.set(presence('b', PresenceStatus.Active));
    mirror.retain(new Set(['a', 'b']));
    mirror.retain(new Set(['b']));
    mirror.clear();
    mirror.clear();
    expect(removed).toEqual([['a'], ['b']]);
  });

  test('writes the session copy once per burst, after a short delay', async () => {
    vi.useFakeTimers();
    const writes = vi.spyOn(fakeBrowser.storage.session, 'set');
    writes.mockClear();
    const mirror = new PresenceMirror({
      live: livePresenceItem,
      lastKnown: lastKnownPresenceItem,
      sessionDelayMs: 100,
    });
    mirror.set(presence('a', PresenceStatus.Active));
    await vi.advanceTimersByTimeAsync(50);
    mirror.set(presence('a', PresenceStatus.Dnd));
    expect(writes).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60);
    await mirror.flush();
    expect(writes).toHaveBeenCalledTimes(1);
    expect((await livePresenceItem.get()).a?.status).toBe(PresenceStatus.Dnd);
  });
});
