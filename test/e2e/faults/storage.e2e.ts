/**
 * Fault matrix, storage family: a watch list with corrupted entries, and one written by an older
 * version. Written through an extension page, then the worker restarts (or the extension
 * updates in place); no good contact may be lost.
 */
import { contactOf } from './support/fleet';
import { faultCase, reportMatrix } from './support/matrix';

reportMatrix();

faultCase(
  {
    name: 'watch list with corrupted entries',
    family: 'storage',
    quick: true,
    boundMs: 10_000,
    why: 'salvage keeps the good entries; new worker: catalog + PUT + socket + subscribe',
  },
  async ({ fleet, allTrue }) => {
    const good = fleet.people.map((p) => contactOf(p));
    await fleet.writeWatchList({
      v: 1,
      value: [
        ...good.slice(0, 30),
        { contactId: 42, displayName: 'Broken' },
        'garbage',
        null,
        { displayName: 'No id', emails: [], addedAt: 1 },
        ...good.slice(30),
      ],
    });
    await fleet.stopWorker();
    await fleet.change(5);
    await allTrue();
  },
);

faultCase(
  {
    name: 'watch list written by an older version, extension updated',
    family: 'storage',
    boundMs: 10_000,
    why: 'migration on read; new worker: catalog + PUT + socket + subscribe',
  },
  async ({ fleet, allTrue }) => {
    // Before the versioned envelope: a bare array, contacts without `addedAt`.
    await fleet.writeWatchList(
      fleet.people.map((p) => ({ contactId: p.id, displayName: p.displayName, emails: p.emails })),
    );
    await fleet.updateInPlace();
    await fleet.change(5);
    await allTrue();
  },
);
