import { expect, test } from 'vitest';
import { backgroundState, stopBackground } from '../../scripts/lib/launch-firefox';
import { addContactViaOptions, useFirefoxSession } from './support/firefox-session';
import { waitForRow } from '../../scripts/lib/firefox-page-queries';
import { storeScreenshot } from './support/screenshots';

const session = useFirefoxSession();

test('Firefox: after the event page is stopped, the next change still reaches the popup', async () => {
  const s = session();
  const grace = await s.control.createPerson('Grace Hopper', 'grace@example.com');
  await addContactViaOptions(s.options, 'grace@example.com', 'Grace Hopper');
  const popup = await s.firefox.openPage('src/popup/index.html');
  await waitForRow(popup, 'Grace Hopper');
  await s.control.setPresence(grace.id, { status: 'meeting' });
  await waitForRow(popup, 'Grace Hopper', 'In a meeting', 5_000);

  const before = (await s.control.stats()).requests;
  const devicesBefore = before['POST /wdm/api/v1/devices'] ?? 0;
  const refreshesBefore = before['PUT /wdm/api/v1/devices/:id'] ?? 0;
  await stopBackground(s.firefox.browser);

  await s.control.setPresence(grace.id, { status: 'presenting', customStatus: 'Quarterly review' });
  const row = await waitForRow(popup, 'Grace Hopper', 'Presenting', 5_000);
  expect(row).toContain('Quarterly review');
  expect(await backgroundState(s.firefox.browser)).toBe('running');

  // The woken event page reused its stored device rather than registering a new one.
  const stats = await s.control.stats();
  expect(stats.requests['POST /wdm/api/v1/devices'] ?? 0).toBe(devicesBefore);
  expect(stats.requests['PUT /wdm/api/v1/devices/:id'] ?? 0).toBeGreaterThan(refreshesBefore);
  await storeScreenshot(popup, 'popup', { width: 380, height: 300 });
});
