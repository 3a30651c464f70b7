/**
 * `npm run test:conformance`: the official Webex JS SDK, pointed at the emulator, must get through
 * catalog discovery, device registration, Mercury (with 45 s of ping/pong) and presence. Prints
 * each step as PASS/FAIL, then a JSON summary line; exits 1 on any failure or unhandled rejection.
 *
 * CONFORMANCE_VERBOSE=1 prints the SDK's and the emulator's logs to stderr.
 */
import { DEMO_ORG_ID, DEMO_TOKEN } from '../../emulator/demo-token';
import type { RunningEmulator } from '../../emulator/server';
import { startEmulator } from '../../emulator/server';
import { EmulatorControl } from './emulator-control';
import { Report, check } from './report';
import type { WebexSdk } from './sdk';
import { createSdk } from './sdk';
import type { Context } from './steps';
import { STEPS } from './steps';

const KEEP_ALIVE_MS = 45_000;
const PING_INTERVAL_MS = 5_000;
const PONG_TIMEOUT_MS = 4_000;
const PUSH_EVERY_MS = 7_000;

const verbose = process.env['CONFORMANCE_VERBOSE'] === '1';
const rejections: string[] = [];
process.on('unhandledRejection', (reason) => {
  const text = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
  rejections.push(text);
  console.error(`unhandled rejection: ${text}`);
});

async function main(): Promise<number> {
  const started = performance.now();
  const report = new Report();
  const emulator: RunningEmulator = await startEmulator({ port: 0, demo: true, verbose });
  const loggedErrors: string[] = [];
  let sdk: WebexSdk | undefined;
  try {
    await report.step('sdk: core and plugins load in Node', async () => {
      sdk = createSdk({
        baseUrl: emulator.baseUrl,
        token: DEMO_TOKEN,
        pingIntervalMs: PING_INTERVAL_MS,
        pongTimeoutMs: PONG_TIMEOUT_MS,
        verbose,
        loggedErrors,
      });
    });
    if (sdk) {
      const ctx: Context = {
        sdk,
        emu: new EmulatorControl(emulator.baseUrl),
        orgId: DEMO_ORG_ID,
        keepAliveMs: KEEP_ALIVE_MS,
        pushEveryMs: PUSH_EVERY_MS,
        pingIntervalMs: PING_INTERVAL_MS,
        people: [],
        deviceUrl: '',
        pongs: 0,
        pushesSent: 0,
        pushesSeen: 0,
      };
      for (const step of STEPS) {
        const timeoutMs = step.timeoutMs === 0 ? KEEP_ALIVE_MS + 15_000 : step.timeoutMs;
        await report.step(step.name, () => step.run(ctx), timeoutMs);
      }
    }
    await report.step('process: no unhandled rejection', async () => {
      check(rejections.length === 0, `${rejections.length}: ${rejections[0]?.split('\n')[0]}`);
    });
  } finally {
    await emulator.close();
  }
  if (loggedErrors.length > 0) {
    console.log(`The SDK logged ${loggedErrors.length} error(s); the first: ${loggedErrors[0]}`);
  }
  console.log(report.summary(performance.now() - started));
  return report.passed === report.results.length ? 0 : 1;
}

main().then(
  (code) => process.exit(code), // the presence worker's timers would keep Node alive
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
