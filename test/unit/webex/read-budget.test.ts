import { describe, expect, it } from 'vitest';
import { ReadBudget } from '../../../src/webex/read-budget';

describe('ReadBudget', () => {
  it('allows one request per watched person per minute, batches counting once', () => {
    let now = 0;
    let watched = 10;
    const budget = new ReadBudget(
      () => now,
      () => watched,
    );
    expect(budget.tryTake(6)).toBe(true);
    expect(budget.tryTake(5)).toBe(false); // nothing taken
    expect(budget.tryTake(4)).toBe(true);
    expect(budget.tryTake(1)).toBe(false);
    expect(budget.waitMs(1)).toBe(60_000);
    now = 59_999;
    expect(budget.tryTake(1)).toBe(false);
    now = 60_000;
    expect(budget.waitMs(6)).toBe(0);
    expect(budget.tryTake(6)).toBe(true);
    watched = 20;
    expect(budget.tryTake(10)).toBe(true);
  });

  it('never allows fewer than 4 a minute, so a short list still gets its re-reads', () => {
    const budget = new ReadBudget(
      () => 0,
      () => 1,
    );
    expect(budget.tryTake(4)).toBe(true);
    expect(budget.tryTake(1)).toBe(false);
  });
});
