/**
 * Fault matrix, per-contact family: a subscribe reply that refuses one contact (409 with retry,
 * 403, 401), and Apheleia losing every subscription silently.
 */
import { faultCase, reportMatrix } from './support/matrix';
import { sleep } from './support/fleet';

reportMatrix();

faultCase(
  {
    name: '409 with retry 7 s for one contact',
    family: 'subscription',
    boundMs: 15_000,
    why: 'backoff 1 s + reconnect, then that contact again after its retry (7 s) + 5 s',
  },
  async ({ fleet, allTrue, t0 }) => {
    const victim = fleet.people[3]!;
    await fleet.control.faults({ subjectCodes: { [victim.uuid]: { code: 409, retry: 7 } } });
    await fleet.control.closeSockets(1006, ''); // the resubscribe gets the 409
    await fleet.change(5);
    await fleet.more.setPresence(victim.uuid, 'presenting');
    fleet.truth.set(victim.uuid, 'presenting');
    // Once the 409 went out, the conflict is over: the retry must succeed.
    for (let i = 0; i < 50; i++) {
      const calls = (await fleet.more.rawStats()).subscriptionCalls;
      if (calls.some((c) => Date.parse(c.at) >= t0 && c.subjects.includes(victim.uuid))) break;
      await sleep(100);
    }
    await fleet.more.clearFaults();
    await allTrue();
  },
);

for (const code of [403, 401] as const) {
  faultCase(
    {
      name: `${code} for one contact`,
      family: 'subscription',
      boundMs: 5_000,
      why: 'backoff 1 s + reconnect; the refused contact shows Unknown (retried after 10 min)',
    },
    async ({ fleet, allTrue }) => {
      const victim = fleet.people[3]!;
      await fleet.control.faults({ subjectCodes: { [victim.uuid]: { code } } });
      fleet.overrides.set(victim.uuid, 'Unknown'); // not allowed to see it: its true status here
      await fleet.control.closeSockets(1006, '');
      await fleet.change(5, new Set([victim.uuid]));
      await allTrue();
    },
  );
}

faultCase(
  {
    name: 'subscriptions lost silently',
    family: 'subscription',
    quick: true,
    boundMs: 90_000,
    why: 'the audit re-reads every contact every 45 s; measured worst case about 1.5 cycles',
  },
  async ({ fleet, allTrue }) => {
    await fleet.control.faults({ loseSubscriptions: true });
    await fleet.change(5);
    await allTrue();
  },
);
