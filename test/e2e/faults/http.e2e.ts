/**
 * Fault matrix, HTTP family: 429 and 423 with Retry-After, 500, 503 and a hung request on each
 * request of the reconnect and re-read paths. Each case also triggers its path, since these
 * requests only go out on a (re)connect or a re-read.
 */
import { expect } from 'vitest';
import type { Fleet } from './support/fleet';
import { faultCase, reportMatrix } from './support/matrix';

reportMatrix();

interface Target {
  label: string;
  method: string;
  path: string;
  /** Makes the client send this request. */
  trigger(fleet: Fleet): Promise<void>;
}

const TARGETS: Target[] = [
  {
    label: 'catalog',
    method: 'GET',
    path: '/u2c/api/v1/catalog',
    // The catalog is kept for the life of the feed: only a new worker asks for it again.
    trigger: (fleet) => fleet.stopWorker(),
  },
  {
    label: 'device register',
    method: 'POST',
    path: '/wdm/api/v1/devices',
    // WDM forgot the device: the reconnect's PUT gets 404, so the client registers again.
    trigger: async (fleet) => {
      await fleet.control.faults({ forgetDevices: true });
      await fleet.control.closeSockets(1006, '');
    },
  },
  {
    label: 'device refresh',
    method: 'PUT',
    path: '/wdm/api/v1/devices/:id',
    trigger: (fleet) => fleet.control.closeSockets(1006, '').then(() => undefined),
  },
  {
    label: 'subscribe',
    method: 'POST',
    path: '/apheleia/api/v1/subscriptions',
    trigger: (fleet) => fleet.control.closeSockets(1006, '').then(() => undefined),
  },
  {
    label: 'compositions',
    method: 'POST',
    path: '/apheleia/api/v1/compositions',
    // A lost sequence number makes the client re-read everyone.
    trigger: (fleet) => fleet.more.skipSequence().then(() => undefined),
  },
];

const RETRY_AFTER_S = 7;

interface Fault {
  label: string;
  rule: Record<string, unknown>;
  boundMs: number;
  why: string;
}

const FAULTS: Fault[] = [
  {
    label: `429 Retry-After ${RETRY_AFTER_S}`,
    rule: { status: 429, retryAfter: RETRY_AFTER_S, times: 1 },
    boundMs: (RETRY_AFTER_S + 5) * 1000,
    why: 'Retry-After honoured (5 s floor) + 5 s',
  },
  {
    label: `423 Retry-After ${RETRY_AFTER_S}`,
    rule: { status: 423, retryAfter: RETRY_AFTER_S, times: 1 },
    boundMs: (RETRY_AFTER_S + 5) * 1000,
    why: 'Retry-After honoured (5 s floor) + 5 s',
  },
  {
    label: '500',
    rule: { status: 500, times: 1 },
    boundMs: 15_000,
    why: 'reconnect backoff 1 s, or first per-contact retry 10 s, + 5 s',
  },
  {
    label: '503',
    rule: { status: 503, times: 1 },
    boundMs: 15_000,
    why: 'reconnect backoff 1 s, or first per-contact retry 10 s, + 5 s',
  },
  {
    label: 'hung request',
    rule: { hang: true, times: 1 },
    boundMs: 30_000,
    why: 'request timeout 15 s + first per-contact retry 10 s + 5 s',
  },
];

for (const target of TARGETS) {
  for (const fault of FAULTS) {
    faultCase(
      {
        name: `${fault.label} on ${target.label}`,
        family: 'http',
        boundMs: fault.boundMs,
        why: fault.why,
        quick: target.label === 'subscribe' && fault.label.startsWith('429'),
      },
      async ({ fleet, allTrue }) => {
        const key = `${target.method} ${target.path}`;
        const before = (await fleet.more.rawStats()).requests[key] ?? 0;
        await fleet.control.faults({
          http: [{ method: target.method, path: target.path, ...fault.rule }],
        });
        await target.trigger(fleet);
        await fleet.change(5);
        await allTrue();
        const after = (await fleet.more.rawStats()).requests[key] ?? 0;
        expect(after - before, `${key} was exercised`).toBeGreaterThanOrEqual(1);
        await fleet.more.clearFaults();
      },
    );
  }
}
