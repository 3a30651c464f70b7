/** WebexPresenceSource keeps its WDM device registered while one socket stays up for long. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEVICE_REFRESH_MS } from '../../../src/webex/device-keeper';
import { FakeWebSocket } from './fakes';
import { A, B, ORIGIN, setup } from './source-harness';

beforeEach(() => {
  FakeWebSocket.reset();
  FakeWebSocket.autoServer = true;
});
afterEach(() => FakeWebSocket.reset());

describe('WebexPresenceSource: device refresh', () => {
  it('refreshes the device every 30 minutes on the same socket', async () => {
    const t = setup();
    t.source.watch([A]);
    await t.source.start();
    const refreshes = () => t.server.fake.to('PUT', /\/devices\/d1$/).length;
    expect(refreshes()).toBe(0); // just registered
    await t.clock.advance(DEVICE_REFRESH_MS - 1);
    expect(refreshes()).toBe(0);
    await t.clock.advance(1);
    expect(refreshes()).toBe(1);
    await t.clock.advance(DEVICE_REFRESH_MS);
    expect(refreshes()).toBe(2);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(t.phases()).toEqual(['connecting', 'live']);
  });

  it('refreshes an overdue device from checkHealth', async () => {
    const t = setup();
    await t.source.start();
    t.clock.time += DEVICE_REFRESH_MS; // a suspended worker: time passed, no timer ran
    await t.source.checkHealth();
    expect(t.server.fake.to('PUT', /\/devices\/d1$/)).toHaveLength(1);
    await t.source.checkHealth();
    expect(t.server.fake.to('PUT', /\/devices\/d1$/)).toHaveLength(1);
  });

  it('registers again when WDM forgot the device, moves to its socket and resubscribes', async () => {
    const t = setup();
    t.source.watch([A, B]);
    await t.source.start();
    const old = FakeWebSocket.last;
    t.server.fake.on('PUT', /\/devices\/d1$/, { status: 404, body: { message: 'gone' } });
    await t.clock.advance(DEVICE_REFRESH_MS);
    expect(t.server.fake.to('POST', /\/devices$/)).toHaveLength(2);
    expect(t.saved.at(-1)?.url).toBe(`${ORIGIN}/wdm/api/v1/devices/d2`);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(FakeWebSocket.last.url).toContain('/registrations/r2/messages');
    expect(old.closedWith).toEqual({ code: 1000, reason: 'done' });
    const resubscribe = t.server.fake.to('POST', /\/subscriptions$/).at(-1);
    expect(resubscribe?.body).toEqual({
      subjects: [A, B],
      subscriptionTtl: 600,
      includeStatus: true,
    });
    expect(resubscribe?.headers['cisco-device-url']).toBe(`${ORIGIN}/wdm/api/v1/devices/d2`);
    expect(t.phases()).toEqual(['connecting', 'live']);
  });

  it('signs out when WDM rejects the token on a refresh', async () => {
    const t = setup();
    await t.source.start();
    t.server.fake.on('PUT', /\/devices\/d1$/, { status: 401, body: { message: 'expired' } });
    await t.clock.advance(DEVICE_REFRESH_MS);
    expect(t.source.state.phase).toBe('signed-out');
  });
});
