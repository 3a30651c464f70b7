/**
 * Fault matrix, socket family: closes, shutdown notices, lost pongs, lost sequence numbers and a
 * forgotten device (test/e2e/faults/support/matrix.ts runs each case on a fresh fleet).
 */
import { faultCase, reportMatrix } from './support/matrix';

reportMatrix();

// A fresh fleet's socket has been up < 60 s, so a drop counts one failure: 1 s ±20 % backoff,
// then device PUT + socket + subscribe (with status) of 60 people: well inside 5 s.
const DROP_BOUND_MS = 5_000;
const DROP_WHY = 'backoff 1 s (±20 %) + PUT device + socket + subscribe with status';

for (const [code, quick] of [
  [1006, true],
  [1001, false],
  [1011, false],
] as const) {
  faultCase(
    {
      name: `socket closed ${code}`,
      family: 'socket',
      boundMs: DROP_BOUND_MS,
      why: DROP_WHY,
      quick,
    },
    async ({ fleet, allTrue }) => {
      await fleet.control.closeSockets(code, code === 1006 ? '' : 'fault matrix');
      await fleet.change(5);
      await allTrue();
    },
  );
}

faultCase(
  {
    name: 'socket closed 4000 (replaced), user clicks Reconnect',
    family: 'socket',
    boundMs: DROP_BOUND_MS,
    why: 'stays off by design; from the click: catalog cached, PUT + socket + subscribe',
  },
  async ({ fleet, allTrue, restartClock }) => {
    await fleet.control.closeSockets(4000, 'replaced');
    await fleet.change(5);
    const reconnect = fleet.popup.getByRole('button', { name: 'Reconnect' });
    await reconnect.waitFor({ timeout: 5_000 });
    restartClock(); // the user's recovery starts the clock
    await reconnect.click();
    await allTrue();
  },
);

faultCase(
  {
    name: 'shutdown notice, then 4001',
    family: 'socket',
    boundMs: DROP_BOUND_MS,
    why: 'make-before-break: the new socket is up before the 4001, no backoff at all',
  },
  async ({ fleet, allTrue }) => {
    await fleet.more.shutdown(1_000);
    await fleet.change(5);
    await allTrue();
  },
);

for (const pong of ['drop', 'mismatch'] as const) {
  faultCase(
    {
      name: `pong ${pong === 'drop' ? 'lost' : 'mismatched'}`,
      family: 'socket',
      // Ping every 15 s, pong awaited 14 s: dead after ≤ 29 s, + 2 s force close, + 1 s backoff
      // and the reconnect: 35 s. The fault is cleared once the socket went, or it never recovers.
      boundMs: 35_000,
      why: 'ping 15 s + pong timeout 14 s + force close 2 s + backoff 1 s + reconnect',
    },
    async ({ fleet, allTrue }) => {
      const before = (await fleet.more.rawStats()).sockets.map((s) => s.connectedAt).join();
      await fleet.control.faults({ pong });
      await fleet.change(5);
      // The changes are pushed on the still-open socket; wait for the socket to be replaced.
      const until = Date.now() + 40_000;
      while (Date.now() < until) {
        const now = (await fleet.more.rawStats()).sockets.map((s) => s.connectedAt).join();
        if (now !== before) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      await fleet.more.clearFaults();
      await fleet.change(5);
      await allTrue();
    },
  );
}

faultCase(
  {
    name: 'skipped sequence number',
    family: 'socket',
    boundMs: 5_000,
    why: 'the next frame shows the gap: one re-read of everyone (compositions) at once',
  },
  async ({ fleet, allTrue }) => {
    await fleet.more.skipSequence();
    await fleet.change(5);
    await allTrue();
  },
);

faultCase(
  {
    name: 'device forgotten by WDM',
    family: 'socket',
    // The socket stays open but Apheleia forgot every subscription with the device: nothing is
    // pushed. The device PUT runs only every 30 min (or on a reconnect), so what the code
    // guarantees is the lost-subscription audit: every contact re-read within 60 s, seen by the
    // 30 s health alarm: 90 s.
    boundMs: 90_000,
    why: 'audit re-reads every contact ≤ 60 s + health alarm 30 s',
  },
  async ({ fleet, allTrue }) => {
    await fleet.control.faults({ forgetDevices: true });
    await fleet.change(5);
    await allTrue();
  },
);
