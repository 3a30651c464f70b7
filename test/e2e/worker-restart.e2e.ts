import { expect, test } from 'vitest';
import { stopServiceWorker } from '../../scripts/lib/launch-extension';
import { addContactViaOptions, popupItem, rowText, useSession } from './support/session';

const session = useSession();

test('after the browser stops the idle service worker, the next change still reaches the popup', async () => {
  const s = session();
  const grace = await s.control.createPerson('Grace Hopper', 'grace@example.com');
  await addContactViaOptions(s.options, 'grace@example.com', 'Grace Hopper');
  const popup = await s.extension.openPage('src/popup/index.html');
  await popupItem(popup, 'Grace Hopper').waitFor();
  await s.control.setPresence(grace.id, { status: 'meeting' });
  await expect.poll(rowText(popup, 'Grace Hopper'), { timeout: 5_000 }).toContain('In a meeting');

  const before = (await s.control.stats()).requests;
  const devicesBefore = before['POST /wdm/api/v1/devices'] ?? 0;
  const refreshesBefore = before['PUT /wdm/api/v1/devices/:id'] ?? 0;
  await stopServiceWorker(popup);

  await s.control.setPresence(grace.id, { status: 'presenting', customStatus: 'Quarterly review' });
  await expect
    .poll(rowText(popup, 'Grace Hopper'), { timeout: 5_000, interval: 100 })
    .toContain('Presenting');
  expect(await rowText(popup, 'Grace Hopper')()).toContain('Quarterly review');

  // The woken worker reused its stored device rather than registering a new one.
  const stats = await s.control.stats();
  expect(stats.requests['POST /wdm/api/v1/devices'] ?? 0).toBe(devicesBefore);
  expect(stats.requests['PUT /wdm/api/v1/devices/:id'] ?? 0).toBeGreaterThan(refreshesBefore);
});
