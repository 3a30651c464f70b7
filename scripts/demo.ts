/**
 * The demo behind `npm start`: the emulator with its demo organisation, and Chromium with the
 * built extension signed in to it and watching the demo people, the /demo page and the popup open.
 * Without a display it runs headless, saves screenshots to demo-output/ and prints every presence
 * change the popup shows. Ctrl-C ends it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_TOKEN } from '../emulator/demo-token';
import { startEmulator } from '../emulator/server';
import { launchExtension } from './lib/launch-extension';
import { BADGE_ATTRIBUTE } from '../src/content/dom-marks';
import { readPopupRows, type PopupRow } from './lib/popup-rows';
import { listDemoPeople, runDemoLoop, startDemo, type DemoPerson } from './lib/demo-loop';
import { allowSiteViaOptions } from './lib/allow-site-via-options';

const TOKEN = DEMO_TOKEN;
const OUTPUT = path.resolve(import.meta.dirname, '../demo-output');
const port = Number(process.env.PORT ?? 8787);

async function signInAndWatch(options: Page, baseUrl: string, people: DemoPerson[]) {
  await options.getByLabel('Server URL').fill(baseUrl);
  await options.getByLabel('Access token').fill(TOKEN);
  await options.getByRole('button', { name: 'Connect' }).click();
  await options.getByText('Signed in as').first().waitFor({ timeout: 15_000 });
  for (const person of people) {
    const email = person.emails[0];
    if (!email) continue;
    await options.getByLabel('Add contact').fill(email);
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.getByRole('button', { name: `Remove ${person.displayName}` }).waitFor();
  }
}

/** Each badge's label, in page order: what a screen reader says for it. */
function readBadgeLabels(page: Page): Promise<string[]> {
  return page
    .locator(`[${BADGE_ATTRIBUTE}]`)
    .evaluateAll((badges) => badges.map((b) => b.getAttribute('aria-label') ?? ''));
}

function describeRow(row: PopupRow): string {
  return [row.status, row.customStatus, row.until, row.lastActive].filter(Boolean).join(' · ');
}

async function main() {
  const emulator = await startEmulator({ port, tokens: [TOKEN], demo: true }).catch(() =>
    startEmulator({ port: 0, tokens: [TOKEN], demo: true }),
  );
  console.log(
    `Webex emulator with demo people at ${emulator.baseUrl} (demo page: ${emulator.baseUrl}/demo)`,
  );
  const headless = !process.env.DISPLAY;
  const extension = await launchExtension({ headless });
  console.log(
    `Chromium${headless ? ' (headless)' : ''} with Presence Lens ${extension.extensionId}`,
  );

  const options = await extension.openPage('src/options/index.html');
  const people = await listDemoPeople(emulator.baseUrl);
  await signInAndWatch(options, emulator.baseUrl, people);
  console.log(`Signed in to the emulator and watching ${people.length} demo people.`);
  // Badges run only where the user allows them: allow the emulator's own site, as a user would.
  await allowSiteViaOptions(options, emulator.baseUrl);
  console.log(`Page badges allowed on ${emulator.baseUrl}.`);

  const demoPage = await extension.context.newPage();
  await demoPage.goto(`${emulator.baseUrl}/demo`);
  const popup = await extension.openPage('src/popup/index.html');
  await popup.setViewportSize({ width: 380, height: 760 });
  await popup.getByRole('listitem').first().waitFor();
  await demoPage.locator(`[${BADGE_ATTRIBUTE}]`).first().waitFor({ timeout: 15_000 });

  mkdirSync(OUTPUT, { recursive: true });
  const shoot = async () => {
    await popup.screenshot({ path: path.join(OUTPUT, 'popup.png'), fullPage: true });
    await demoPage.screenshot({ path: path.join(OUTPUT, 'demo-page.png'), fullPage: true });
  };
  await shoot();
  console.log(
    `Screenshots in ${OUTPUT}/ (refreshed every 30 s). Presence changes follow; Ctrl-C to stop.\n`,
  );

  const seen = new Map<string, string>();
  const seenBadges = new Map<string, string>();
  runDemoLoop({
    look: () => {
      void readPopupRows(popup).then(
        (rows) => {
          for (const row of rows) {
            const text = describeRow(row);
            if (seen.get(row.name) === text) continue;
            seen.set(row.name, text);
            console.log(`${new Date().toLocaleTimeString('en-GB')}  ${row.name}: ${text}`);
          }
        },
        () => undefined,
      );
      void readBadgeLabels(demoPage).then(
        (labels) => {
          // One line per person whose badges changed: every badge of a person says the same.
          const byPerson = new Map<string, string[]>();
          for (const label of labels) {
            const name = label.slice(0, label.indexOf(':'));
            byPerson.set(name, [...(byPerson.get(name) ?? []), label]);
          }
          for (const [name, same] of byPerson) {
            const text = `${same[0]} (${same.length} badge${same.length === 1 ? '' : 's'})`;
            if (seenBadges.get(name) === text) continue;
            seenBadges.set(name, text);
            console.log(`${new Date().toLocaleTimeString('en-GB')}  on /demo: ${text}`);
          }
        },
        () => undefined,
      );
    },
    shoot,
    closeBrowser: () => extension.close(),
    closeEmulator: () => emulator.close(),
  });
}

startDemo(main);
