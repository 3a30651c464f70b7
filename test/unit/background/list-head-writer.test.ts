import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PresenceStatus } from '../../../src/core/presence';
import { ListHeadWriter } from '../../../src/background/list-head-writer';
import type { WatchedContact } from '../../../src/shared/contact';
import { nameCollator, type SortOrder } from '../../../src/shared/contact-list';
import type { ListHead } from '../../../src/shared/list-head';
import type { PresenceMap } from '../../../src/shared/presence-map';
import { ada, grace, presence } from '../ui/fixtures';

function setup() {
  let contacts: readonly WatchedContact[] = [grace, ada];
  let order: SortOrder = 'name';
  let presences: PresenceMap = {};
  const written: ListHead[] = [];
  const watchList = vi.fn(async () => contacts);
  const write = vi.fn(async (head: ListHead) => void written.push(head));
  const writer = new ListHeadWriter({
    watchList,
    order: async () => order,
    presences: () => presences,
    write,
    collator: nameCollator('en'),
    delayMs: 100,
  });
  return {
    writer,
    watchList,
    write,
    written,
    setContacts: (next: readonly WatchedContact[]) => (contacts = next),
    setOrder: (next: SortOrder) => (order = next),
    setPresences: (next: PresenceMap) => (presences = next),
  };
}

const rowIds = (head: ListHead | undefined) =>
  head?.rows.map((row) => (row.kind === 'contact' ? row.contact.contactId : row.name));

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('ListHeadWriter', () => {
  it('writes once for a burst of changes, after its delay', async () => {
    const w = setup();
    w.writer.schedule();
    w.writer.schedule();
    w.writer.schedule();
    await vi.advanceTimersByTimeAsync(99);
    expect(w.write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(w.write).toHaveBeenCalledTimes(1);
    expect(rowIds(w.written[0])).toEqual(['ada-id', 'grace-id']);
  });

  it('sorts the watch list once per watch list, and reads it again when it changed', async () => {
    const w = setup();
    w.writer.schedule();
    await vi.advanceTimersByTimeAsync(100);
    w.setPresences({ 'grace-id': presence('grace-id', PresenceStatus.Active) });
    w.setOrder('availability');
    w.writer.schedule();
    await vi.advanceTimersByTimeAsync(100);
    expect(w.watchList).toHaveBeenCalledTimes(1);
    expect(rowIds(w.written[1])).toEqual(['grace-id', 'ada-id']);
    expect(w.written[1]?.presence['grace-id']?.status).toBe(PresenceStatus.Active);

    w.setContacts([ada]);
    w.writer.watchListChanged();
    await vi.advanceTimersByTimeAsync(100);
    expect(w.watchList).toHaveBeenCalledTimes(2);
    expect(rowIds(w.written[2])).toEqual(['ada-id']);
    expect(w.written[2]?.total).toBe(1);
  });

  it('does not write a head that did not change', async () => {
    const w = setup();
    w.writer.schedule();
    await vi.advanceTimersByTimeAsync(100);
    w.writer.schedule();
    await vi.advanceTimersByTimeAsync(100);
    expect(w.write).toHaveBeenCalledTimes(1);
    w.setPresences({ 'ada-id': presence('ada-id', PresenceStatus.Dnd) });
    w.writer.schedule();
    await vi.advanceTimersByTimeAsync(100);
    expect(w.write).toHaveBeenCalledTimes(2);
  });

  it('says so when a write fails, and writes again on the next change', async () => {
    const w = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    w.write.mockRejectedValueOnce(new Error('quota'));
    w.writer.schedule();
    await vi.advanceTimersByTimeAsync(100);
    expect(warn).toHaveBeenCalledWith(
      'Presence Lens: could not write the list head',
      expect.any(Error),
    );
    w.writer.schedule();
    await vi.advanceTimersByTimeAsync(100);
    expect(w.written).toHaveLength(1);
    warn.mockRestore();
  });
});
