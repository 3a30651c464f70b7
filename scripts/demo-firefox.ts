/**
 * `npm start -- --firefox`: the demo of scripts/demo.ts in firefox-esr with dist-firefox/. The
 * emulator with its demo organisation; Firefox signed in to it through Options, watching the demo
 * people, badges allowed on the emulator's /demo page, and the popup open. Without a display it
 * runs headless, saves screenshots to demo-output/firefox-*.png and prints every change the popup
 * and the page show. Ctrl-C ends it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEMO_TOKEN } from '../emulator/demo-token';
import { startEmulator } from '../emulator/server';
import { BADGE_ATTRIBUTE } from '../src/content/dom-marks';
import {
  click,
  fill,
  listItems,
  until,
  waitForButton,
  waitForText,
} from './lib/firefox-page-queries';
import { launchFirefox } from './lib/launch-firefox';
import { listDemoPeople, runDemoLoop, startDemo } from './lib/demo-loop';

const OUTPUT = path.resolve(import.meta.dirname, '../demo-output');
const port = Number(process.env.PORT ?? 8787);

async function main() {
  const emulator = await startEmulator({ port, tokens: [DEMO_TOKEN], demo: true }).catch(() =>
    startEmulator({ port: 0, tokens: [DEMO_TOKEN], demo: true }),
  );
  console.log(`Webex emulator with demo people at ${emulator.baseUrl} (demo page: /demo)`);
  const headless = !process.env.DISPLAY;
  const firefox = await launchFirefox({ headless });
  console.log(
    `Firefox ESR${headless ? ' (headless)' : ''} with Presence Lens at ${firefox.origin}`,
  );

  const options = await firefox.openPage('src/options/index.html');
  await fill(options, 'Server URL', emulator.baseUrl);
  await fill(options, 'Access token', DEMO_TOKEN);
  await click(options, 'Connect');
  await waitForText(options, 'Signed in as', 15_000);
  const people = await listDemoPeople(emulator.baseUrl);
  for (const person of people) {
    if (!person.emails[0]) continue;
    await fill(options, 'Add contact', person.emails[0]);
    await click(options, 'Add');
    await waitForButton(options, `Remove ${person.displayName}`);
  }
  console.log(`Signed in to the emulator and watching ${people.length} demo people.`);
  await fill(options, 'Site', emulator.baseUrl);
  await click(options, 'Allow site');
  await waitForButton(options, `Remove ${emulator.baseUrl}`);
  console.log(`Page badges allowed on ${emulator.baseUrl}.`);

  const popup = await firefox.openPage('src/popup/index.html');
  await popup.setViewport({ width: 380, height: 760 });
  const demoPage = await firefox.openUrl(`${emulator.baseUrl}/demo`);
  const badgeLabels = () =>
    demoPage.evaluate(
      `[...document.querySelectorAll('[${BADGE_ATTRIBUTE}]')].map((b) => b.getAttribute('aria-label') ?? '')`,
    ) as Promise<string[]>;
  await until('badges on /demo', badgeLabels, (labels) => labels.length > 0, 15_000);

  mkdirSync(OUTPUT, { recursive: true });
  const shoot = async () => {
    await popup.screenshot({ path: path.join(OUTPUT, 'firefox-popup.png') });
    await demoPage.screenshot({ path: path.join(OUTPUT, 'firefox-demo-page.png') });
  };
  await shoot();
  console.log(
    `Screenshots in ${OUTPUT}/firefox-*.png (every 30 s). Changes follow; Ctrl-C to stop.\n`,
  );

  const seen = new Set<string>();
  const report = (line: string) => {
    if (seen.has(line)) return;
    seen.add(line);
    console.log(`${new Date().toLocaleTimeString('en-GB')}  ${line}`);
  };
  runDemoLoop({
    look: () => {
      // The popup is the visible tab only now and then; badges of a hidden tab wait until it shows.
      void listItems(popup).then(
        (rows) => rows.forEach((row) => report(row)),
        () => undefined,
      );
      void badgeLabels().then(
        (labels) => labels.forEach((l) => report(`on /demo: ${l}`)),
        () => undefined,
      );
    },
    shoot,
    closeBrowser: () => firefox.close(),
    closeEmulator: () => emulator.close(),
  });
}

startDemo(main);
