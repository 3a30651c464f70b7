/**
 * Fault matrix, lifecycle family: the worker stopped over CDP (idle, mid-subscribe,
 * mid-reconnect), the browser closed and reopened on the same profile, the extension updated in
 * place.
 */
import { faultCase, reportMatrix } from './support/matrix';
import { sleep, type Fleet } from './support/fleet';

reportMatrix();

async function waitHeld(fleet: Fleet): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await fleet.more.faultsNow()).heldRequests >= 1) return;
    await sleep(100);
  }
  throw new Error('No request was held by the hang fault.');
}

const WAKE_WHY = 'popup port retry ≤ 2 s + wake + catalog + PUT + socket + subscribe';

faultCase(
  { name: 'worker stopped', family: 'worker', quick: true, boundMs: 5_000, why: WAKE_WHY },
  async ({ fleet, allTrue }) => {
    await fleet.stopWorker();
    await fleet.change(5);
    await allTrue();
  },
);

/** The worker is stopped while a request of the reconnect is held: the next wake recovers. */
for (const held of [
  {
    name: 'mid-subscribe',
    method: 'POST',
    path: '/apheleia/api/v1/subscriptions',
    what: 'subscribe',
  },
  { name: 'mid-reconnect', method: 'PUT', path: '/wdm/api/v1/devices/:id', what: 'device PUT' },
]) {
  faultCase(
    {
      name: `worker stopped ${held.name}`,
      family: 'worker',
      boundMs: 10_000,
      why: `${WAKE_WHY}; the held ${held.what} died with the worker`,
    },
    async ({ fleet, allTrue, restartClock }) => {
      await fleet.control.faults({
        http: [{ method: held.method, path: held.path, hang: true, times: 1 }],
      });
      await fleet.control.closeSockets(1006, '');
      await waitHeld(fleet);
      restartClock();
      await fleet.stopWorker();
      await fleet.change(5);
      await allTrue();
      await fleet.more.clearFaults();
    },
  );
}

faultCase(
  {
    name: 'browser closed and reopened',
    family: 'browser',
    boundMs: 15_000,
    why: 'cold start: Chromium + worker + catalog + PUT + socket + subscribe with status',
  },
  async ({ fleet, allTrue, restartClock }) => {
    await fleet.restartBrowser(async () => {
      await fleet.change(5); // while the browser is closed
      restartClock();
    });
    await allTrue();
  },
);

faultCase(
  {
    name: 'extension updated in place',
    family: 'browser',
    boundMs: 10_000,
    why: 'a new worker: catalog + PUT + socket + subscribe with status',
  },
  async ({ fleet, allTrue }) => {
    await fleet.updateInPlace();
    await fleet.change(5);
    await allTrue();
  },
);
