import { expect, test } from 'vitest';
import { useSession } from './support/session';

const session = useSession();

test('120 contacts added at once are subscribed in batches of at most 50', async () => {
  const s = session();
  const people = [];
  for (let i = 0; i < 120; i++) {
    people.push(await s.control.createPerson(`Person ${i}`, `person.${i}@example.com`));
  }
  // All at once, as an import of a contact list lands: one write of the watch list.
  const contacts = people.map((p) => ({
    contactId: p.id,
    displayName: p.displayName,
    emails: p.emails,
    addedAt: Date.now(),
  }));
  await s.options.evaluate(
    (value) => chrome.storage.local.set({ watchList: { v: 1, value } }),
    contacts,
  );

  const wanted = new Set(people.map((p) => p.uuid));
  await expect
    .poll(
      async () => {
        const calls = (await s.control.stats()).subscriptionCalls.filter(
          (c) => c.subscriptionTtl > 0,
        );
        return new Set(calls.flatMap((c) => c.subjects).filter((id) => wanted.has(id))).size;
      },
      { timeout: 10_000 },
    )
    .toBe(120);
  const calls = (await s.control.stats()).subscriptionCalls;
  for (const call of calls) expect(call.subjects.length).toBeLessThanOrEqual(50);
  expect(
    calls.filter((c) => c.subjects.some((id) => wanted.has(id))).length,
  ).toBeGreaterThanOrEqual(3);

  const popup = await s.extension.openPage('src/popup/index.html');
  // The list is virtualised: rows in view are in the DOM, each saying how many there are.
  await expect
    .poll(() => popup.getByRole('listitem').first().getAttribute('aria-setsize'), {
      timeout: 5_000,
    })
    .toBe('120');
});
