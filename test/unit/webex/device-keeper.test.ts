/** DeviceKeeper against the real emulator: overlapping calls, forgotten devices, stop. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import type { StoredDevice } from '../../../src/webex/device';
import { DeviceKeeper } from '../../../src/webex/device-keeper';
import { createHttpClient } from '../../../src/webex/http';
import { silentLogger } from '../../../src/webex/log';
import { globalTimers } from '../../../src/webex/timers';
import { DEV_AUDIENCE } from './fakes';

const live = new AbortController().signal;

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ port: 0, tokens: ['t1'] });
});
afterEach(async () => {
  await emulator.close();
});

async function devicePosts(): Promise<number> {
  const stats = (await (await fetch(`${emulator.baseUrl}/_emu/stats`)).json()) as {
    requests: Record<string, number>;
  };
  return stats.requests['POST /wdm/api/v1/devices'] ?? 0;
}

function newKeeper(saved: StoredDevice[], onRefreshDue = () => undefined) {
  let stored: StoredDevice | null = null;
  return new DeviceKeeper({
    http: createHttpClient({
      fetch: (url, init) => fetch(url, init),
      getToken: () => 't1',
      audience: DEV_AUDIENCE,
    }),
    store: {
      load: async () => stored,
      save: async (device) => {
        stored = device;
        if (device) saved.push(device);
      },
    },
    timers: globalTimers,
    now: () => Date.now(),
    log: silentLogger,
    refreshMs: 50,
    onRefreshDue,
  });
}

describe('DeviceKeeper', () => {
  test('overlapping calls after WDM forgot the device register one new device, not two', async () => {
    const wdm = `${emulator.baseUrl}/wdm/api/v1`;
    const saved: StoredDevice[] = [];
    const keeper = newKeeper(saved);
    const first = await keeper.ensure(wdm, live);
    expect(first?.moved).toBe(false);
    await fetch(`${emulator.baseUrl}/_emu/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ forgetDevices: true }),
    });

    const [a, b] = await Promise.all([keeper.ensure(wdm, live), keeper.ensure(wdm, live)]);
    expect(await devicePosts()).toBe(2);
    expect(a?.device.url).toBe(b?.device.url);
    expect(a?.device.url).not.toBe(first?.device.url);
    expect(a?.moved).toBe(true);
    keeper.stop();
  });

  test('a registration that lands after stop() is neither kept, saved nor refreshed', async () => {
    const wdm = `${emulator.baseUrl}/wdm/api/v1`;
    let refreshes = 0;
    const saved: StoredDevice[] = [];
    const keeper = newKeeper(saved, () => {
      refreshes += 1;
    });
    const run = new AbortController();
    const pending = keeper.ensure(wdm, run.signal);
    run.abort();
    keeper.stop();
    expect(await pending).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(refreshes).toBe(0);
    expect(saved).toEqual([]);
    expect(keeper.current).toBeUndefined();
  });

  test('ensure() after stop() does its own round trip instead of joining the stopped one', async () => {
    const wdm = `${emulator.baseUrl}/wdm/api/v1`;
    let refreshes = 0;
    const saved: StoredDevice[] = [];
    const keeper = newKeeper(saved, () => {
      refreshes += 1;
    });
    const run = new AbortController();
    const stopped = keeper.ensure(wdm, run.signal);
    run.abort();
    keeper.stop();
    // The first reply has not landed yet.
    const ensured = await keeper.ensure(wdm, live);
    expect(await stopped).toBeUndefined();
    expect(ensured).toBeDefined();
    expect(keeper.current).toEqual(ensured?.device);
    expect(saved).toEqual([ensured?.device]);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(refreshes).toBeGreaterThan(0);
    keeper.stop();
  });
});
