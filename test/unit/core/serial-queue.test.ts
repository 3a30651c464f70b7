import { describe, expect, it } from 'vitest';
import { createSerialQueue } from '../../../src/core/serial-queue';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createSerialQueue', () => {
  it('runs tasks one after another, in order, never overlapping', async () => {
    const serial = createSerialQueue();
    const log: string[] = [];
    const gate = deferred();
    const first = serial(async () => {
      log.push('first start');
      await gate.promise;
      log.push('first end');
      return 1;
    });
    const second = serial(async () => {
      log.push('second');
      return 2;
    });
    await Promise.resolve();
    expect(log).toEqual(['first start']);
    gate.resolve();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(log).toEqual(['first start', 'first end', 'second']);
  });

  it('a failing task rejects for its caller and does not block the next', async () => {
    const serial = createSerialQueue();
    const failing = serial(() => Promise.reject(new Error('boom')));
    const throwing = serial(() => {
      throw new Error('sync boom');
    });
    const after = serial(async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(throwing).rejects.toThrow('sync boom');
    expect(await after).toBe('ran');
  });

  it('separate queues do not wait for one another', async () => {
    const a = createSerialQueue();
    const b = createSerialQueue();
    const gate = deferred();
    const blocked = a(() => gate.promise);
    expect(await b(async () => 'b')).toBe('b');
    gate.resolve();
    await blocked;
  });
});
