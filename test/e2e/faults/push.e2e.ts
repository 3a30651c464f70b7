/** Fault matrix, push family: garbage on the Mercury socket is ignored and the feed stays live. */
import { expect } from 'vitest';
import { faultCase, reportMatrix } from './support/matrix';

reportMatrix();

faultCase(
  {
    name: 'malformed pushed events',
    family: 'push',
    quick: true,
    boundMs: 5_000,
    why: 'nothing to recover: the next real pushes arrive at once (no reconnect)',
  },
  async ({ fleet, allTrue }) => {
    const sockets = async () =>
      (await fleet.more.rawStats()).sockets.map((s) => s.connectedAt).join();
    const before = await sockets();
    const victim = fleet.people[0]!;
    for (const raw of [
      'not json at all {',
      null,
      [],
      { id: 'x', data: { eventType: 'apheleia.subscription_update' } },
      {
        id: 'y',
        data: { eventType: 'apheleia.subscription_update', subject: victim.uuid, status: 42 },
        sequenceNumber: 'seven',
      },
      { id: 'z', data: 'nope', timestamp: 'yesterday' },
    ]) {
      await fleet.more.push(raw);
    }
    await fleet.change(5);
    await allTrue();
    expect(await sockets(), 'the same socket carried on').toBe(before);
  },
);
