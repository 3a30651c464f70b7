import { describe, expect, it } from 'vitest';
import { RequestGate } from '../../../src/webex/request-gate';
import { ManualClock } from './fakes';

describe('RequestGate', () => {
  it('lets at most 5 requests start in any 1.25 s (a second plus jitter)', async () => {
    const clock = new ManualClock();
    const gate = new RequestGate(clock, clock.now);
    const started: number[] = [];
    for (let i = 0; i < 12; i++) void gate.pass('a.wbx2.com').then(() => started.push(clock.now()));
    await clock.advance(0);
    expect(started).toHaveLength(5);
    await clock.advance(1_249);
    expect(started).toHaveLength(5);
    await clock.advance(1);
    expect(started).toHaveLength(10);
    await clock.advance(1_250);
    expect(started).toHaveLength(12);
  });

  it('holds one host after Retry-After while others go on', async () => {
    const clock = new ManualClock();
    const gate = new RequestGate(clock, clock.now);
    gate.holdHost('apheleia.wbx2.com', 20_000);
    const order: string[] = [];
    void gate.pass('apheleia.wbx2.com').then(() => order.push('apheleia'));
    void gate.pass('webexapis.com').then(() => order.push('people'));
    await clock.advance(0);
    expect(order).toEqual(['people']);
    await clock.advance(19_999);
    expect(order).toEqual(['people']);
    await clock.advance(1);
    expect(order).toEqual(['people', 'apheleia']);
  });

  it('made after a restart, waits out the second the previous instance may have used', async () => {
    const clock = new ManualClock();
    const gate = new RequestGate(clock, clock.now, { startsFull: true });
    let passed = false;
    void gate.pass('u2c.wbx2.com').then(() => (passed = true));
    await clock.advance(1_249);
    expect(passed).toBe(false);
    await clock.advance(1);
    expect(passed).toBe(true);
  });
});
