import { afterEach, describe, expect, it } from 'vitest';
import { MercuryHandover } from '../../../src/webex/mercury-handover';
import type { LogLevel } from '../../../src/webex/log';
import { DEV_AUDIENCE, FakeWebSocket, ManualClock, settle } from './fakes';

afterEach(() => FakeWebSocket.reset());

describe('MercuryHandover', () => {
  it('logs an unusable frame once', async () => {
    FakeWebSocket.autoServer = true;
    const clock = new ManualClock();
    const logs: Array<[LogLevel, string]> = [];
    const handover = new MercuryHandover({
      WebSocket: FakeWebSocket,
      audience: DEV_AUDIENCE,
      getToken: async () => 't1',
      timers: clock,
      now: clock.now,
      log: (level, message) => logs.push([level, message]),
      onEvent: () => {},
      onSequenceGap: () => {},
      onShutdown: () => {},
      onClose: () => {},
    });
    const socket = handover.create(
      'wss://mercury.wbx2.com/v1/apps/wx2/registrations/r1/messages',
      new AbortController().signal,
    );
    const connected = socket.connect();
    await settle();
    await connected;
    handover.takeOver(socket);
    FakeWebSocket.last.serverSendRaw('{not json');
    await settle();
    expect(logs.filter(([level]) => level === 'warn')).toHaveLength(1);
    handover.drop();
  });
});
