import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidToPersonId } from '../../../src/core/hydra-id';
import { PresenceStatus } from '../../../src/core/presence';
import type { PresenceHandle } from '../../../src/core/presence';
import { PresenceWatcher } from '../../../src/core/presence-watcher';
import { FakeSource } from './fake-source';

const PEOPLE = [1, 2, 3].map((n) => `0000000${n}-0000-4000-8000-00000000000${n}`);

type Command =
  | { kind: 'start'; people: number[] }
  | { kind: 'stop'; picks: number[]; copy: boolean }
  | { kind: 'emit'; person: number; status: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('start' as const),
    people: fc.array(fc.nat(PEOPLE.length - 1), { maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('stop' as const),
    picks: fc.array(fc.nat(6), { maxLength: 3 }),
    copy: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('emit' as const),
    person: fc.nat(PEOPLE.length - 1),
    status: fc.nat(3),
  }),
);

interface Live {
  handle: PresenceHandle;
  uuid: string;
  stopped: boolean;
  /** A presence was known at start, so a first delivery is queued for this watch. */
  firstQueued: boolean;
  expectedCalls: number;
  calls: number;
}

describe('PresenceWatcher against a reference-count model', () => {
  it('asks the source only on 0↔1 transitions and never calls a stopped watch', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(command, fc.boolean()), { maxLength: 40 }),
        async (steps) => {
          const source = new FakeSource();
          const watcher = new PresenceWatcher(source);
          const count = new Map<string, number>();
          const expected: FakeSource['calls'] = [];
          const watches: Live[] = [];
          const violations: string[] = [];
          const latest = new Map<string, string>();
          let calls = 0;
          let serial = 0;

          /** Queued first deliveries run now: one call to each watch still live that waits for one. */
          const flushed = async () => {
            const before = calls;
            const due = watches.filter((w) => w.firstQueued && !w.stopped);
            for (const w of watches) w.firstQueued = false;
            for (const w of due) w.expectedCalls++;
            await Promise.resolve();
            if (calls - before !== due.length) violations.push('wrong first deliveries');
          };

          for (const [cmd, flush] of steps) {
            if (cmd.kind === 'start') {
              const uuids = cmd.people.map((i) => PEOPLE[i]!);
              // Each handle gets a contact id of its own (the cluster differs, the person does
              // not), so its callback calls can be told apart even when a person is repeated.
              const contactIds = uuids.map((u) => uuidToPersonId(u, `c${++serial}`));
              const entries: Live[] = [];
              const handles = watcher.startWatchingPresences(contactIds, (p) => {
                calls++;
                const entry = entries.find((e) => e.handle.contactId === p.contactId);
                if (entry === undefined) violations.push('callback for another call');
                else if (entry.stopped) violations.push('callback after stop');
                else entry.calls++;
              });
              const fresh: string[] = [];
              handles.forEach((handle, i) => {
                const uuid = uuids[i]!;
                const n = count.get(uuid) ?? 0;
                if (n === 0 && !fresh.includes(uuid)) fresh.push(uuid);
                count.set(uuid, n + 1);
                entries.push({
                  handle,
                  uuid,
                  stopped: false,
                  firstQueued: latest.has(uuid),
                  expectedCalls: 0,
                  calls: 0,
                });
              });
              watches.push(...entries);
              if (fresh.length > 0) expected.push({ op: 'watch', uuids: fresh });
            } else if (cmd.kind === 'stop') {
              const gone: string[] = [];
              const targets = cmd.picks
                .map((i) => watches[watches.length - 1 - i]) // recent watches, mostly
                .filter((w) => w !== undefined);
              for (const target of targets) {
                // A copy ends the most recent live watch of the person; the original ends itself.
                const live = cmd.copy
                  ? watches.filter((w) => w.uuid === target.uuid && !w.stopped).at(-1)
                  : target.stopped
                    ? undefined
                    : target;
                if (live === undefined) continue;
                live.stopped = true;
                const n = (count.get(live.uuid) ?? 0) - 1;
                count.set(live.uuid, n);
                if (n === 0) {
                  gone.push(live.uuid);
                  latest.delete(live.uuid);
                }
              }
              watcher.stopWatchingPresences(
                targets.map((t) => (cmd.copy ? { ...t.handle } : t.handle)),
              );
              if (gone.length > 0) expected.push({ op: 'unwatch', uuids: gone });
            } else {
              const status = [PresenceStatus.Active, PresenceStatus.Dnd, PresenceStatus.Call][
                cmd.status % 3
              ]!;
              const uuid = PEOPLE[cmd.person]!;
              const before = calls;
              source.emit(uuid, { status, customStatus: '', lastActiveTime: 0, expiresTime: 0 });
              const liveCount = count.get(uuid) ?? 0;
              const changed = liveCount > 0 && latest.get(uuid) !== status;
              if (liveCount > 0) latest.set(uuid, status);
              if (changed) {
                // Every live watch gets it now; a queued first delivery then has nothing new.
                for (const w of watches) {
                  if (w.uuid !== uuid || w.stopped) continue;
                  w.expectedCalls++;
                  w.firstQueued = false;
                }
              }
              if (calls - before !== (changed ? liveCount : 0)) violations.push('wrong fan-out');
            }
            // Sometimes let queued first deliveries run, sometimes stop before they can.
            if (flush) await flushed();
          }
          await flushed();
          expect(watches.map((w) => w.calls)).toEqual(watches.map((w) => w.expectedCalls));
          expect(source.calls).toEqual(expected);
          expect(watcher.watchedUuids().sort()).toEqual(
            [...count]
              .filter(([, n]) => n > 0)
              .map(([u]) => u)
              .sort(),
          );
          expect(violations).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
