/**
 * Fault matrix, sign-in family: a revoked token, and a device registration refused for good
 * (the REST fallback).
 */
import { faultCase, reportMatrix } from './support/matrix';
import { TOKEN } from '../support/session';

reportMatrix();

faultCase(
  {
    name: 'token revoked, then signed in again',
    family: 'auth',
    quick: true,
    boundMs: 10_000,
    why: 'signed out ≤ 5 s (reconnect PUT gets 401); after sign-in: catalog + device + subscribe',
    extraMs: 30_000,
  },
  async ({ fleet, allTrue, restartClock }) => {
    await fleet.control.faults({ revokeTokens: [TOKEN] });
    await fleet.control.closeSockets(1006, '');
    // True status while signed out: the last known presence, marked as such.
    await allTrue({
      lastKnown: true,
      boundMs: 5_000,
      line: (line) => line.startsWith('Signed out'),
    });
    await fleet.change(5);
    await fleet.more.clearFaults();
    restartClock(); // the user's recovery: signing in again
    await fleet.signIn();
    await allTrue();
  },
);

faultCase(
  {
    name: 'device registration refused (403): REST polling, then Live again',
    family: 'auth',
    boundMs: 90_000,
    why: 'each contact polled every 75 s (read budget), + 15 s for the first poll and the line',
    extraMs: 120_000,
  },
  async ({ fleet, allTrue, restartClock }) => {
    await fleet.control.faults({
      http: [{ method: 'POST', path: '/wdm/api/v1/devices', status: 403 }],
      forgetDevices: true,
    });
    await fleet.control.closeSockets(1006, '');
    await fleet.change(5);
    await allTrue({
      rest: true,
      line: (line) => /^Updating every \d+ s \(real-time unavailable: .+\)$/.test(line),
    });
    await fleet.more.clearFaults();
    await fleet.change(5);
    restartClock();
    await allTrue();
  },
);
