import { afterEach, describe, expect, it, vi } from 'vitest';
import { guarded } from '../../emulator/guard.js';

afterEach(() => vi.restoreAllMocks());

describe('guarded timer callbacks', () => {
  it('runs the callback and logs, rather than rethrows, what it throws', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let runs = 0;
    const tick = guarded('sweeper', () => {
      runs += 1;
      throw new RangeError('Invalid time value');
    });
    expect(() => tick()).not.toThrow();
    expect(runs).toBe(1);
    expect(errors).toHaveBeenCalledOnce();
    expect(String(errors.mock.calls[0]?.[0])).toMatch(/sweeper failed: RangeError: Invalid time/);
  });
});
