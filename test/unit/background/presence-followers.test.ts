import { describe, expect, it } from 'vitest';
import { PresenceStatus, type Presence } from '../../../src/core/presence';
import {
  PresenceFollowers,
  RECENT_MS,
  type FollowerPort,
} from '../../../src/background/presence-followers';
import { FOLLOW_PRESENCE, presenceChanges } from '../../../src/shared/presence-changes';
import { presence } from '../ui/fixtures';

const ORIGIN = 'chrome-extension://abc/';

class FakePort implements FollowerPort {
  readonly sent: unknown[] = [];
  private onMessages: Array<(m: unknown) => void> = [];
  private onDisconnects: Array<() => void> = [];
  readonly onMessage = { addListener: (cb: (m: unknown) => void) => void this.onMessages.push(cb) };
  readonly onDisconnect = { addListener: (cb: () => void) => void this.onDisconnects.push(cb) };
  constructor(readonly sender = { url: `${ORIGIN}src/popup/index.html` }) {}
  postMessage(message: unknown): void {
    this.sent.push(structuredClone(message));
  }
  receive(message: unknown): void {
    for (const cb of this.onMessages) cb(message);
  }
  disconnect(): void {
    for (const cb of this.onDisconnects) cb();
  }
}

function harness() {
  const queue: Array<() => void> = [];
  const held = new Map<string, Presence>();
  const clock = { now: 1_000_000 };
  const followers = new PresenceFollowers({
    extensionOrigin: ORIGIN,
    presenceOf: (id) => held.get(id),
    now: () => clock.now,
    defer: (send) => queue.push(send),
  });
  const runDeferred = () => queue.splice(0).forEach((send) => send());
  /** As the mirror does: hold the presence, then tell the followers. */
  const set = (p: Presence) => {
    held.set(p.contactId, p);
    followers.set(p);
  };
  const remove = (ids: string[]) => {
    for (const id of ids) held.delete(id);
    followers.remove(ids);
  };
  return { followers, runDeferred, set, remove, clock };
}

describe('PresenceFollowers', () => {
  it('sends the recent changes on follow, then one message per burst with only the changes', () => {
    const { followers, runDeferred, set, remove, clock } = harness();
    const old = presence('old', PresenceStatus.Busy);
    set(old);
    clock.now += RECENT_MS; // long written to storage.session
    const a = presence('a', PresenceStatus.Active);
    set(a);
    set(presence('gone', PresenceStatus.Active));
    remove(['gone']);
    const port = new FakePort();
    followers.accept(port);
    port.receive(FOLLOW_PRESENCE);
    expect(port.sent).toEqual([presenceChanges({ a }, ['gone'])]);

    set(presence('b', PresenceStatus.Call));
    set(presence('b', PresenceStatus.Dnd));
    set(presence('c', PresenceStatus.Meeting));
    remove(['a']);
    runDeferred();
    expect(port.sent.slice(1)).toEqual([
      presenceChanges(
        { b: presence('b', PresenceStatus.Dnd), c: presence('c', PresenceStatus.Meeting) },
        ['a'],
      ),
    ]);
  });

  it('a presence set after its removal in the same burst is a change, not a removal', () => {
    const { followers, runDeferred, set, remove } = harness();
    const port = new FakePort();
    followers.accept(port);
    port.receive(FOLLOW_PRESENCE);
    remove(['a']);
    set(presence('a', PresenceStatus.Busy));
    runDeferred();
    expect(port.sent[1]).toEqual(presenceChanges({ a: presence('a', PresenceStatus.Busy) }));
  });

  it('sends nothing to ports that did not ask, or that left', () => {
    const { followers, runDeferred, set } = harness();
    const quiet = new FakePort();
    const gone = new FakePort();
    followers.accept(quiet);
    followers.accept(gone);
    gone.receive(FOLLOW_PRESENCE);
    gone.disconnect();
    set(presence('a', PresenceStatus.Active));
    runDeferred();
    expect(quiet.sent).toEqual([]);
    expect(gone.sent).toHaveLength(1); // the snapshot only
  });

  it('ignores ports from anywhere but the extension (a content script)', () => {
    const { followers, set } = harness();
    set(presence('a', PresenceStatus.Active));
    const page = new FakePort({ url: 'https://evil.example/' });
    followers.accept(page);
    page.receive(FOLLOW_PRESENCE);
    expect(page.sent).toEqual([]);
  });

  it('tells followers when the watch list changed', () => {
    const { followers } = harness();
    const port = new FakePort();
    followers.accept(port);
    followers.broadcast({ type: 'watchListChanged' });
    port.receive(FOLLOW_PRESENCE);
    followers.broadcast({ type: 'watchListChanged' });
    expect(port.sent.slice(1)).toEqual([{ type: 'watchListChanged' }]);
  });
});
