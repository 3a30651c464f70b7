import { describe, expect, it, vi } from 'vitest';
import { uuidToPersonId } from '../../../src/core/hydra-id';
import { PresenceStatus } from '../../../src/core/presence';
import type { Presence } from '../../../src/core/presence';
import { PresenceWatcher } from '../../../src/core/presence-watcher';
import { FakeSource } from './fake-source';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const idA = uuidToPersonId(A);
const idB = uuidToPersonId(B);
const dnd = {
  status: PresenceStatus.Dnd,
  customStatus: 'Focus',
  lastActiveTime: 1,
  expiresTime: 2,
};
const active = { ...dnd, status: PresenceStatus.Active, customStatus: '' };
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function setup(isKnownInvalid?: (uuid: string) => boolean) {
  const source = new FakeSource();
  const watcher = new PresenceWatcher(source, isKnownInvalid ? { isKnownInvalid } : {});
  return { source, watcher };
}

describe('PresenceWatcher.startWatchingPresences', () => {
  it('returns one handle per id, in order, with one number per person', () => {
    const { source, watcher } = setup();
    const standardA = idA.replace(/-/g, '+').replace(/_/g, '/') + '==';
    const handles = watcher.startWatchingPresences([idA, idB, standardA, 'nonsense'], () => {});
    expect(handles.map((h) => h.contactId)).toEqual([idA, idB, standardA, 'nonsense']);
    expect(handles.map((h) => h.isValid)).toEqual([true, true, true, false]);
    expect(handles[0]?.handle).toBe(handles[2]?.handle);
    expect(new Set(handles.map((h) => h.handle)).size).toBe(3);
    expect(source.calls).toEqual([{ op: 'watch', uuids: [A, B] }]);
    const again = watcher.startWatchingPresences([idB], () => {});
    expect(again[0]?.handle).toBe(handles[1]?.handle);
    expect(source.calls).toHaveLength(1);
  });

  it('marks room ids and known-invalid people invalid and never asks the source about them', () => {
    const { source, watcher } = setup((uuid) => uuid === B);
    const room = Buffer.from(`ciscospark://us/ROOM/${A}`).toString('base64url');
    const handles = watcher.startWatchingPresences([room, idB], vi.fn());
    expect(handles.map((h) => h.isValid)).toEqual([false, false]);
    expect(source.calls).toEqual([]);
    source.emit(B, dnd);
    expect(watcher.current(idB)).toBeUndefined();
  });

  it('passes updates with the caller’s own contactId and drops identical repeats', () => {
    const { source, watcher } = setup();
    const standardA = idA.replace(/-/g, '+').replace(/_/g, '/');
    const first: Presence[] = [];
    const second: Presence[] = [];
    watcher.startWatchingPresences([idA], (p) => first.push(p));
    watcher.startWatchingPresences([standardA], (p) => second.push(p));
    source.emit(A, dnd);
    source.emit(A, { ...dnd });
    source.emit(A.toUpperCase(), active);
    source.emit(B, dnd);
    expect(first).toEqual([
      { contactId: idA, ...dnd },
      { contactId: idA, ...active },
    ]);
    expect(second.map((p) => p.contactId)).toEqual([standardA, standardA]);
    expect(watcher.current(A)).toEqual({ contactId: A, ...active });
    expect(watcher.current(idA)).toEqual({ contactId: idA, ...active });
  });

  it('gives a new watcher the known presence after it has its handles', async () => {
    const { source, watcher } = setup();
    watcher.startWatchingPresences([idA], () => {});
    source.emit(A, dnd);
    const seen: Presence[] = [];
    const handles = watcher.startWatchingPresences([idA], (p) => seen.push(p));
    expect(seen).toEqual([]);
    await flush();
    expect(seen).toEqual([{ contactId: idA, ...dnd }]);
    expect(handles[0]?.isValid).toBe(true);
  });

  it('does not repeat the queued first delivery when an update came in between', async () => {
    const { source, watcher } = setup();
    watcher.startWatchingPresences([idA], () => {});
    source.emit(A, dnd);
    const seen: Presence[] = [];
    watcher.startWatchingPresences([idA], (p) => seen.push(p));
    source.emit(A, active);
    await flush();
    expect(seen).toEqual([{ contactId: idA, ...active }]);
  });
});

describe('PresenceWatcher.stopWatchingPresences', () => {
  it('counts references: unwatch only when the last watcher stops', () => {
    const { source, watcher } = setup();
    const [h1] = watcher.startWatchingPresences([idA], () => {});
    const [h2] = watcher.startWatchingPresences([idA, idB], () => {});
    watcher.stopWatchingPresences([h1!]);
    expect(source.calls.filter((c) => c.op === 'unwatch')).toEqual([]);
    watcher.stopWatchingPresences([h1!, h2!]);
    expect(source.calls.at(-1)).toEqual({ op: 'unwatch', uuids: [A] });
    expect(watcher.watchedUuids()).toEqual([B]);
  });

  it('never calls a callback after its stop, even with a first delivery queued', async () => {
    const { source, watcher } = setup();
    watcher.startWatchingPresences([idA], () => {});
    source.emit(A, dnd);
    const callback = vi.fn();
    const handles = watcher.startWatchingPresences([idA], callback);
    watcher.stopWatchingPresences(handles);
    source.emit(A, active);
    await flush();
    expect(callback).not.toHaveBeenCalled();
  });

  it('ends the most recent watch for a handle-like copy, and ignores unknown handles', () => {
    const { source, watcher } = setup();
    const older = vi.fn();
    const newer = vi.fn();
    const [h] = watcher.startWatchingPresences([idA], older);
    watcher.startWatchingPresences([idA], newer);
    watcher.stopWatchingPresences([{ ...h! }, { handle: 999, contactId: 'x', isValid: true }]);
    source.emit(A, dnd);
    expect(older).toHaveBeenCalledTimes(1);
    expect(newer).not.toHaveBeenCalled();
  });

  it('lets a callback stop another watch mid fan-out, and survives a throwing callback', () => {
    const errors: unknown[] = [];
    const source = new FakeSource();
    const watcher = new PresenceWatcher(source, { onCallbackError: (e) => errors.push(e) });
    const later = vi.fn();
    let laterHandles = watcher.startWatchingPresences([idA], later);
    watcher.startWatchingPresences([idA], () => watcher.stopWatchingPresences(laterHandles));
    laterHandles = watcher.startWatchingPresences([idA], later);
    watcher.startWatchingPresences([idA], () => {
      throw new Error('boom');
    });
    const last = vi.fn();
    watcher.startWatchingPresences([idA], last);
    source.emit(A, dnd);
    expect(later).toHaveBeenCalledTimes(1); // the first one, before the stopper ran
    expect(last).toHaveBeenCalledTimes(1);
    expect(errors).toHaveLength(1);
  });

  it('dispose unwatches everything and stops listening', () => {
    const { source, watcher } = setup();
    const callback = vi.fn();
    watcher.startWatchingPresences([idA, idB], callback);
    watcher.dispose();
    expect(source.calls.at(-1)).toEqual({ op: 'unwatch', uuids: [A, B] });
    expect(source.listenerCount).toBe(0);
    watcher.dispose();
    expect(() => watcher.startWatchingPresences([idA], callback)).toThrow(/disposed/);
  });
});
